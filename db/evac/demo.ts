import type { EventRecord } from '../../core/contract/system';
import type { MoveResult, ShelterView } from '../../core/contract/evac';
import type { VulnerableFlag } from '../../core/domain/evac/model';
import { DEMO_UNIT } from '../system';
import type { SeedContext } from '../platform/seed';

const H = 3_600_000;
const SURNAMES = ['陈', '李', '张', '黄', '王', '刘', '林', '吴', '郑', '杨', '周', '何'];
const GIVEN = ['建国', '秀英', '志强', '丽华', '伟', '敏', '海燕', '国平', '小明', '子涵', '桂芳', '家豪', '雨桐', '文斌', '玉兰', '俊杰'];
const { lat, lng } = DEMO_UNIT.centre;

const SOURCES = [
  { kind: 'hazard_point', hazardPointId: 'HF-YH-003', name: '梅林坳边坡', lat: lat + 0.0062, lng: lng - 0.0041 },
  { kind: 'address', address: '华富村 3 栋（危房）', community: '华富村社区', lat: lat + 0.0018, lng: lng + 0.0027 },
  { kind: 'hazard_point', hazardPointId: 'HF-YH-011', name: '田面村低洼地下车库', lat: lat - 0.0035, lng: lng + 0.0052 },
] as const;

/** Households of 1–4 with about one vulnerable person in four, names drawn deterministically. */
function households(count: number, seed: number) {
  // mulberry32: the low bits of a plain LCG repeat too soon for household sizes.
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return Array.from({ length: count }, () => {
    const surname = SURNAMES[next() % SURNAMES.length];
    const size = 1 + (next() % 4);
    const members = Array.from({ length: size }, () => {
      const flags: VulnerableFlag[] = next() % 4 === 0 ? [(['elderly', 'child', 'sick', 'disabled', 'pregnant'] as const)[next() % 5]] : [];
      return { name: `${surname}${GIVEN[next() % GIVEN.length]}`, phone: next() % 2 ? `139${String(10_000_000 + (next() % 89_999_999))}` : '', flags };
    });
    // Two people of the same name in one household would be flagged as one; give them distinct names.
    members.forEach((m, i) => (m.name = members.slice(0, i).some((o) => o.name === m.name) ? `${m.name}${'甲乙丙丁'[i]}` : m.name));
    return { headName: members[0].name, members };
  });
}

export function seedEvac(ctx: SeedContext): void {
  const events = ctx.call<EventRecord[]>('events.list', { includeEnded: true });
  const saola = events.find((e) => e.endedAtMs !== null);
  const current = events.find((e) => e.endedAtMs === null);
  const shelter = (input: Record<string, unknown>) => ctx.call<ShelterView>('evac.createShelter', input);
  const school = shelter({
    name: '文昌路小学',
    nameEn: 'Wenchang Road Primary School',
    type: 'school',
    address: '福田区华富街道文昌路 18 号',
    lat: lat + 0.0021,
    lng: lng - 0.0018,
    usableAreaM2: 120,
    contactName: '周校长',
    contactPhone: '0755-83001234',
    supplies: [
      { item: 'beds', quantity: 80, unit: 'sheet' },
      { item: 'water', quantity: 120, unit: 'case' },
      { item: 'food', quantity: 300, unit: 'portion' },
      { item: 'medicine', quantity: 2, unit: 'case' },
    ],
  });
  const hotel = shelter({ name: '就近宾馆', nameEn: 'Nearby hotel', type: 'hotel', address: '福田区华富路 66 号', lat: lat - 0.0012, lng: lng + 0.0015, capacity: 50, contactName: '林经理', contactPhone: '13823456789' });
  const centre = shelter({ name: '华富街道社区活动中心', nameEn: 'Huafu community centre', type: 'community_centre', address: '福田区莲花路 2002 号', lat: lat + 0.0008, lng: lng - 0.0046, usableAreaM2: 45, contactName: '何主任', contactPhone: '0755-83005678' });
  shelter({ name: '华富中学体育馆', nameEn: 'Huafu Middle School gym', type: 'gym', address: '福田区华富街道', lat: lat - 0.0049, lng: lng - 0.0022, usableAreaM2: 600 });

  if (saola) {
    // 台风“苏拉”: 126 people, 46 to the hotel and 80 to the school, everyone home three days later.
    const t0 = saola.endedAtMs! - 84 * H;
    const all = households(60, 7);
    let total = 0;
    const batches: { hh: ReturnType<typeof households>; shelterId: string }[] = [{ hh: [], shelterId: hotel.id }, { hh: [], shelterId: school.id }];
    for (const h of all) {
      if (total >= 126) break;
      const room = 126 - total;
      const members = h.members.slice(0, room);
      total += members.length;
      const batch = batches[0].hh.reduce((n, x) => n + x.members.length, 0) + members.length <= 46 ? batches[0] : batches[1];
      batch.hh.push({ ...h, members });
    }
    batches.forEach(({ hh, shelterId }, i) =>
      hh.forEach((household, j) =>
        ctx.call<MoveResult>('evac.moveGroup', {
          eventId: saola.id,
          source: SOURCES[(i + j) % SOURCES.length],
          atMs: t0 + j * 5 * 60_000,
          by: '华富街道应急队',
          households: [household],
          destination: { kind: 'shelter', shelterId },
        }),
      ),
    );
    for (const s of [hotel, school]) ctx.call('evac.returnPeople', { eventId: saola.id, shelterId: s.id, atMs: saola.endedAtMs! - 2 * H, by: '社区网格员' });
    for (const s of [hotel, school]) ctx.call('evac.setShelterStatus', { id: s.id, status: 'closed', eventId: saola.id, atMs: saola.endedAtMs! });
  }

  if (current) {
    // The rain now: people from the slope in the school and the community centre, some with relatives, some back home.
    const t0 = ctx.nowMs - 30 * H;
    ctx.call('evac.setShelterStatus', { id: school.id, status: 'open', eventId: current.id, atMs: t0 });
    const slope = households(6, 3);
    const b3 = households(4, 11);
    slope.forEach((household, i) =>
      ctx.call('evac.moveGroup', {
        eventId: current.id,
        source: SOURCES[0],
        atMs: t0 + i * 10 * 60_000,
        by: '张伟',
        households: [household],
        destination: i < 4 ? { kind: 'shelter', shelterId: school.id } : { kind: 'dispersed', where: '投亲：福田区梅林街道' },
      }),
    );
    b3.forEach((household, i) =>
      ctx.call('evac.moveGroup', { eventId: current.id, source: SOURCES[1], atMs: t0 + 2 * H + i * 10 * 60_000, by: '李娜', households: [household], destination: { kind: 'shelter', shelterId: centre.id } }),
    );
    ctx.call('evac.returnPeople', { eventId: current.id, sourceKey: 'address:华富村社区|华富村 3 栋（危房）', atMs: ctx.nowMs - 6 * H, by: '社区网格员' });
  }
}
