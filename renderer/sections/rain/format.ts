import { DEFAULT_TIME_ZONE } from '../../../core/time';
import { safeDate, safeNumber, type Shown } from '../../format/safe';
import { useStatus } from '../../store/status';

/** The office's zone from the status bar; readings are stored in UTC and shown in local time. */
export function useTimeZone(): string {
  return useStatus((state) => state.status?.timeZone ?? DEFAULT_TIME_ZONE);
}

export const fmtTime = (ms: unknown, zone: string, pattern = 'MM-dd HH:mm'): Shown => safeDate(ms, pattern, zone);

/** Reporting precision is 0.1 mm; a dash, not 0, when nothing was measured. */
export const fmtMm = (mm: unknown): Shown => safeNumber(mm, 1);

export const fmtM = (m: unknown): Shown => safeNumber(m, 2);

type Swatches = Readonly<Record<string, { cssVar: string; fallback: string }>>;

/** The colour of a grade or signal code, as `gradeColour` gives it; none for a code this version does not know. */
export const swatch = (table: Swatches, code: unknown): string | undefined =>
  typeof code === 'string' && Object.hasOwn(table, code) ? `var(${table[code].cssVar}, ${table[code].fallback})` : undefined;
