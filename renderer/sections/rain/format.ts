import { formatLocal, DEFAULT_TIME_ZONE } from '../../../core/time';
import { useStatus } from '../../store/status';

/** The office's zone from the status bar; readings are stored in UTC and shown in local time. */
export function useTimeZone(): string {
  return useStatus((state) => state.status?.timeZone ?? DEFAULT_TIME_ZONE);
}

export const fmtTime = (ms: number | null, zone: string, pattern = 'MM-dd HH:mm'): string => (ms === null ? '—' : formatLocal(ms, pattern, zone));

/** Reporting precision is 0.1 mm; a dash, not 0, when nothing was measured. */
export const fmtMm = (mm: number | null | undefined): string => (mm === null || mm === undefined ? '—' : mm.toFixed(1));

export const fmtM = (m: number | null | undefined): string => (m === null || m === undefined ? '—' : m.toFixed(2));
