import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, StaleRecord, ValidationError } from '../../core/errors';
import type { DamageRecord, DamageSource, DamageVersion } from '../../core/contract/damage';
import { normalQuantities } from '../../core/domain/damage/quantities';
import { statusAfter, type DamageStatus, type VersionChange } from '../../core/domain/damage/status';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { currentLogEntry } from '../duty';
import { damageRepo, type NewVersion } from './records.repo';
import { assertFigures, assertNotFuture, linkPhotos, mustGet, mustStand, placeFromSource, resolvePlace, type PlaceInput } from './common';

/** What a version states; the rest of a version says who wrote it, when and why. */
type Figures = Pick<DamageVersion, 'type' | 'occurredAtMs' | 'place' | 'quantities' | 'lossWan' | 'description'>;

interface NewRecord extends Omit<Figures, 'place'> {
  eventId: string;
  source: DamageSource;
  place?: PlaceInput | undefined;
  photoIds: string[];
  recordedBy?: string | undefined;
  allowSecond: boolean;
}

const recorder = (ctx: HandlerContext, typed: string | undefined) => typed?.trim() || ctx.actor.name;

const figuresOf = (r: DamageRecord): Figures => ({
  type: r.type,
  occurredAtMs: r.occurredAtMs,
  place: r.place,
  quantities: r.quantities,
  lossWan: r.lossWan,
  description: r.description,
});

function nextStatus(change: VersionChange, current: DamageStatus | null): DamageStatus {
  const step = statusAfter(change, current);
  if (!step.ok) throw new Conflict(`errors.damage.${step.reason}`, `This record cannot be ${change === 'verify' ? 'verified' : 'changed'} now (${step.reason})`);
  return step.status;
}

/** Writes version `version` of a record with its quantities, and returns it as stored. */
function writeVersion(ctx: HandlerContext, recordId: string, version: number, figures: Figures, extra: Pick<NewVersion, 'change' | 'status' | 'reason' | 'recordedBy' | 'verifiedBy' | 'verifiedAtMs'>): void {
  const quantities = normalQuantities(figures.type, figures.quantities);
  damageRepo(ctx.db).insertVersion({ ...figures, ...extra, quantities, id: randomUUID(), recordId, version, recordedAtMs: ctx.nowMs, createdAt: ctx.nowIso });
}

function createRecord(ctx: HandlerContext, input: NewRecord): DamageRecord {
  const repo = damageRepo(ctx.db);
  if (!eventsRepo(ctx.db).get(input.eventId)) throw new NotFound('event', input.eventId);
  const fallback = placeFromSource(ctx, input.source);
  if (input.source.kind === 'log_entry' && input.source.id !== null && !input.allowSecond) {
    // One call, one record, unless the caller says the call reported two kinds of damage.
    const existing = repo.fromSource('log_entry', input.source.id);
    if (existing.length) throw new Conflict('errors.damage.alreadyFromEntry', 'Damage was already recorded from this log entry', { count: existing.length });
  }
  assertNotFuture(ctx, input.occurredAtMs);
  assertFigures(input.type, input.quantities, input.lossWan);
  const figures: Figures = { ...input, place: resolvePlace(ctx, input.place, fallback) };
  const id = randomUUID();
  const recordedBy = recorder(ctx, input.recordedBy);
  repo.insertRecord({ id, eventId: input.eventId, sourceKind: input.source.kind, sourceId: input.source.id, createdBy: recordedBy, at: ctx.nowIso });
  writeVersion(ctx, id, 1, figures, { change: 'record', status: nextStatus('record', null), reason: '', recordedBy, verifiedBy: null, verifiedAtMs: null });
  linkPhotos(ctx, id, 1, input.photoIds);
  const after = mustGet(ctx, id);
  ctx.audit({ entity: 'damage_record', entityId: id, before: null, after: { ...after, photoIds: input.photoIds } });
  return after;
}

