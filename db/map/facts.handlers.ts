import type { MapFact, MapPointFacts, PointLayerId } from '../../core/contract/map-layers';
import type { ShelterType } from '../../core/domain/evac/model';
import { HAZARD_TYPE_LABELS } from '../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../core/domain/hazards/points';
import { RAIN_GRADE_LABELS } from '../../core/domain/rain/grades';
import { WATER_STATUS_LABELS } from '../../core/domain/rain/water';
import { NotFound } from '../../core/errors';
import { formatLocal } from '../../core/time';
import { damageFacts } from '../damage';
import { eventsRepo } from '../events';
import { evacHandlers, evacPeopleRepo } from '../evac';
import { dutyDay, pointsRepo, rectificationsRepo } from '../hazards';
import { rainOverview as overview, rainStationsRepo } from '../rain';
import type { HandlerContext } from '../platform/context';
import { markersRepo } from './map.repo';

/**
 * A popup's facts, read for one point when it opens: the layers carry none, so 50k points
 * do not ship 50k sets of facts nobody looks at, and each fact carries both languages.
 */

const SHELTER_TYPE_LABELS: Record<ShelterType, { zh: string; en: string }> = {
  school: { zh: '学校', en: 'School' },
  community_centre: { zh: '社区活动中心', en: 'Community centre' },
  hotel: { zh: '协议宾馆', en: 'Contracted hotel' },
  gym: { zh: '体育馆', en: 'Gym' },
  other: { zh: '其他', en: 'Other' },
};

/** A fact whose value reads the same in both languages (a name, a number, a time). */
const same = (label: string, labelEn: string, value: string): MapFact => ({ label, labelEn, value, valueEn: value });
/** A fact whose value is a domain word, from the domain's own label table. */
const worded = (label: string, labelEn: string, word: { zh: string; en: string } | undefined): MapFact => ({ label, labelEn, value: word?.zh ?? '—', valueEn: word?.en ?? '—' });
const joined = (...parts: string[]) => parts.filter(Boolean).join(' ') || '—';
const mm = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} mm`);
const metres = (x: number | null) => (x === null ? '—' : `${x.toFixed(2)} m`);

function hazardFacts(ctx: HandlerContext, id: string): MapPointFacts {
  const p = pointsRepo(ctx.db).get(id);
  if (!p) throw new NotFound('hazard_point', id);
  const overdue = rectificationsRepo(ctx.db).list({ status: null, overdueOnly: true, pointId: id, today: dutyDay(ctx), limit: 0, offset: 0 }).total;
  const zone = ctx.settings().general.timeZone;
  return {
    facts: [
      worded('类型', 'Type', HAZARD_TYPE_LABELS[p.hazardType]),
      worded('风险', 'Risk', RISK_LEVEL_LABELS[p.riskLevel]),
      same('责任人', 'Responsible', joined(p.responsiblePerson, p.personPhone)),
      same('上次检查', 'Last inspected', p.lastInspectionMs === null ? '—' : formatLocal(p.lastInspectionMs, 'yyyy-MM-dd HH:mm', zone)),
      same('逾期整改', 'Overdue fixes', String(overdue)),
    ],
    link: `#/hazards/${p.id}`,
  };
}

function shelterFacts(ctx: HandlerContext, id: string): MapPointFacts {
  const s = evacHandlers['evac.listShelters'](ctx, { includeClosed: true }).find((shelter) => shelter.id === id);
  if (!s) throw new NotFound('shelter', id);
  return {
    facts: [
      worded('类型', 'Type', SHELTER_TYPE_LABELS[s.type]),
      same('安置/容量', 'Occupancy / capacity', `${s.occupancy} / ${s.capacity ?? '—'}`),
      same('地址', 'Address', s.address || '—'),
      same('联系人', 'Contact', joined(s.contactName, s.contactPhone)),
    ],
    link: `#/evac/shelters/${s.id}`,
  };
}

function sourceFacts(ctx: HandlerContext, key: string): MapPointFacts {
  const event = eventsRepo(ctx.db).latestOpen();
  const src = evacPeopleRepo(ctx.db)
    .sourcePoints(event?.id ?? null)
    .find((s) => s.key === key);
  if (!src) throw new NotFound('evac_source', key);
  return { facts: [same('转移人数', 'People moved', String(src.people)), same('仍未返回', 'Still out', String(src.out))], link: '#/evac' };
}

function gaugeFacts(ctx: HandlerContext, id: string): MapPointFacts {
  const station = rainStationsRepo(ctx.db).get(id);
  if (!station || station.deletedAt) throw new NotFound('rain_station', id);
  const [row] = overview(ctx, [station], ctx.nowMs).stations;
  const last = row.lastEndMs === null ? '—' : formatLocal(row.lastEndMs, 'MM-dd HH:mm', ctx.settings().general.timeZone);
  const facts =
    station.type === 'water'
      ? [
          same('水位', 'Level', metres(row.levelM)),
          same('警戒水位', 'Warning level', metres(station.warningM)),
          worded('状态', 'Status', WATER_STATUS_LABELS[row.waterStatus ?? 'unknown']),
          same('观测时间', 'Observed', last),
        ]
      : [
          same('1小时雨量', '1 h rain', mm(row.rolling?.h1.totalMm ?? null)),
          same('24小时雨量', '24 h rain', mm(row.rolling?.h24.totalMm ?? null)),
          worded('等级', 'Grade', row.grade24 ? RAIN_GRADE_LABELS[row.grade24] : undefined),
          same('最新数据', 'Latest', last),
        ];
  return { facts, link: `#/rain/${station.id}` };
}

function markerFacts(ctx: HandlerContext, id: string): MapPointFacts {
  const marker = markersRepo(ctx.db).get(id);
  if (!marker) throw new NotFound('map_marker', id);
  return { facts: marker.notes ? [same('备注', 'Notes', marker.notes)] : [], link: '' };
}

const FACTS: Record<PointLayerId, (ctx: HandlerContext, id: string) => MapPointFacts> = {
  hazards: hazardFacts,
  shelters: shelterFacts,
  evacSources: sourceFacts,
  rainGauges: gaugeFacts,
  waterGauges: gaugeFacts,
  damage: damageFacts,
  markers: markerFacts,
};

export function pointFacts(ctx: HandlerContext, { layer, id }: { layer: PointLayerId; id: string }): MapPointFacts {
  return FACTS[layer](ctx, id);
}
