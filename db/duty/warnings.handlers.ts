import { randomUUID } from 'node:crypto';
import { Conflict, NotFound } from '../../core/errors';
import { responseLevelLabel, suggestResponseLevel } from '../../core/domain/duty/warnings';
import type { ResponseRecord, WarningRecord } from '../../core/contract/dutyShared';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { dutyWarningsRepo } from './warnings.repo';
import { dutyRotaRepo } from './rota.repo';
import { assertNotFuture, assertOrdered, dutySettings } from './common';
import { recorder } from './on-duty';
import { extensionView } from './extensions.handlers';
import { writeLogEntry } from './log.handlers';

function assertEvent(ctx: HandlerContext, eventId: string | null): void {
  if (eventId && !eventsRepo(ctx.db).get(eventId)) throw new NotFound('event', eventId);
}

/** Issuing and lifting are duty-log events too, so the log alone tells the night's story. */
function logIt(ctx: HandlerContext, atMs: number, fromUnit: string, content: string, eventId: string | null): void {
  writeLogEntry(ctx, {
    receivedAtMs: atMs,
    channel: 'message',
    fromName: '',
    fromUnit,
    content,
    actionTaken: '',
    forwardedTo: '',
    result: '',
    status: 'closed',
    eventId,
    followUpOf: null,
  });
}

type WarningMethods = 'duty.warnings' | 'duty.issueWarning' | 'duty.liftWarning' | 'duty.declareResponse' | 'duty.liftResponse' | 'duty.eventLinks';

export const dutyWarningsHandlers = {
  // Here rather than in db/events: duty already depends on events, so events cannot read duty back.
  'duty.eventLinks': (ctx, { eventId }) => {
    if (!eventsRepo(ctx.db).get(eventId)) throw new NotFound('event', eventId);
    const repo = dutyWarningsRepo(ctx.db);
    return { warnings: repo.warningsOfEvent(eventId), responses: repo.responsesOfEvent(eventId) };
  },
  'duty.warnings': (ctx, { recentLimit }) => {
    const repo = dutyWarningsRepo(ctx.db);
    const active = repo.activeWarnings(ctx.nowMs);
    const responses = repo.activeResponses(ctx.nowMs);
    return {
      active,
      recent: repo.recentWarnings(recentLimit),
      currentResponse: responses[0] ?? null,
      responses: repo.recentResponses(20),
      suggestion: suggestResponseLevel(active, ctx.nowMs, dutySettings(ctx).responseMapping),
      extensions: dutyRotaRepo(ctx.db).recentExtensions(10).map((row) => extensionView(ctx, row)),
    };
  },

  'duty.issueWarning': (ctx, input) => {
    const issuedAtMs = input.issuedAtMs ?? ctx.nowMs;
    assertNotFuture(ctx, issuedAtMs, 'Issue time');
    assertEvent(ctx, input.eventId);
    const repo = dutyWarningsRepo(ctx.db);
    const id = randomUUID();
    repo.insertWarning({ id, ...input, issuedAtMs, recordedBy: recorder(ctx), nowIso: ctx.nowIso });
    const warning = repo.warning(id)!;
    ctx.audit({ entity: 'duty_warning', entityId: id, before: null, after: warning });
    logIt(ctx, issuedAtMs, input.issuedBy, `收到${warning.title}${input.content ? `：${input.content}` : ''}`, input.eventId);
    return warning;
  },

  'duty.liftWarning': (ctx, { id, liftedAtMs, liftedBy, note }) => {
    const repo = dutyWarningsRepo(ctx.db);
    const before = repo.warning(id);
    if (!before) throw new NotFound('duty_warning', id);
    if (before.liftedAtMs !== null) throw new Conflict('errors.duty.alreadyLifted', `${before.title} was already lifted`, { title: before.title });
    const at = liftedAtMs ?? ctx.nowMs;
    assertNotFuture(ctx, at, 'Lift time');
    assertOrdered(ctx, before.issuedAtMs, at);
    repo.liftWarning({ id, liftedAtMs: at, liftedBy, note, nowIso: ctx.nowIso });
    const after: WarningRecord = repo.warning(id)!;
    ctx.audit({ entity: 'duty_warning', entityId: id, before, after });
    logIt(ctx, at, liftedBy, `解除${before.title}${note ? `：${note}` : ''}`, before.eventId);
    // 在岗值守至预警解除: watches kept for this warning end with it.
    const rota = dutyRotaRepo(ctx.db);
    for (const ext of rota.openExtensions().filter((e) => e.warning_id === id)) {
      rota.endExtension(ext.id, at, ctx.nowIso);
      ctx.audit({ entity: 'duty_extension', entityId: ext.id, before: ext, after: { ...ext, ended_at_ms: at } });
    }
    return after;
  },

  'duty.declareResponse': (ctx, input) => {
    const declaredAtMs = input.declaredAtMs ?? ctx.nowMs;
    assertNotFuture(ctx, declaredAtMs, 'Declared time');
    assertEvent(ctx, input.eventId);
    const repo = dutyWarningsRepo(ctx.db);
    const label = responseLevelLabel(input.level).zh;
    // Raising or lowering the level replaces the one in force; both steps stay on record.
    for (const current of repo.activeResponses(declaredAtMs)) {
      assertOrdered(ctx, current.declaredAtMs, declaredAtMs);
      repo.liftResponse({ id: current.id, liftedAtMs: declaredAtMs, liftedBy: input.declaredBy, note: `调整为${label}`, nowIso: ctx.nowIso });
      ctx.audit({ entity: 'duty_response', entityId: current.id, before: current, after: repo.response(current.id) });
    }
    const id = randomUUID();
    repo.insertResponse({ id, ...input, declaredAtMs, recordedBy: recorder(ctx), nowIso: ctx.nowIso });
    const record: ResponseRecord = repo.response(id)!;
    ctx.audit({ entity: 'duty_response', entityId: id, before: null, after: record });
    logIt(ctx, declaredAtMs, input.declaredBy, `启动${label}${input.content ? `：${input.content}` : ''}`, input.eventId);
    return record;
  },

  'duty.liftResponse': (ctx, { id, liftedAtMs, liftedBy, note }) => {
    const repo = dutyWarningsRepo(ctx.db);
    const before = repo.response(id);
    if (!before) throw new NotFound('duty_response', id);
    const label = responseLevelLabel(before.level).zh;
    if (before.liftedAtMs !== null) throw new Conflict('errors.duty.alreadyLifted', `${label} was already lifted`, { title: label });
    const at = liftedAtMs ?? ctx.nowMs;
    assertNotFuture(ctx, at, 'Lift time');
    assertOrdered(ctx, before.declaredAtMs, at);
    repo.liftResponse({ id, liftedAtMs: at, liftedBy, note, nowIso: ctx.nowIso });
    const after = repo.response(id)!;
    ctx.audit({ entity: 'duty_response', entityId: id, before, after });
    logIt(ctx, at, liftedBy, `终止${label}${note ? `：${note}` : ''}`, before.eventId);
    return after;
  },
} satisfies Pick<HandlerMap<'duty'>, WarningMethods>;