/** Supersedes the current version with the next one: the guarded update makes the version check and the write one step. */
function supersedeWith(ctx: HandlerContext, before: DamageRecord, figures: Figures, extra: Parameters<typeof writeVersion>[4], photoIds: readonly string[]): DamageRecord {
  const repo = damageRepo(ctx.db);
  if (!repo.supersede(before.versionId, ctx.nowIso)) throw new StaleRecord('damage_record', mustGet(ctx, before.id));
  writeVersion(ctx, before.id, before.version + 1, figures, extra);
  linkPhotos(ctx, before.id, before.version + 1, photoIds);
  repo.touch(before.id, ctx.nowIso);
  const after = mustGet(ctx, before.id);
  ctx.audit({ entity: 'damage_record', entityId: before.id, before, after: photoIds.length ? { ...after, photoIds } : after });
  return after;
}

function standing(ctx: HandlerContext, id: string, expectedVersion: number): DamageRecord {
  const before = mustStand(ctx, id);
  if (expectedVersion !== before.version) throw new StaleRecord('damage_record', before);
  return before;
}

type WriteMethods = 'damage.record' | 'damage.recordFromLogEntry' | 'damage.correct' | 'damage.verify' | 'damage.remove';

export const damageWriteHandlers = {
  'damage.record': (ctx, { source, occurredAtMs, ...input }) =>
    createRecord(ctx, { ...input, occurredAtMs: occurredAtMs ?? ctx.nowMs, source: { kind: source.kind, id: 'id' in source ? source.id : null } }),

  'damage.recordFromLogEntry': (ctx, { entryId, eventId, occurredAtMs, description, ...input }) => {
    const entry = currentLogEntry(ctx.db, entryId);
    if (!entry) throw new NotFound('duty_log_entry', entryId);
    const event = eventId ?? entry.eventId ?? eventsRepo(ctx.db).latestOpen()?.id;
    if (!event) throw new ValidationError('errors.damage.eventRequired', 'Choose the event this damage belongs to: the entry names none and no event is open');
    return createRecord(ctx, {
      ...input,
      eventId: event,
      occurredAtMs: occurredAtMs ?? entry.receivedAtMs,
      description: description ?? entry.content,
      source: { kind: 'log_entry', id: entry.entryId },
    });
  },

  'damage.correct': (ctx, { id, expectedVersion, reason, patch, photoIds }) => {
    const before = standing(ctx, id, expectedVersion);
    const { place, ...rest } = patch;
    const figures: Figures = { ...figuresOf(before), ...rest, place: place ? resolvePlace(ctx, place, {}) : before.place };
    if (patch.occurredAtMs !== undefined) assertNotFuture(ctx, patch.occurredAtMs);
    assertFigures(figures.type, figures.quantities, figures.lossWan);
    figures.quantities = normalQuantities(figures.type, figures.quantities);
    // A correction is a statement that something was wrong: one that changes nothing would only add noise to the history.
    const unchanged = { ...figuresOf(before), quantities: normalQuantities(before.type, before.quantities) };
    if (!photoIds.length && JSON.stringify(figures) === JSON.stringify(unchanged)) {
      throw new ValidationError('errors.damage.nothingChanged', 'The correction changes nothing');
    }
    const extra = { change: 'correct', status: nextStatus('correct', before.status), reason, recordedBy: ctx.actor.name, verifiedBy: null, verifiedAtMs: null } as const;
    return supersedeWith(ctx, before, figures, extra, photoIds);
  },

  'damage.verify': (ctx, { id, expectedVersion, verifiedBy, note }) => {
    const before = standing(ctx, id, expectedVersion);
    const status = nextStatus('verify', before.status);
    const extra = { change: 'verify', status, reason: note, recordedBy: ctx.actor.name, verifiedBy: recorder(ctx, verifiedBy), verifiedAtMs: ctx.nowMs } as const;
    return supersedeWith(ctx, before, figuresOf(before), extra, []);
  },

  'damage.remove': (ctx, { id, expectedVersion, reason }) => {
    const before = standing(ctx, id, expectedVersion);
    if (!damageRepo(ctx.db).remove(id, ctx.nowIso, ctx.actor.name, reason)) throw new StaleRecord('damage_record', mustGet(ctx, id));
    ctx.audit({ entity: 'damage_record', entityId: id, before, after: mustGet(ctx, id) });
    return { removed: true as const };
  },
} satisfies Pick<HandlerMap<'damage'>, WriteMethods>;
