import type { MethodName } from '../../core/contract';
import { call } from './client';

export interface DrawFailure {
  /** The section, with the dialog or part after a slash: `rain`, `evac/override-dialog`. */
  section: string;
  error: unknown;
  componentStack?: string | null;
  /** The method that loaded the stored row being drawn, and the row, when the failure was in one. */
  method?: MethodName;
  rowId?: string;
}

// The contract's limits: a longer report would be refused whole.
const MAX = { section: 100, message: 2000, stack: 16_000, method: 100, rowId: 200 };
const reported = new Set<string>();

// The dispatcher refuses text with NUL; the report must never be the thing that fails. A row id is
// stored data like any other, so it may not even be a string.
const fit = (text: unknown, max: number) => String(text).replaceAll('\0', '').slice(0, max);

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

/**
 * Writes a failure to draw to the data folder's renderer.log. The same failure is sent once a
 * session: a list of a thousand bad rows must not send a thousand reports. Never throws and
 * never shows a banner; the screen already says what happened.
 */
export function logDrawFailure({ section, error, componentStack, method, rowId }: DrawFailure): void {
  const message = describe(error);
  const key = JSON.stringify([section, message, method, rowId]);
  if (reported.has(key)) return;
  reported.add(key);
  call('system.logClientError', {
    section: fit(section, MAX.section),
    message: fit(message, MAX.message),
    stack: fit(componentStack ?? '', MAX.stack),
    ...(method ? { method: fit(method, MAX.method) } : {}),
    ...(rowId ? { rowId: fit(rowId, MAX.rowId) } : {}),
  }).catch(() => undefined);
}
