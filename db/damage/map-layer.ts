import { columnsOf, EMPTY_LAYER, type MapFact, type MapLayerData, type MapPointFacts } from '../../core/contract/map-layers';
import type { DamageRecord } from '../../core/contract/damage';
import { DAMAGE_TYPES, INDICATORS, UNITS } from '../../core/domain/damage/catalogue';
import { describeQuantities } from '../../core/domain/damage/quantities';
import { NotFound } from '../../core/errors';
import { formatLocal } from '../../core/time';
import type { HandlerContext } from '../platform/context';
import { eventsRepo } from '../events';
import { damageRepo } from './records.repo';

const STATUS_LABELS = {
  reported: { zh: '已报告', en: 'Reported' },
  corrected: { zh: '已更正', en: 'Corrected' },
  verified: { zh: '已核实', en: 'Verified' },
};

/** Drawn with emphasis: people harmed or a house down, what a leader looks for first on the map. */
const isGrave = (r: DamageRecord) => r.type === 'house_collapsed' || (r.quantities.people_dead ?? 0) > 0 || (r.quantities.people_missing ?? 0) > 0;

/** An event's standing records with a place, as the map's columns: kind is the damage type, level the status. */
export function damageLayerOf(ctx: HandlerContext, eventId: string): MapLayerData {
  const records = damageRepo(ctx.db).mapRecords(eventId);
  if (!records.length) return EMPTY_LAYER;
  const columns = columnsOf('damage', {
    ids: records.map((r) => r.id),
    // The place only: the popup puts the type (kind) before it in the reader's language.
    names: records.map((r) => r.place.name),
    lat: records.map((r) => r.place.lat ?? 0),
    lng: records.map((r) => r.place.lng ?? 0),
    kind: records.map((r) => r.type),
    level: records.map((r) => r.status),
    alerts: records.flatMap((r, i) => (isGrave(r) ? [i] : [])),
  });
  return { points: [columns], lines: [] };
}

/** What map.layers shows: the open event's damage (past events' damage would bury today's). */
export function damageMapLayer(ctx: HandlerContext): MapLayerData {
  const event = eventsRepo(ctx.db).latestOpen();
  return event ? damageLayerOf(ctx, event.id) : EMPTY_LAYER;
}

const same = (label: string, labelEn: string, value: string): MapFact => ({ label, labelEn, value, valueEn: value });

/** One damage point's popup. */
export function damageFacts(ctx: HandlerContext, id: string): MapPointFacts {
  const r = damageRepo(ctx.db).current(id);
  if (!r || r.deletedAt !== null) throw new NotFound('damage_record', id);
  const loss = UNITS[INDICATORS.direct_loss_wan.unit];
  const type = DAMAGE_TYPES[r.type];
  return {
    facts: [
      { label: '类型', labelEn: 'Type', value: type.zh, valueEn: type.en },
      { label: '数量', labelEn: 'Figures', value: describeQuantities(r.quantities, 'zh') || '—', valueEn: describeQuantities(r.quantities, 'en') || '—' },
      { label: '直接经济损失', labelEn: 'Direct loss', value: `${r.lossWan}${loss.zh}`, valueEn: `${r.lossWan} ${loss.en}` },
      { label: '状态', labelEn: 'Status', value: STATUS_LABELS[r.status].zh, valueEn: STATUS_LABELS[r.status].en },
      same('发生时间', 'Occurred', formatLocal(r.occurredAtMs, 'yyyy-MM-dd HH:mm', ctx.settings().general.timeZone)),
    ],
    link: `#/damage/${r.id}`,
  };
}
