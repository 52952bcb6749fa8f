import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvacDashboard, MoveResult, PersonRow, ShelterView } from '../../../core/contract/evac';
import type { EventRecord } from '../../../core/contract/system';
import { createTestDb, type TestDb } from '../../support/db';

const NOW = Date.UTC(2026, 6, 1, 4, 0); // 12:00 in Shanghai
const H = 3_600_000;
const VIEWER = { id: 'v', name: '访客', role: 'viewer' as const };

let t: TestDb;
let event: EventRecord;
beforeEach(() => {
  t = createTestDb(NOW);
  event = t.call<EventRecord>('events.create', { name: '台风“苏拉”', startedAtMs: NOW - 24 * H });
});
afterEach(() => t.close());

/** Every evac table's rows, to prove a refused call wrote nothing. */
function dump(): string {
  const tables = ['evac_shelters', 'evac_shelter_periods', 'evac_households', 'evac_persons', 'evac_movements', 'evac_capacity_overrides', 'evac_duplicate_flags', 'audit_log'];
  return JSON.stringify(tables.map((name) => t.db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()));
}

const school = (over: Record<string, unknown> = {}) =>
  t.call<ShelterView>('evac.createShelter', { name: '文昌路小学', type: 'school', usableAreaM2: 6, address: '文昌路 1 号', lat: 22.55, lng: 114.07, ...over });

function moveHousehold(names: string[], extra: Record<string, unknown> = {}): MoveResult {
  return t.call<MoveResult>('evac.moveGroup', {
    eventId: event.id,
    source: { kind: 'hazard_point', hazardPointId: 'hp-3', name: '梅林坳边坡' },
    atMs: NOW - 3 * H,
    by: '张伟',
    households: [{ headName: names[0], members: names.map((name, i) => ({ name, flags: i === 0 ? ['elderly'] : [] })) }],
    ...extra,
  });
}

const ids = (r: MoveResult) => r.moved.map((m) => m.personId);
const dash = (atMs: number | null = null) => t.call<EvacDashboard>('evac.dashboard', { eventIds: [event.id], atMs });

describe('shelters', () => {
  it('derives capacity from area, edits it, lists it, and refuses nonsense', () => {
    const s = school({ usableAreaM2: 120 });
    expect(s).toMatchObject({ capacity: 80, capacitySet: null, status: 'ready', occupancy: 0 });
    const edited = t.call<ShelterView>('evac.updateShelter', { id: s.id, patch: { capacity: 50, supplies: [{ item: 'water', quantity: 200, unit: '箱' }] } });
    expect(edited).toMatchObject({ capacity: 50, capacitySet: 50, name: '文昌路小学', address: '文昌路 1 号' });
    expect(edited.supplies).toEqual([{ item: 'water', label: '', quantity: 200, unit: '箱' }]);
    expect(t.call<ShelterView[]>('evac.listShelters', {}).map((x) => x.id)).toEqual([s.id]);
    const before = dump();
    expect(t.fail('evac.updateShelter', { id: s.id, patch: { capacity: -1 } }).code).toBe('validation');
    expect(t.fail('evac.createShelter', { name: '', type: 'school' }).code).toBe('validation');
    expect(t.fail('evac.createShelter', { name: 'x', type: 'school', lat: 22.5 }).key).toBe('errors.evac.halfLocation');
    expect(dump()).toBe(before);
  });

  it('refuses deleting or closing a shelter while occupied, allows it once empty', () => {
    const s = school();
    const moved = moveHousehold(['李秀英', '王强'], { destination: { kind: 'shelter', shelterId: s.id } });
    const before = dump();
    expect(t.fail('evac.deleteShelter', { id: s.id })).toMatchObject({ code: 'conflict', key: 'errors.evac.shelterOccupied', params: { occupancy: 2 } });
    expect(t.fail('evac.setShelterStatus', { id: s.id, status: 'closed', atMs: NOW })).toMatchObject({ key: 'errors.evac.shelterOccupied' });
    expect(t.fail('evac.updateShelter', { id: s.id, patch: { capacity: 1 } }).key).toBe('errors.evac.capacityBelowOccupancy');
    expect(dump()).toBe(before);
    t.call('evac.returnPeople', { eventId: event.id, personIds: ids(moved), atMs: NOW - H });
    t.call('evac.setShelterStatus', { id: s.id, status: 'closed', eventId: event.id, atMs: NOW });
    const closed = t.call<ShelterView[]>('evac.listShelters', {})[0];
    expect(closed.periods).toEqual([{ eventId: event.id, openedAtMs: NOW - 3 * H, closedAtMs: NOW }]);
    t.call('evac.deleteShelter', { id: s.id });
    expect(t.call<ShelterView[]>('evac.listShelters', {})).toEqual([]);
  });
});

