import { addDays, dutyDayOf, dutyDayWindow, type LocalDate, type LocalTime } from '../../time';

/** A call logged a little ahead of the office clock (a slow PC, a typo of a minute) is not a mistake. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type LogTimeCheck = 'ok' | 'past' | 'future';

/**
 * Whether a log entry's time is far enough from now to be a likely typo. Back-filling the
 * current and the previous duty day is routine (the night shift writes up at handover);
 * anything older, or more than a few minutes ahead, is asked about before it is saved.
 */
export function checkLogTime(receivedAtMs: number, nowMs: number, boundary: LocalTime, timeZone: string): LogTimeCheck {
  if (receivedAtMs > nowMs + FUTURE_TOLERANCE_MS) return 'future';
  const previousDay: LocalDate = addDays(dutyDayOf(nowMs, boundary, timeZone), -1);
  return receivedAtMs < dutyDayWindow(previousDay, boundary, timeZone).startMs ? 'past' : 'ok';
}
