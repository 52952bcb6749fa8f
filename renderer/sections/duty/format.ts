import { useEffect, useState } from 'react';
import { DEFAULT_TIME_ZONE, formatLocal, zonedToUtc } from '../../../core/time';
import { safeDate, type Shown } from '../../format/safe';
import { useStatus } from '../../store/status';

export function useZone(): string {
  return useStatus((s) => s.status?.timeZone ?? DEFAULT_TIME_ZONE);
}

/** Ticks every `everyMs`, for countdowns and "now" defaults. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Stored instants; an unreadable one shows as a marked dash (see format/safe). */
export const hm = (ms: unknown, zone: string): Shown => safeDate(ms, 'MM-dd HH:mm', zone);
export const full = (ms: unknown, zone: string): Shown => safeDate(ms, 'yyyy-MM-dd HH:mm', zone);

/** The value of an <input type="datetime-local"> showing an instant in the office zone. */
export const toLocalInput = (ms: number, zone: string) => formatLocal(ms, "yyyy-MM-dd'T'HH:mm", zone);

export function fromLocalInput(value: string, zone: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? zonedToUtc(match[1], match[2], zone) : undefined;
}

export const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
export const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