describe('moving, checking in, returning', () => {
  it('moves a household from a hazard point into a shelter, then home', () => {
    const s = school();
    const moved = moveHousehold(['李秀英', '王强', '王小明'], { destination: { kind: 'shelter', shelterId: s.id } });
    expect(moved.moved.map((m) => m.name)).toEqual(['李秀英', '王强', '王小明']);
    expect(moved.householdIds).toHaveLength(1);
    let d = dash();
    expect(d).toMatchObject({ movedHouseholds: 1, movedPeople: 3, vulnerablePeople: 1, stillOut: 3, currentByShelter: { [s.id]: 3 } });
    expect(d.byStatus.in_shelter).toBe(3);
    expect(t.call<ShelterView[]>('evac.listShelters', {})[0]).toMatchObject({ status: 'open', occupancy: 3 });

    t.call('evac.returnPeople', { eventId: event.id, shelterId: s.id, atMs: NOW - H });
    d = dash();
    expect(d.byStatus.returned).toBe(3);
    expect(d.stillOut).toBe(0);
    expect(d.summary.zh).toBe('共转移 3 人（其中老幼病残孕 1 人），文昌路小学安置 3 人；目前已全部返回。');
    expect(d.summary.en).toBe('3 people were evacuated (1 of them elderly, children, sick, disabled or pregnant): 3 sheltered at 文昌路小学; all have now returned home.');
  });

  it('asks for an override beyond capacity and records it', () => {
    const s = school(); // 6 m² → 4 people
    const first = moveHousehold(['甲', '乙', '丙']);
    t.call('evac.checkIn', { eventId: event.id, personIds: ids(first), shelterId: s.id, atMs: NOW - 2 * H });
    const second = moveHousehold(['丁', '戊']);
    const before = dump();
    const refused = t.fail('evac.checkIn', { eventId: event.id, personIds: ids(second), shelterId: s.id, atMs: NOW - 2 * H });
    expect(refused).toMatchObject({ code: 'conflict', key: 'errors.evac.overCapacity', params: { capacity: 4, current: 3, adding: 2, after: 5, excess: 1 } });
    expect(dump()).toBe(before);
    expect(t.fail('evac.checkIn', { eventId: event.id, personIds: ids(second), shelterId: s.id, atMs: NOW, override: { reason: '' } }).code).toBe('validation');

    const ok = t.call<{ count: number; overrideId: string }>('evac.checkIn', {
      eventId: event.id,
      personIds: ids(second),
      shelterId: s.id,
      atMs: NOW - 2 * H,
      override: { reason: '周边安置点已满，临时加铺' },
    });
    expect(ok.count).toBe(2);
    const row = t.db.prepare('SELECT * FROM evac_capacity_overrides WHERE id = ?').get(ok.overrideId) as Record<string, unknown>;
    expect(row).toMatchObject({ reason: '周边安置点已满，临时加铺', capacity: 4, occupancy_before: 3, adding: 2, actor_name: '测试员' });
    expect(t.call<ShelterView[]>('evac.listShelters', {})[0]).toMatchObject({ status: 'full', occupancy: 5 });
    expect(dash().overrides).toBe(1);
  });

  it('refuses a return before the move, a second check-in, and a return after return, writing nothing', () => {
    const s = school();
    const moved = moveHousehold(['李秀英']);
    const before = dump();
    expect(t.fail('evac.returnPeople', { eventId: event.id, personIds: ids(moved), atMs: NOW - 4 * H })).toMatchObject({
      key: 'errors.evac.time_before_move',
      params: { name: '李秀英', at: '2026-07-01 08:00', ref: '2026-07-01 09:00' },
    });
    expect(dump()).toBe(before);
    t.call('evac.checkIn', { eventId: event.id, personIds: ids(moved), shelterId: s.id, atMs: NOW - 2 * H });
    expect(t.fail('evac.checkIn', { eventId: event.id, personIds: ids(moved), shelterId: s.id, atMs: NOW - H }).key).toBe('errors.evac.same_shelter');
    t.call('evac.returnPeople', { eventId: event.id, personIds: ids(moved), atMs: NOW - H });
    const after = dump();
    expect(t.fail('evac.checkIn', { eventId: event.id, personIds: ids(moved), shelterId: s.id, atMs: NOW }).key).toBe('errors.evac.already_returned');
    expect(t.fail('evac.returnPeople', { eventId: event.id, personIds: ids(moved), atMs: NOW }).key).toBe('errors.evac.already_returned');
    expect(dump()).toBe(after);
    // A person both back home and in a shelter cannot even be written by hand.
    expect(() => t.db.prepare("UPDATE evac_persons SET status = 'returned', shelter_id = ? WHERE id = ?").run(s.id, ids(moved)[0])).toThrow(/CHECK/);
  });

  it('refuses absurd counts and future times', () => {
    const before = dump();
    const many = Array.from({ length: 31 }, (_, i) => ({ name: `人${i}` }));
    expect(t.fail('evac.moveGroup', { eventId: event.id, source: { kind: 'address', address: '3 栋' }, atMs: NOW, households: [{ members: many }] }).key).toBe(
      'errors.evac.householdTooBig',
    );
    expect(t.fail('evac.moveGroup', { eventId: event.id, source: { kind: 'address', address: '3 栋' }, atMs: NOW + 2 * H, households: [{ members: [{ name: '甲' }] }] }).key).toBe(
      'errors.evac.future',
    );
    expect(t.fail('evac.moveGroup', { eventId: event.id, source: { kind: 'address', address: '3 栋' }, atMs: -5, households: [{ members: [{ name: '甲' }] }] }).code).toBe('validation');
    expect(t.fail('evac.moveGroup', { eventId: event.id, source: { kind: 'address', address: '3 栋' }, atMs: NOW, households: [{ members: [{ name: '甲', idNumber: '123' }] }] }).code).toBe(
      'validation',
    );
    expect(t.fail('evac.moveGroup', { eventId: event.id, source: { kind: 'address', address: '3 栋' }, atMs: NOW, households: [{ members: [{ name: '甲' }, { name: '甲' }] }] }).key).toBe(
      'errors.evac.repeatedInForm',
    );
    expect(dump()).toBe(before);
  });

  it('flags the same person moved twice in one event and counts them once; moves a returned person again', () => {
    const member = { name: '陈建国', idNumber: '440304195501011234', phone: '13800138000' };
    const src = { kind: 'address', address: '华富村 3 栋' };
    const first = t.call<MoveResult>('evac.moveGroup', { eventId: event.id, source: src, atMs: NOW - 3 * H, households: [{ members: [member] }] });
    const again = t.call<MoveResult>('evac.moveGroup', {
      eventId: event.id,
      source: src,
      atMs: NOW - 2 * H,
      households: [{ members: [{ ...member, name: '陈建国 ', idNumber: '' }, { name: '陈小红' }] }],
    });
    expect(again.duplicates).toEqual([{ existingPersonId: first.moved[0].personId, name: '陈建国', basis: 'name_phone' }]);
    expect(again.moved.map((m) => m.name)).toEqual(['陈小红']);
    expect(dash()).toMatchObject({ movedPeople: 2, duplicatesFlagged: 1 });

    t.call('evac.returnPeople', { eventId: event.id, sourceKey: 'address:|华富村 3 栋', atMs: NOW - H });
    const third = t.call<MoveResult>('evac.moveGroup', { eventId: event.id, source: src, atMs: NOW - H / 2, households: [{ members: [member] }] });
    expect(third.movedAgain.map((m) => m.personId)).toEqual([first.moved[0].personId]);
    expect(dash()).toMatchObject({ movedPeople: 2, stillOut: 1 });
  });

  it('returns everyone from one source in one call ("all of building 3 went home at 14:00")', () => {
    const b3 = { kind: 'address', address: '3 栋', community: '华富村社区' };
    t.call('evac.moveGroup', { eventId: event.id, source: b3, atMs: NOW - 3 * H, households: [{ members: [{ name: '甲' }, { name: '乙' }] }, { members: [{ name: '丙' }] }] });
    moveHousehold(['丁']);
    const r = t.call<{ count: number }>('evac.returnPeople', { eventId: event.id, sourceKey: 'address:华富村社区|3 栋', atMs: NOW - H });
    expect(r.count).toBe(3);
    const d = dash();
    expect(d.bySource.map((s) => [s.name, s.movedHouseholds, s.movedPeople, s.byStatus.returned])).toEqual([
      ['3 栋', 2, 3, 3],
      ['梅林坳边坡', 1, 1, 0],
    ]);
    expect(t.fail('evac.returnPeople', { eventId: event.id, sourceKey: 'address:华富村社区|3 栋', atMs: NOW }).key).toBe('errors.evac.nobodyToReturn');
  });
});

