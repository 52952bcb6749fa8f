import { randomUUID } from 'node:crypto';
import { NotFound, StaleRecord, ValidationError } from '../../core/errors';
import type { StatReport, StatReportHeader, StatRow } from '../../core/contract/damage';
import { eventDisplayName } from '../../core/domain/events/name';
import { damageTotals, latestVersionsAt } from '../../core/domain/damage/totals';
import {
  computeStatFigures,
  evacCounts,
  reportedIssues,
  restsOnUnverified,
  stageRefusal,
  nextStage,
  STAT_ROWS,
  type StageRefusal,
  type StatFigure,
  type StatStage,
} from '../../core/domain/damage/statReport';
import { formatLocal } from '../../core/time';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { evacStepsRepo } from '../evac';
import { damageRepo } from './records.repo';
import { statRepo, type StoredFigure } from './stat.repo';

type StatMethods = 'damage.statDraft' | 'damage.statSave' | 'damage.statReports' | 'damage.statReport';

function mustEvent(ctx: HandlerContext, eventId: string) {
  const event = eventsRepo(ctx.db).get(eventId);
  if (!event) throw new NotFound('event', eventId);
  return event;
}

/** Every figure the records give at `asOfMs`, through the same rules whether drafting, saving or quoting. */
function figuresAt(ctx: HandlerContext, eventId: string, asOfMs: number) {
  const repo = damageRepo(ctx.db);
  const versions = repo.figuresOfEvent(eventId);
  const removed = repo.removedOfEvent(eventId);
  const steps = evacStepsRepo(ctx.db).stepsUntil(eventId, asOfMs);
  const shelters = [...new Set(steps.flatMap((s) => (s.shelterName !== null && (s.kind === 'check_in' || s.kind === 'transfer') ? [s.shelterName] : [])))];
  return {
    figures: computeStatFigures(damageTotals(versions, removed, asOfMs), evacCounts(steps, asOfMs)),
    records: latestVersionsAt(versions, removed, asOfMs).length,
    shelters,
  };
}

const asRow = (f: StatFigure, stage: StatStage, reported: number | null, reason: string): StatRow => ({
  ...f,
  reported,
  reason,
  unverified: stage === 'final' && restsOnUnverified(f),
});

function refusalError(refusal: StageRefusal, timeZone: string): ValidationError {
  switch (refusal.key) {
    case 'errors.damage.stat.initialFirst':
      return new ValidationError(refusal.key, 'The first version of a statistics report is the initial report (初报)');
    case 'errors.damage.stat.initialTwice':
      return new ValidationError(refusal.key, 'This event already has its initial report; send an update (续报) or the final report (核报)');
    case 'errors.damage.stat.afterFinal':
      return new ValidationError(refusal.key, 'The final report (核报) of this event has been sent; no version follows it');
    default: {
      const previous = formatLocal(refusal.previous, 'yyyy-MM-dd HH:mm', timeZone);
      return new ValidationError(refusal.key, `A new version cannot count to an earlier time than the one before (${previous})`, { previous });
    }
  }
}

function reportOf(ctx: HandlerContext, header: StatReportHeader): StatReport {
  const stored = new Map(statRepo(ctx.db).figures(header.id).map((f) => [f.row, f]));
  const now = figuresAt(ctx, header.eventId, header.asOfMs).figures;
  const rows = now.flatMap((f): StatRow[] => {
    const kept = stored.get(f.row);
    if (!kept) return [];
    // The records behind a figure are found again at the version's instant: the register keeps every version, so they are the same ones.
    const figure: StatFigure = { ...f, computed: kept.computed, verified: kept.verified };
    return [asRow(figure, header.stage, kept.reported, kept.reason)];
  });
  return { header, rows };
}

export const statHandlers = {
  'damage.statDraft': (ctx, { eventId, asOfMs = ctx.nowMs, stage }) => {
    const event = mustEvent(ctx, eventId);
    const kept = statRepo(ctx.db).ofEvent(eventId);
    const chosen = stage ?? nextStage(kept) ?? 'final';
    const { figures, records, shelters } = figuresAt(ctx, eventId, asOfMs);
    return {
      eventId,
      asOfMs,
      stage: chosen,
      rows: figures.map((f) => asRow(f, chosen, f.computed, '')),
      records,
      context: {
        eventName: { zh: eventDisplayName(event, 'zh'), en: eventDisplayName(event, 'en') },
        eventStartMs: event.startedAtMs,
        shelters,
        timeZone: ctx.settings().general.timeZone,
      },
      kept,
      refusal: stageRefusal(kept, chosen, asOfMs),
    };
  },

  'damage.statSave': (ctx, { eventId, stage, asOfMs, expectedSeq, description, figures: sent }) => {
    mustEvent(ctx, eventId);
    const { duty, general } = ctx.settings();
    if (asOfMs > ctx.nowMs + duty.futureToleranceMinutes * 60_000) {
      const when = formatLocal(asOfMs, 'yyyy-MM-dd HH:mm', general.timeZone);
      throw new ValidationError('errors.damage.stat.asOfFuture', `The figures cannot count to ${when}, which is still to come`, { when });
    }
    const repo = statRepo(ctx.db);
    const kept = repo.ofEvent(eventId);
    const latest = kept.at(-1);
    if ((latest?.seq ?? 0) !== expectedSeq) throw new StaleRecord('damage_stat_report', latest ?? null);
    const refusal = stageRefusal(kept, stage, asOfMs);
    if (refusal) throw refusalError(refusal, general.timeZone);
    const computed = figuresAt(ctx, eventId, asOfMs).figures;
    const issues = reportedIssues(computed, sent, stage);
    if (issues.length) {
      const messages = { reasonRequired: ['a changed figure needs a reason', '修改数值须说明理由'], precision: ['too many decimals for its unit', '小数位数超出单位精度'], required: ['the final report states every row', '核报须填写全部指标'] } as const;
      throw new ValidationError(
        'errors.damage.stat.figures',
        `The figures have ${issues.length} problem(s)`,
        { count: issues.length },
        issues.map((i) => ({ path: `figures.${i.row}`, message: `${STAT_ROWS[i.row].en}: ${messages[i.problem][0]}`, messageZh: `${STAT_ROWS[i.row].zh}：${messages[i.problem][1]}` })),
      );
    }
    const given = new Map(sent.map((s) => [s.row, s]));
    const rows: StoredFigure[] = computed.map((f) => {
      const s = given.get(f.row);
      const reported = s ? s.value : f.computed;
      // A reason is kept only where the figure sent differs: it is what marks an edit.
      const edited = f.computed !== null && reported !== null && reported !== f.computed;
      return { row: f.row, computed: f.computed, verified: f.verified, reported, reason: edited ? (s?.reason ?? '') : '' };
    });
    const header = { id: randomUUID(), eventId, stage, seq: expectedSeq + 1, asOfMs, description, createdBy: ctx.actor.name, createdAt: ctx.nowIso };
    repo.insert(header, rows);
    const saved = reportOf(ctx, repo.get(header.id)!);
    ctx.audit({ entity: 'damage_stat_report', entityId: header.id, before: null, after: saved });
    return saved;
  },

  'damage.statReports': (ctx, { eventId }) => {
    mustEvent(ctx, eventId);
    return statRepo(ctx.db).ofEvent(eventId);
  },

  'damage.statReport': (ctx, { id }) => {
    const header = statRepo(ctx.db).get(id);
    if (!header) throw new NotFound('damage_stat_report', id);
    return reportOf(ctx, header);
  },
} satisfies Pick<HandlerMap<'damage'>, StatMethods>;
