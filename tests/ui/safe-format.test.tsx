// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanup, render } from '@testing-library/react';
import { formatLocal } from '../../core/time';
import { DASH, isInstant, keyLabels, pairLabels, plain, safeDate, safeEnumLabel, safeNumber, tableLabels, type Shown } from '../../renderer/format/safe';
import { translate } from '../../renderer/i18n';
import { useUi } from '../../renderer/store/ui';
import { junk, LEAKS, visibleText } from './junk';

afterEach(() => {
  cleanup();
  useUi.setState({ lang: 'zh-CN' });
});

const ZONE = 'Asia/Shanghai';
const RISK = { high: { zh: '高', en: 'High' }, low: { zh: '低', en: 'Low' } };

/** Draws a formatter's result the way a table cell does. */
function drawn(shown: Shown): HTMLElement {
  return render(<span data-testid="cell">{shown}</span>).getByTestId('cell');
}

describe('safe formatters leave readable values exactly as before', () => {
  it('formats every instant the date functions accept as formatLocal does', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger().filter((ms) => Math.abs(ms) <= 8.6e15), fc.constantFrom('yyyy-MM-dd HH:mm', 'MM-dd HH:mm', 'HH:mm:ss'), (ms, pattern) => {
        expect(safeDate(ms, pattern, ZONE)).toBe(formatLocal(ms, pattern, ZONE));
      }),
    );
  });

  it('reads ISO strings, as createdAt columns are stored', () => {
    expect(safeDate('2026-07-01T04:00:00.000Z', 'yyyy-MM-dd HH:mm', ZONE)).toBe('2026-07-01 12:00');
  });

  it('writes finite numbers with toFixed, or as they are', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 6 }), (n, digits) => {
        expect(safeNumber(n, digits)).toBe(n.toFixed(digits));
        expect(safeNumber(n)).toBe(String(n));
      }),
    );
    expect(safeNumber(12.345, (n) => `${Math.round(n)}%`)).toBe('12%');
  });

  it('labels known codes in the chosen language', () => {
    expect(safeEnumLabel('high', pairLabels(RISK, 'zh-CN'))).toBe('高');
    expect(safeEnumLabel('low', pairLabels(RISK, 'en'))).toBe('Low');
    expect(safeEnumLabel(2, tableLabels({ 2: 'Ⅱ' }))).toBe('Ⅱ');
    const t = (key: Parameters<typeof translate>[1]) => translate('en', key);
    expect(safeEnumLabel('manual', keyLabels(t, 'backup.reason'))).toBe('Manual');
  });

  it('shows nothing stored as the plain dash it always was', () => {
    for (const absent of [null, undefined]) {
      expect(safeDate(absent, 'yyyy', ZONE)).toBe(DASH);
      expect(safeNumber(absent, 1)).toBe(DASH);
      expect(safeEnumLabel(absent, tableLabels({}))).toBe(DASH);
    }
  });
});

describe('safe formatters never throw on what storage may hold', () => {
  it('dates: anything at all gives text or a marked dash, never an exception or a leak', () => {
    fc.assert(
      fc.property(junk, fc.constantFrom(ZONE, 'UTC', 'Not/AZone'), (value, zone) => {
        const shown = safeDate(value, 'yyyy-MM-dd HH:mm', zone);
        const cell = drawn(shown);
        expect(visibleText(cell)).not.toMatch(LEAKS);
        if (typeof shown !== 'string') expect(cell.querySelector('.unreadable')?.getAttribute('title')).toMatch(/^无法识别的值：/);
        cleanup();
      }),
      { numRuns: 300 },
    );
  });

  it('numbers: only finite numbers are written out', () => {
    fc.assert(
      fc.property(junk, fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), (value, digits) => {
        const shown = safeNumber(value, digits);
        const readable = typeof value === 'number' && Number.isFinite(value);
        expect(typeof shown === 'string' && shown !== DASH).toBe(readable);
        expect(visibleText(drawn(shown))).not.toMatch(LEAKS);
        cleanup();
      }),
      { numRuns: 300 },
    );
  });

  it('codes: unknown codes and prototype names are marked, not looked up', () => {
    fc.assert(
      fc.property(junk, (value) => {
        const shown = safeEnumLabel(value, pairLabels(RISK, 'en'));
        const known = value === 'high' || value === 'low';
        expect(typeof shown === 'string' && shown !== DASH).toBe(known);
        expect(visibleText(drawn(shown))).not.toMatch(LEAKS);
        cleanup();
      }),
      { numRuns: 300 },
    );
    for (const name of ['constructor', '__proto__', 'toString']) expect(typeof safeEnumLabel(name, pairLabels(RISK, 'zh-CN'))).not.toBe('string');
  });

  it('tells what was stored, in the user language, and reduces to the dash where only text fits', () => {
    const zh = drawn(safeDate('x', 'yyyy', ZONE));
    expect(zh.querySelector('.unreadable')?.getAttribute('title')).toBe('无法识别的值："x"');
    expect(zh.textContent).toContain('无法识别的值');
    cleanup();
    useUi.setState({ lang: 'en' });
    expect(drawn(safeNumber('12 mm', 1)).querySelector('.unreadable')?.getAttribute('title')).toBe('unreadable value: "12 mm"');
    expect(plain(safeDate(Number.NaN, 'yyyy', ZONE))).toBe(DASH);
    expect(plain(safeDate(0, 'yyyy', 'UTC'))).toBe('1970');
  });

  it('accepts as an instant only what the Date functions accept', () => {
    expect([0, -8.64e15, 8.64e15].every(isInstant)).toBe(true);
    expect([NaN, Infinity, 8.64e15 + 1, '0', null].some(isInstant)).toBe(false);
  });
});