describe('personal data and the dashboard', () => {
  it('masks ID numbers and phones unless asked for by an allowed role', () => {
    t.call('evac.moveGroup', {
      eventId: event.id,
      source: { kind: 'address', address: '3 栋' },
      atMs: NOW - H,
      households: [{ members: [{ name: '陈建国', idNumber: '440304195501011234', phone: '13800138000' }] }],
    });
    const masked = t.call<{ rows: PersonRow[] }>('evac.listPeople', { eventId: event.id }).rows[0];
    expect([masked.idNumber, masked.phone]).toEqual(['440304********1234', '138****8000']);
    const full = t.call<{ rows: PersonRow[] }>('evac.listPeople', { eventId: event.id, includePersonal: true }).rows[0];
    expect([full.idNumber, full.phone]).toEqual(['440304195501011234', '13800138000']);
    expect(t.fail('evac.listPeople', { eventId: event.id, includePersonal: true }, VIEWER)).toMatchObject({ code: 'forbidden', key: 'errors.evac.personalData' });
    expect(t.fail('evac.exportData', { eventId: event.id, includePersonal: true }, VIEWER).code).toBe('forbidden');
    expect(t.call<{ rows: PersonRow[] }>('evac.listPeople', { eventId: event.id }, VIEWER).rows[0].phone).toBe('138****8000');
  });

  it('gives the same totals from the current-state columns and from replaying the log, and replays the past', () => {
    const s = school({ usableAreaM2: 150 });
    const hotel = t.call<ShelterView>('evac.createShelter', { name: '华富宾馆', type: 'hotel', capacity: 40 });
    const a = moveHousehold(['甲', '乙', '丙'], { destination: { kind: 'shelter', shelterId: s.id } });
    const b = moveHousehold(['丁', '戊'], { destination: { kind: 'shelter', shelterId: hotel.id } });
    t.call('evac.moveGroup', {
      eventId: event.id,
      source: { kind: 'address', address: '5 栋' },
      atMs: NOW - 3 * H,
      households: [{ members: [{ name: '己', flags: ['child', 'sick'] }] }],
      destination: { kind: 'dispersed', where: '福田区亲戚家' },
    });
    t.call('evac.checkIn', { eventId: event.id, personIds: ids(b).slice(0, 1), shelterId: s.id, atMs: NOW - 2 * H });
    t.call('evac.returnPeople', { eventId: event.id, personIds: ids(a).slice(0, 2), atMs: NOW - H });
    const now = dash();
    const replay = dash(NOW);
    const { atMs: _a, basis: _b, summary: _s, ...sql } = now;
    const { atMs: _c, basis: _d, summary: _e, ...rep } = replay;
    expect(rep).toEqual(sql);
    expect(now.byDestination).toEqual({ shelters: { [s.id]: 3, [hotel.id]: 2 }, dispersed: 1, elsewhere: 0, unplaced: 0 });
    expect(now.currentByShelter).toEqual({ [s.id]: 2, [hotel.id]: 1 });
    const past = dash(NOW - 2.5 * H);
    expect(past).toMatchObject({ movedPeople: 6, stillOut: 6, currentByShelter: { [s.id]: 3, [hotel.id]: 2 } });
    expect(past.summary.zh.startsWith('截至 7月1日 09:30，共转移 6 人（其中老幼病残孕 3 人）')).toBe(true);
    const sum = Object.values(now.byStatus).reduce((x, y) => x + y, 0);
    expect(sum).toBe(now.movedPeople);
  });
});

describe('demo data', () => {
  it('seeds through the contract, and 台风“苏拉” reads as the leaders wrote it', async () => {
    const { seedFoundation } = await import('../../../db/system/demo');
    const { seedEvac } = await import('../../../db/evac/demo');
    const fresh = createTestDb(NOW);
    try {
      const seed = { db: fresh.db, nowMs: NOW, call: <T,>(m: string, i: unknown) => fresh.call<T>(m, i) };
      seedFoundation(seed);
      seedEvac(seed);
      const saola = fresh.call<EventRecord[]>('events.list', {}).find((e) => e.name === '台风“苏拉”')!;
      const d = fresh.call<EvacDashboard>('evac.dashboard', { eventIds: [saola.id] });
      expect(d).toMatchObject({ movedPeople: 126, stillOut: 0 });
      expect(d.summary.zh).toMatch(/^共转移 126 人（其中老幼病残孕 \d+ 人），就近宾馆安置 46 人，文昌路小学安置 80 人；目前已全部返回。$/);
      const all = fresh.call<EvacDashboard>('evac.dashboard', {});
      expect(all.byStatus.in_shelter).toBeGreaterThan(0);
    } finally {
      fresh.close();
    }
  });
});
