import { randomUUID } from 'node:crypto';
import type { SignalSuggestion } from '../../core/contract/rain';
import { roundToTenth } from '../../core/domain/rain/readings';
import { SIGNAL_ORDER, suggestRainstormSignal, type SignalThresholds } from '../../core/domain/rain/grades';
import { rollingTotals } from '../../core/domain/rain/sums';
import { Conflict, NotFound } from '../../core/errors';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { rainStationsRepo } from './rain.repo';
import { rainSignalsRepo } from './signals.repo';
import { rollingAt } from './compute';

/** A signal of the same or a higher colour suggested this recently for a gauge is not put again. */
const QUIET_MS = 24 * 3_600_000;

/**
 * Puts a suggestion to the duty officer for every gauge whose rolling sums reach a signal
 * threshold. Only the met service issues signals; the app logs what the data showed and what
 * the officer decided.
 */
export function checkSignals(ctx: HandlerContext, atMs: number): SignalSuggestion[] {
  const thresholds = ctx.settings().rain.signals as SignalThresholds;
  const stations = rainStationsRepo(ctx.db).list('rain');
  const repo = rainSignalsRepo(ctx.db);
  const rolling = rollingAt(ctx.db, stations, atMs);
  const created: SignalSuggestion[] = [];
  for (const station of stations) {
    const { sums, atMs: seenAt } = rolling.get(station.id)!;
    const totals = rollingTotals(sums);
    const colour = suggestRainstormSignal(totals, thresholds);
    if (!colour) continue;
    const rank = SIGNAL_ORDER.indexOf(colour) + 1;
    if (repo.alreadySuggested(station.id, seenAt - QUIET_MS, atMs, rank)) continue;
    const { window, mm } = thresholds[colour];
    const id = randomUUID();
    repo.insert({ id, stationId: station.id, colour, window, totalMm: roundToTenth(totals[window] as number), thresholdMm: mm, atMs: seenAt, createdAt: ctx.nowIso });
    const suggestion = repo.get(id) as SignalSuggestion;
    ctx.audit({ entity: 'rain_signal_suggestion', entityId: id, before: null, after: suggestion });
    created.push(suggestion);
    supersedeLower(ctx, suggestion, seenAt - QUIET_MS, rank);
  }
  return created;
}

/**
 * A lower hint still open for the same gauge within the same quiet window is out of date once
 * a higher one is put: the officer acts on the highest, so the lower is closed, naming the one
 * that replaced it, rather than left beside it.
 */
function supersedeLower(ctx: HandlerContext, by: SignalSuggestion, fromMs: number, rank: number): void {
  const repo = rainSignalsRepo(ctx.db);
  for (const before of repo.openBelow(by.stationId, fromMs, by.atMs, rank)) {
    repo.decide(before.id, 'dismissed', ctx.actor.name, `superseded:${by.id}`, ctx.nowIso);
    ctx.audit({ entity: 'rain_signal_suggestion', entityId: before.id, before, after: repo.get(before.id) });
  }
}

export const rainSignalHandlers = {
  'rain.checkSignals': (ctx, { atMs }) => checkSignals(ctx, atMs ?? ctx.nowMs),
  'rain.suggestions': (ctx, { status, limit }) => rainSignalsRepo(ctx.db).list(status ?? null, limit),
  'rain.decideSuggestion': (ctx, { id, status, note }) => {
    const repo = rainSignalsRepo(ctx.db);
    const before = repo.get(id);
    if (!before) throw new NotFound('rain_signal_suggestion', id);
    if (before.status !== 'open') throw new Conflict('errors.rain.alreadyDecided', 'This suggestion has already been decided', { status: before.status });
    repo.decide(id, status, ctx.actor.name, note, ctx.nowIso);
    const after = repo.get(id) as SignalSuggestion;
    ctx.audit({ entity: 'rain_signal_suggestion', entityId: id, before, after });
    return after;
  },
  'rain.listNormals': (ctx, { stationId }) => rainSignalsRepo(ctx.db).normals(stationId ?? null),
  'rain.setNormal': (ctx, input) => {
    const station = rainStationsRepo(ctx.db).get(input.stationId);
    if (!station || station.deletedAt) throw new NotFound('rain_station', input.stationId);
    const repo = rainSignalsRepo(ctx.db);
    const before = repo.normal(input.stationId, input.period) ?? null;
    repo.setNormal({ id: before?.id ?? randomUUID(), ...input, nowIso: ctx.nowIso });
    const after = repo.normal(input.stationId, input.period)!;
    ctx.audit({ entity: 'rain_normal', entityId: after.id, before, after });
    return after;
  },
} satisfies Partial<HandlerMap<'rain'>>;
