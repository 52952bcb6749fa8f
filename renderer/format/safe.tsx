import { useCallback, type ReactElement } from 'react';
import './safe.css';
import { formatLocal } from '../../core/time';
import { isTKey, useT, type Lang, type Translate } from '../i18n';

/**
 * Formatters for values read from storage. A restored backup, an older version or another
 * office's bundle can hold anything in a column, and one `RangeError` while drawing a row
 * used to blank the whole window; these never throw, and show what they could not read.
 */

export const DASH = '—';

/** The text of a readable value, or a marked dash whose tooltip names what was stored. */
export type Shown = string | ReactElement;

// The Date object's own limit; beyond it every date function throws.
const MAX_DATE_MS = 8_640_000_000_000_000;
const RAW_MAX = 80;

function rawText(value: unknown): string {
  let text: string;
  try {
    // Quoted, so an empty or blank string is visible as such.
    text = typeof value === 'string' || typeof value === 'object' ? (JSON.stringify(value) ?? String(value)) : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > RAW_MAX ? `${text.slice(0, RAW_MAX - 1)}…` : text;
}

function Unreadable({ raw }: { raw: string }) {
  const t = useT();
  const text = t('format.unreadable', { raw });
  return (
    <span className="unreadable" title={text} data-unreadable={raw}>
      {DASH}
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

const unreadable = (value: unknown): ReactElement => <Unreadable raw={rawText(value)} />;

/** An epoch-ms instant that every date function accepts. */
export const isInstant = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DATE_MS;

// Nothing stored is shown as a plain dash, as it always was; only a value that is there but unreadable is marked.
const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

/** An instant (epoch ms, or an ISO string as in `createdAt`) in the office's zone. */
export function safeDate(value: unknown, pattern: string, zone: string): Shown {
  if (absent(value)) return DASH;
  const ms = typeof value === 'string' ? Date.parse(value) : value;
  if (!isInstant(ms)) return unreadable(value);
  try {
    return formatLocal(ms, pattern, zone);
  } catch {
    return unreadable(value);
  }
}

/** A measured or counted number: as it is, with `digits` decimals, or written by `format`. */
export function safeNumber(value: unknown, digits?: number | ((n: number) => string)): Shown {
  if (absent(value)) return DASH;
  if (typeof value !== 'number' || !Number.isFinite(value)) return unreadable(value);
  if (typeof digits === 'function') return digits(value);
  return digits === undefined ? String(value) : value.toFixed(digits);
}

/** The label of a stored code; `label` answers undefined for a code this version does not know. */
export function safeEnumLabel(value: unknown, label: (code: string) => string | undefined): Shown {
  if (absent(value)) return DASH;
  const text = typeof value === 'string' || typeof value === 'number' ? label(String(value)) : undefined;
  return text ?? unreadable(value);
}

/** Labels kept in the translation table as `<prefix>.<code>`. */
export const keyLabels =
  (t: Translate, prefix: string) =>
  (code: string): string | undefined => {
    const key = `${prefix}.${code}`;
    return isTKey(key) ? t(key) : undefined;
  };

/** `code('duty.channel', entry.channel)`: the stored code's label from the translation table. */
export function useCodeLabel(): (prefix: string, code: unknown) => Shown {
  const t = useT();
  return useCallback((prefix: string, code: unknown) => safeEnumLabel(code, keyLabels(t, prefix)), [t]);
}

/** Labels kept in a plain table; `hasOwn`, so a stored `constructor` is unknown, not a function. */
export const tableLabels =
  (table: Readonly<Record<string, string>>) =>
  (code: string): string | undefined =>
    Object.hasOwn(table, code) ? table[code] : undefined;

/** Labels kept in a domain table as `{ zh, en }` pairs. */
export const pairLabels =
  (table: Readonly<Record<string, { zh: string; en: string }>>, lang: Lang) =>
  (code: string): string | undefined =>
    Object.hasOwn(table, code) ? table[code][lang === 'zh-CN' ? 'zh' : 'en'] : undefined;

/** For places that take only text (titles, messages, file cells): the dash stands alone. */
export const plain = (shown: Shown): string => (typeof shown === 'string' ? shown : DASH);
