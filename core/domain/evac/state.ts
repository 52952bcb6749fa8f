import { DEFAULT_TIME_ZONE, formatLocal } from '../../time';
import type { Movement, MovementSource, PersonStatus, Placement } from './model';

/**
 * The evacuation of one person in one event as a state machine. Illegal steps are
 * refused with a typed reason instead of being absorbed, so a bad record can never
 * make a person count twice (e.g. both back home and in a shelter).
 */

export interface PersonEvacState {
  eventId: string;
  personId: string;
  /** null until the first accepted `moved`. */
  status: PersonStatus | null;
  /** Set only while `in_shelter`. */
  shelterId: string | null;
  /** Free text for `dispersed` / `elsewhere`. */
  where: string | null;
  /** Source of the first move in the event. */
  source: MovementSource | null;
  firstMovedAt: number | null;
  /** Start of the current trip (a returned person may be moved again). */
  movedAt: number | null;
  lastAt: number | null;
  trips: number;
  firstPlacement: Placement | null;
}

export type RefusalReason =
  | 'invalid_time'
  | 'wrong_event'
  | 'wrong_person'
  | 'missing_source'
  | 'missing_shelter'
  | 'not_moved'
  | 'time_before_move'
  | 'time_backwards'
  | 'already_out'
  | 'already_returned'
  | 'already_in_shelter'
  | 'not_in_shelter'
  | 'same_shelter'
  | 'already_in_status';

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  /** English, for logs and the en UI. */
  message: string;
  messageZh: string;
  params: Record<string, string>;
}

export type ApplyResult = { ok: true; state: PersonEvacState } | Refusal;

export interface StateOptions {
  timeZone?: string;
}

type Params = Record<string, string>;

const TEXT: Record<RefusalReason, { zh: (p: Params) => string; en: (p: Params) => string }> = {
  invalid_time: { zh: () => '时间无效', en: () => 'The time is not valid' },
  wrong_event: { zh: () => '该记录属于其他事件', en: () => 'The record belongs to another event' },
  wrong_person: { zh: () => '该记录属于其他人员', en: () => 'The record belongs to another person' },
  missing_source: { zh: () => '未填写转移来源（隐患点或地址）', en: () => 'Where the person was moved from is missing' },
  missing_shelter: { zh: () => '未填写安置点', en: () => 'The shelter is missing' },
  not_moved: { zh: () => '该人员尚未登记转移', en: () => 'The person has not been recorded as moved' },
  time_before_move: {
    zh: (p) => `时间 ${p.at} 早于转移时间 ${p.ref}`,
    en: (p) => `The time ${p.at} is before the move at ${p.ref}`,
  },
  time_backwards: {
    zh: (p) => `时间 ${p.at} 早于上一条记录 ${p.ref}`,
    en: (p) => `The time ${p.at} is before the previous record at ${p.ref}`,
  },
  already_out: {
    zh: () => '该人员已转移且尚未返回，请登记入住、转院或返回',
    en: () => 'The person is already evacuated and has not returned; record a check-in, transfer or return instead',
  },
  already_returned: {
    zh: () => '该人员已返回，需先重新登记转移',
    en: () => 'The person has already returned home; record a new move first',
  },
  already_in_shelter: {
    zh: (p) => `该人员已在安置点 ${p.shelterId}，换点请登记转点`,
    en: (p) => `The person is already in shelter ${p.shelterId}; record a transfer to change shelters`,
  },
  not_in_shelter: { zh: () => '该人员不在安置点，无法转点', en: () => 'The person is not in a shelter, so cannot be transferred' },
  same_shelter: { zh: (p) => `该人员已在安置点 ${p.shelterId}`, en: (p) => `The person is already in shelter ${p.shelterId}` },
  already_in_status: { zh: () => '状态未变化，记录重复', en: () => 'The status does not change; the record is a repeat' },
};

export function refusalText(reason: RefusalReason, params: Params = {}): { message: string; messageZh: string } {
  return { message: TEXT[reason].en(params), messageZh: TEXT[reason].zh(params) };
}

function refuse(reason: RefusalReason, params: Params = {}): Refusal {
  return { ok: false, reason, ...refusalText(reason, params), params };
}

export function initialState(eventId: string, personId: string): PersonEvacState {
  return {
    eventId,
    personId,
    status: null,
    shelterId: null,
    where: null,
    source: null,
    firstMovedAt: null,
    movedAt: null,
    lastAt: null,
    trips: 0,
    firstPlacement: null,
  };
}

function hasSource(source: MovementSource | undefined): boolean {
  if (!source) return false;
  return source.kind === 'hazard_point' ? source.hazardPointId.trim() !== '' : source.address.trim() !== '';
}

