import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, StaleRecord, ValidationError } from '../../core/errors';
import { addDays, dutyDayWindow, type LocalDate } from '../../core/time';
import { draftHandover, isHandoverDue } from '../../core/domain/duty/handover';
import type { HandoverRecord, HandoverSavedDraft, HandoverView } from '../../core/contract/dutyShared';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { dutyHandoverRepo } from './handover.repo';
import { dutyPeopleRepo } from './people.repo';
import { dutyLogRepo } from './log.repo';
import { dutyRotaRepo } from './rota.repo';
import { dutyWarningsRepo } from './warnings.repo';
import { dutyDayAt, dutySettings } from './common';
import { currentOpenFaults } from './equipment.handlers';

const SUMMARY_CHARS = 80;

function team(ctx: HandlerContext, day: LocalDate): { names: string[]; leader: string | null } {
  const rows = dutyRotaRepo(ctx.db).current(day, day).filter((r) => r.slot === 'leader' || r.slot === 'officer' || r.slot === 'extra');
  return { names: rows.map((r) => r.name), leader: rows.find((r) => r.slot === 'leader')?.name ?? null };
}

/**
 * The day to hand over when none is named: yesterday's if it was on the rota and nobody has
 * handed it over yet (the 08:00 handover is late), otherwise today's, written before the boundary.
 */
function defaultOutgoingDay(ctx: HandlerContext): LocalDate {
  const today = dutyDayAt(ctx, ctx.nowMs);
  const yesterday = addDays(today, -1);
  const pending = !dutyHandoverRepo(ctx.db).forDay(yesterday) && dutyRotaRepo(ctx.db).current(yesterday, yesterday).length > 0;
  return pending ? yesterday : today;
}

function buildDraft(ctx: HandlerContext, outgoingDay: LocalDate) {
  const s = dutySettings(ctx);
  const { endMs } = dutyDayWindow(outgoingDay, s.dutyDayStart, s.timeZone);
  const repo = dutyHandoverRepo(ctx.db);
  const outgoing = team(ctx, outgoingDay);
  const incoming = team(ctx, addDays(outgoingDay, 1));
  const openItems = dutyLogRepo(ctx.db)
    .openBefore(Math.min(endMs, ctx.nowMs + 1))
    .map((e) => {
      const who = [e.fromUnit, e.fromName].filter(Boolean).join(' ');
      // A separator that reads in both languages: the handover is shown in either.
      const text = `${who ? `${who} · ` : ''}${e.content}`;
      return { id: e.entryId, receivedAtMs: e.receivedAtMs, summary: text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text };
    });
  const draft = draftHandover({
    outgoingDay,
    incomingDay: addDays(outgoingDay, 1),
    outgoingTeam: outgoing.names,
    incomingTeam: incoming.names,
    openItems,
    activeWarnings: dutyWarningsRepo(ctx.db).activeWarnings(ctx.nowMs),
    stillEvacuated: repo.stillEvacuated(),
    overdueRectifications: repo.overdueRectifications(dutyDayAt(ctx, ctx.nowMs)),
    openFaults: currentOpenFaults(ctx),
    checklist: s.equipmentChecklist,
    timeZone: s.timeZone,
  });
  return { draft, outgoing, incoming };
}

function signedRecord(ctx: HandlerContext, id: string): HandoverRecord {
  const record = dutyHandoverRepo(ctx.db).get(id);
  if (!record) throw new NotFound('duty_handover', id);
  return record;
}

/** A handover is written for a day that has started and is not yet signed; after signing it is frozen. */
function assertOpenForSigning(ctx: HandlerContext, outgoingDay: LocalDate): void {
  const today = dutyDayAt(ctx, ctx.nowMs);
  if (outgoingDay > today) throw new ValidationError('errors.duty.handoverFuture', `${outgoingDay} has not started yet`, { day: outgoingDay });
  if (dutyHandoverRepo(ctx.db).forDay(outgoingDay)) {
    throw new Conflict('errors.duty.handoverSigned', `The handover of ${outgoingDay} is already signed`, { day: outgoingDay });
  }
}

/**
 * A signature names someone on the people register, not whatever was typed: the four-eyes rule of
 * the handover (a second person has read it) means nothing if "本机值班员" or a typo can sign.
 */
function assertDutyPerson(ctx: HandlerContext, name: string, role?: 'leader'): void {
  const person = dutyPeopleRepo(ctx.db)
    .list()
    .find((p) => p.active && p.name === name.trim());
  if (!person) throw new ValidationError('errors.duty.signerUnknown', `${name} is not an active person on the duty register`, { name });
  if (role && !person.roles.includes(role)) throw new ValidationError('errors.duty.signerNotLeader', `${name} is not a leader on the duty register`, { name });
}

