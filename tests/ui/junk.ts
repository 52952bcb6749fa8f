import fc from 'fast-check';

/**
 * What a column can hold once rows come from a restored backup, an older version or another
 * office's bundle: wrong types, dates that are not dates, numbers past any range, codes this
 * version never heard of, and names that collide with Object.prototype.
 */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -Infinity, 1e308, -1e308, 8.64e15 + 1, -8.64e15 - 1, 9.2e18, 0, -1) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>('', 'x', 'not-a-date', '2026-02-30T25:61:00Z', 'constructor', '__proto__', 'hasOwnProperty', 'toString', 'level9') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, [], {}, { zh: 1 }, [1, 2]) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);

/** The text a user sees: without the screen-reader copy of an unreadable value, which quotes the raw value on purpose. */
export function visibleText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return copy.textContent ?? '';
}

/** Signs that a formatter let a bad value through instead of marking it. */
export const LEAKS = /Invalid Date|\[object |NaN|undefined/;