/** Applies one movement; states are never mutated. */
export function applyMovement(state: PersonEvacState, movement: Movement, options: StateOptions = {}): ApplyResult {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const show = (ms: number) => formatLocal(ms, 'yyyy-MM-dd HH:mm', tz);
  const at = movement.at;
  if (typeof at !== 'number' || !Number.isFinite(at)) return refuse('invalid_time');
  if (movement.eventId !== state.eventId) return refuse('wrong_event');
  if (movement.personId !== state.personId) return refuse('wrong_person');
  if (movement.kind === 'moved' && !hasSource(movement.from)) return refuse('missing_source');
  const target = movement.kind === 'check_in' ? movement.shelterId : movement.kind === 'transfer' ? movement.toShelterId : null;
  if (target !== null && (typeof target !== 'string' || target.trim() === '')) return refuse('missing_shelter');

  const { status } = state;
  if (status === null && movement.kind !== 'moved') return refuse('not_moved');
  if (movement.kind !== 'moved' && state.movedAt !== null && at < state.movedAt) {
    return refuse('time_before_move', { at: show(at), ref: show(state.movedAt) });
  }
  if (state.lastAt !== null && at < state.lastAt) return refuse('time_backwards', { at: show(at), ref: show(state.lastAt) });

  const next: PersonEvacState = { ...state, lastAt: at };
  switch (movement.kind) {
    case 'moved':
      if (status !== null && status !== 'returned') return refuse('already_out');
      return {
        ok: true,
        state: {
          ...next,
          status: 'moved',
          shelterId: null,
          where: null,
          source: state.source ?? movement.from,
          firstMovedAt: state.firstMovedAt ?? at,
          movedAt: at,
          trips: state.trips + 1,
        },
      };
    case 'check_in':
      if (status === 'returned') return refuse('already_returned');
      if (status === 'in_shelter') return refuse('already_in_shelter', { shelterId: state.shelterId ?? '' });
      return {
        ok: true,
        state: {
          ...next,
          status: 'in_shelter',
          shelterId: movement.shelterId,
          where: null,
          firstPlacement: state.firstPlacement ?? { kind: 'shelter', shelterId: movement.shelterId },
        },
      };
    case 'transfer':
      if (status === 'returned') return refuse('already_returned');
      if (status !== 'in_shelter') return refuse('not_in_shelter');
      if (state.shelterId === movement.toShelterId) return refuse('same_shelter', { shelterId: movement.toShelterId });
      return { ok: true, state: { ...next, shelterId: movement.toShelterId } };
    case 'dispersed':
    case 'elsewhere':
      if (status === 'returned') return refuse('already_returned');
      if (status === movement.kind) return refuse('already_in_status');
      return {
        ok: true,
        state: {
          ...next,
          status: movement.kind,
          shelterId: null,
          where: movement.where ?? null,
          firstPlacement: state.firstPlacement ?? { kind: movement.kind },
        },
      };
    case 'returned':
    case 'unknown':
      if (status === 'returned') return refuse('already_returned');
      if (status === movement.kind) return refuse('already_in_status');
      return { ok: true, state: { ...next, status: movement.kind, shelterId: null, where: null } };
  }
}

export interface RefusedMovement {
  movement: Movement;
  refusal: Refusal;
}

export interface PersonTimeline {
  eventId: string;
  personId: string;
  /** State after each accepted movement, in time order. */
  snapshots: { at: number; state: PersonEvacState }[];
  accepted: Movement[];
  refused: RefusedMovement[];
  final: PersonEvacState;
}

/**
 * Replays one person's movements in one event. Records are ordered by time (ties keep
 * their given order) because a step may be written down late: a 09:00 move entered
 * after the 10:00 check-in is still a valid timeline. Refused records are skipped.
 * Movements for another person or event are refused (`wrong_person` / `wrong_event`)
 * against the person and event of the first movement.
 */
export function replayPerson(movements: readonly Movement[], options: StateOptions = {}): PersonTimeline {
  const first = movements[0];
  let state = initialState(first?.eventId ?? '', first?.personId ?? '');
  const ordered = movements
    .map((movement, index) => ({ movement, index }))
    .sort((a, b) => timeKey(a.movement.at) - timeKey(b.movement.at) || a.index - b.index)
    .map(({ movement }) => movement);
  const timeline: PersonTimeline = { eventId: state.eventId, personId: state.personId, snapshots: [], accepted: [], refused: [], final: state };
  for (const movement of ordered) {
    const result = applyMovement(state, movement, options);
    if (result.ok) {
      state = result.state;
      timeline.snapshots.push({ at: movement.at, state });
      timeline.accepted.push(movement);
    } else {
      timeline.refused.push({ movement, refusal: result });
    }
  }
  timeline.final = state;
  return timeline;
}

/** Invalid times sort last; they are refused anyway. */
function timeKey(at: number): number {
  return typeof at === 'number' && Number.isFinite(at) ? at : Number.MAX_VALUE;
}

/** The state in force at `atMs` (steps at exactly `atMs` count), or null before the first move. */
export function stateAt(timeline: PersonTimeline, atMs: number): PersonEvacState | null {
  const { snapshots } = timeline;
  let lo = 0;
  let hi = snapshots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (snapshots[mid].at <= atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : snapshots[lo - 1].state;
}

/** Status of one person in one event at an instant; null when not (yet) moved. */
export function statusAt(movements: readonly Movement[], atMs: number, options: StateOptions = {}): PersonStatus | null {
  return stateAt(replayPerson(movements, options), atMs)?.status ?? null;
}
