import { Conflict } from '../../errors';
import { daysBetween, DEFAULT_TIME_ZONE, dutyDayOf, type LocalDate, type LocalTime } from '../../time';

/**
 * Rectification orders (整改单): a hazard found on inspection gets a deadline (限期整改),
 * is fixed, re-checked and closed (销号). A failed re-check sends it back to be fixed.
 *
 *   pending ──start──▶ in_progress ──submit──▶ awaiting_recheck ──pass──▶ closed
 *                          ▲                          │
 *                          └──────────fail────────────┘
 */

export type RectificationStatus = 'pending' | 'in_progress' | 'awaiting_recheck' | 'closed';

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, { zh: string; en: string }> = {
  pending: { zh: '待整改', en: 'Pending' },
  in_progress: { zh: '整改中', en: 'In progress' },
  awaiting_recheck: { zh: '待复查', en: 'Awaiting re-check' },
  closed: { zh: '已销号', en: 'Closed' },
};

export type RectificationActionType = 'start' | 'submit' | 'pass' | 'fail';

export interface RectificationAction {
  type: RectificationActionType;
  note?: string;
}

export const RECTIFICATION_ACTION_LABELS: Record<RectificationActionType, { zh: string; en: string }> = {
  start: { zh: '开始整改', en: 'Start fixing' },
  submit: { zh: '提交复查', en: 'Submit for re-check' },
  pass: { zh: '复查通过，销号', en: 'Re-check passed, close' },
  fail: { zh: '复查不通过', en: 'Re-check failed' },
};

const TRANSITIONS: Record<RectificationActionType, { from: RectificationStatus; to: RectificationStatus }> = {
  start: { from: 'pending', to: 'in_progress' },
  submit: { from: 'in_progress', to: 'awaiting_recheck' },
  pass: { from: 'awaiting_recheck', to: 'closed' },
  fail: { from: 'awaiting_recheck', to: 'in_progress' },
};

export interface RectificationEvent {
  action: RectificationActionType;
  from: RectificationStatus;
  to: RectificationStatus;
  actor: string;
  atMs: number;
  note?: string;
}

export interface RectificationOrder {
  id: string;
  pointId: string;
  inspectionId?: string;
  /** The checklist item that failed, when the order came from an inspection. */
  itemKey?: string;
  description: string;
  responsibleUnit?: string;
  responsiblePerson?: string;
  /** 限期: the fix is due by the end of this duty day. */
  deadline: LocalDate;
  status: RectificationStatus;
  createdBy: string;
  createdAtMs: number;
  /** Who submitted the latest fix for re-check. */
  fixedBy?: string;
  submittedAtMs?: number;
  closedAtMs?: number;
  history: readonly RectificationEvent[];
}

export interface RectificationSettings {
  /** The person who re-checks must not be the person who did the fix. */
  recheckBySomeoneElse: boolean;
  dutyDayBoundary: LocalTime;
  timeZone: string;
}

export const DEFAULT_RECTIFICATION_SETTINGS: RectificationSettings = {
  recheckBySomeoneElse: true,
  dutyDayBoundary: '08:00',
  timeZone: DEFAULT_TIME_ZONE,
};

export type RectificationRefusal = 'illegal_transition' | 'already_closed' | 'same_person_recheck' | 'before_previous_step' | 'missing_actor';

export type TransitionResult =
  | { ok: true; order: RectificationOrder }
  | { ok: false; reason: RectificationRefusal; message: string; messageZh: string };

export interface RectificationDraft {
  pointId: string;
  inspectionId?: string;
  itemKey?: string;
  description: string;
  responsibleUnit?: string;
  responsiblePerson?: string;
  deadline: LocalDate;
}

export function openRectification(draft: RectificationDraft, id: string, actor: string, atMs: number): RectificationOrder {
  return { ...draft, id, status: 'pending', createdBy: actor, createdAtMs: atMs, history: [] };
}

function refuse(reason: RectificationRefusal, message: string, messageZh: string): TransitionResult {
  return { ok: false, reason, message, messageZh };
}