type HandoverMethods = 'duty.handover' | 'duty.saveHandoverDraft' | 'duty.signHandover' | 'duty.acknowledgeHandover' | 'duty.leaderSignOff' | 'duty.listHandovers';

export const dutyHandoverHandlers = {
  'duty.handover': (ctx, input): HandoverView => {
    const outgoingDay = input.outgoingDay ?? defaultOutgoingDay(ctx);
    const { draft, outgoing, incoming } = buildDraft(ctx, outgoingDay);
    const s = dutySettings(ctx);
    const repo = dutyHandoverRepo(ctx.db);
    return {
      outgoingDay,
      incomingDay: draft.incomingDay,
      due: isHandoverDue(ctx.nowMs, s.dutyDayStart, s.timeZone, repo.latestDay()),
      draft,
      savedDraft: repo.savedDraft(outgoingDay) ?? null,
      record: repo.forDay(outgoingDay) ?? null,
      outgoingTeam: outgoing.names,
      incomingTeam: incoming.names,
      leaderName: outgoing.leader,
    };
  },

  'duty.saveHandoverDraft': (ctx, { outgoingDay, lang, text, expectedVersion }) => {
    assertOpenForSigning(ctx, outgoingDay);
    const repo = dutyHandoverRepo(ctx.db);
    const before = repo.savedDraft(outgoingDay) ?? null;
    if ((before?.version ?? null) !== expectedVersion) throw new StaleRecord('duty_handover_draft', before);
    const after: HandoverSavedDraft = {
      id: before?.id ?? randomUUID(),
      outgoingDay,
      lang,
      text,
      savedBy: ctx.actor.name,
      savedAtMs: ctx.nowMs,
      version: (before?.version ?? 0) + 1,
    };
    if (!before) repo.insertDraft({ ...after, nowIso: ctx.nowIso });
    else if (!repo.updateDraft({ ...after, nowIso: ctx.nowIso, expectedVersion: before.version })) {
      throw new StaleRecord('duty_handover_draft', repo.savedDraft(outgoingDay));
    }
    ctx.audit({ entity: 'duty_handover_draft', entityId: after.id, before, after });
    return after;
  },

  'duty.signHandover': (ctx, { outgoingDay, lang, text, signedBy }) => {
    assertOpenForSigning(ctx, outgoingDay);
    assertDutyPerson(ctx, signedBy);
    const repo = dutyHandoverRepo(ctx.db);
    const { draft } = buildDraft(ctx, outgoingDay);
    const record: HandoverRecord = {
      id: randomUUID(),
      outgoingDay,
      incomingDay: draft.incomingDay,
      lang,
      text,
      sections: draft.sections,
      outgoingSignedBy: signedBy,
      outgoingSignedAtMs: ctx.nowMs,
      incomingAckBy: null,
      incomingAckAtMs: null,
      leaderSignedBy: null,
      leaderSignedAtMs: null,
    };
    repo.insert({ ...record, nowIso: ctx.nowIso });
    ctx.audit({ entity: 'duty_handover', entityId: record.id, before: null, after: record });
    return record;
  },

  'duty.acknowledgeHandover': (ctx, { id, acknowledgedBy }) => {
    const before = signedRecord(ctx, id);
    if (before.incomingAckBy) throw new Conflict('errors.duty.handoverAcknowledged', `Already acknowledged by ${before.incomingAckBy}`, { name: before.incomingAckBy });
    // The point of a handover is that a second person has read it.
    if (acknowledgedBy === before.outgoingSignedBy) throw new Conflict('errors.duty.handoverSamePerson', 'The incoming officer must be someone else');
    assertDutyPerson(ctx, acknowledgedBy);
    dutyHandoverRepo(ctx.db).acknowledge(id, acknowledgedBy, ctx.nowMs, ctx.nowIso);
    const after = signedRecord(ctx, id);
    ctx.audit({ entity: 'duty_handover', entityId: id, before, after });
    return after;
  },

  'duty.leaderSignOff': (ctx, { id, leaderName }) => {
    const before = signedRecord(ctx, id);
    if (before.leaderSignedBy) throw new Conflict('errors.duty.leaderSigned', `Already signed off by ${before.leaderSignedBy}`, { name: before.leaderSignedBy });
    assertDutyPerson(ctx, leaderName, 'leader');
    dutyHandoverRepo(ctx.db).leaderSign(id, leaderName, ctx.nowMs, ctx.nowIso);
    const after = signedRecord(ctx, id);
    ctx.audit({ entity: 'duty_handover', entityId: id, before, after });
    return after;
  },

  'duty.listHandovers': (ctx, { limit }) => dutyHandoverRepo(ctx.db).recent(limit),
} satisfies Pick<HandlerMap<'duty'>, HandoverMethods>;
