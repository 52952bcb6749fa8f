import { addDays, dutyDayOf, dutyDayWindow, type LocalTime } from '../../time';

/**
 * Whether a log entry's time is far enough back to be a likely typo (a wrong year or month).
 * Back-filling the current and the previous duty day is routine (the night shift writes up at
 * handover); anything older is asked about before it is saved. A time ahead of the clock needs
 * no question here: the server refuses it beyond the duty settings' tolerance (5 minutes by default).
 */
export function isBackDated(receivedAtMs: number, nowMs: number, boundary: LocalTime, timeZone: string): boolean {
  const previousDay = addDays(dutyDayOf(nowMs, boundary, timeZone), -1);
  return receivedAtMs < dutyDayWindow(previousDay, boundary, timeZone).startMs;
}
