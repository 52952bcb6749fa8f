/**
 * Every countdown and span on screen as h:mm (2:05, 0:09, −0:42 once overdue): minutes are what
 * a duty officer acts on, and "125 分钟" or a ticking second hand have to be worked out first.
 * Rounded up, so a deadline still a few seconds off never reads 0:00; a dash when unreadable.
 */
export function hoursMinutes(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const minutes = Math.ceil(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '−' : ''}${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