/** Applies `action` or says, in both languages, why it may not happen. Never mutates `order`. */
export function transition(
  order: RectificationOrder,
  action: RectificationAction,
  actor: string,
  atMs: number,
  settings: RectificationSettings = DEFAULT_RECTIFICATION_SETTINGS,
): TransitionResult {
  const step = TRANSITIONS[action.type];
  const labels = RECTIFICATION_ACTION_LABELS[action.type];
  if (!actor.trim()) return refuse('missing_actor', 'Who did this must be recorded', '必须记录操作人');
  if (order.status === 'closed') {
    return refuse('already_closed', 'The order is already closed', '该整改单已销号，不能再操作');
  }
  if (order.status !== step.from) {
    const now = RECTIFICATION_STATUS_LABELS[order.status];
    return refuse('illegal_transition', `Cannot “${labels.en}” while the order is ${now.en.toLowerCase()}`, `整改单当前为“${now.zh}”，不能“${labels.zh}”`);
  }
  const lastAt = order.history.length ? order.history[order.history.length - 1].atMs : order.createdAtMs;
  if (atMs < lastAt) {
    return refuse('before_previous_step', 'This step is dated before the previous one; check the time', '本步骤时间早于上一步骤，请核对时间');
  }
  if ((action.type === 'pass' || action.type === 'fail') && settings.recheckBySomeoneElse && order.fixedBy === actor) {
    return refuse('same_person_recheck', 'The re-check must be done by someone other than the person who fixed it', '复查须由整改人以外的人员进行');
  }
  const event: RectificationEvent = { action: action.type, from: step.from, to: step.to, actor, atMs, ...(action.note ? { note: action.note } : {}) };
  const next: RectificationOrder = { ...order, status: step.to, history: [...order.history, event] };
  if (action.type === 'submit') {
    next.fixedBy = actor;
    next.submittedAtMs = atMs;
  }
  if (action.type === 'pass') next.closedAtMs = atMs;
  return { ok: true, order: next };
}

/** The refusal as the typed error a service throws; the UI translates the key. */
export function refusalError(refusal: Extract<TransitionResult, { ok: false }>): Conflict {
  return new Conflict(`errors.hazards.rectification.${refusal.reason}`, refusal.message, { reason: refusal.reason });
}

/** Actions allowed now, for showing only the buttons that can work. */
export function allowedActions(order: RectificationOrder): RectificationActionType[] {
  return (Object.keys(TRANSITIONS) as RectificationActionType[]).filter((a) => TRANSITIONS[a].from === order.status);
}

type OverdueSettings = Pick<RectificationSettings, 'dutyDayBoundary' | 'timeZone'>;

/**
 * Overdue once the duty day containing `nowMs` is later than the deadline day: with an
 * 08:00 boundary, 03:00 on the day after the deadline is still within it. A fix handed in
 * for re-check on time is not the unit's delay, so it does not count as overdue while it
 * waits; a closed order is never overdue.
 */
export function isOverdue(order: RectificationOrder, nowMs: number, settings: OverdueSettings = DEFAULT_RECTIFICATION_SETTINGS): boolean {
  return daysOverdue(order, nowMs, settings) > 0;
}

/** Whole duty days past the deadline (0 when not overdue). */
export function daysOverdue(order: RectificationOrder, nowMs: number, settings: OverdueSettings = DEFAULT_RECTIFICATION_SETTINGS): number {
  if (order.status === 'closed') return 0;
  const dayOf = (ms: number) => dutyDayOf(ms, settings.dutyDayBoundary, settings.timeZone);
  if (order.status === 'awaiting_recheck' && order.submittedAtMs !== undefined && dayOf(order.submittedAtMs) <= order.deadline) return 0;
  return Math.max(0, daysBetween(order.deadline, dayOf(nowMs)));
}

/** Closed, with the accepted fix handed in only after the deadline's duty day had ended. */
export function fixedLate(order: RectificationOrder, settings: OverdueSettings = DEFAULT_RECTIFICATION_SETTINGS): boolean {
  return order.status === 'closed' && order.submittedAtMs !== undefined && dutyDayOf(order.submittedAtMs, settings.dutyDayBoundary, settings.timeZone) > order.deadline;
}

/**
 * The overdue rule above as a SQL predicate over `hazard_rectifications r` and `@today`, for the
 * lists and the handover that filter by it in the database.
 */
export const OVERDUE_SQL = `(r.status IN ('pending', 'in_progress') OR (r.status = 'awaiting_recheck' AND r.submitted_day > r.deadline)) AND r.deadline < @today`;
