import { describe, expect, it } from 'vitest';
import { boundaryDayChoices, parseManualLine, type ManualLine } from '../../../core/domain/rain/manual';

// 2026-07-01 09:30 Beijing time
const NOW = Date.UTC(2026, 6, 1, 1, 30);

describe('one-line manual entry', () => {
  it('reads code, time and value; a time later than now means yesterday', () => {
    expect(parseManualLine('HF01 08:00 12.5', NOW)).toEqual({ ok: true, value: { code: 'HF01', endMs: Date.UTC(2026, 6, 1, 0), value: 12.5, trace: false, dated: false } });
    expect(parseManualLine('HF01 14:00 3', NOW)).toMatchObject({ ok: true, value: { endMs: Date.UTC(2026, 5, 30, 6) } });
  });

  it('takes a short or full date, full-width colons and commas', () => {
    expect(parseManualLine('HF01 6-30 20：00 0', NOW)).toMatchObject({ ok: true, value: { endMs: Date.UTC(2026, 5, 30, 12) } });
    expect(parseManualLine('HF01，2025-07-06，8:00，1', NOW)).toMatchObject({ ok: true, value: { endMs: Date.UTC(2025, 6, 6, 0) } });
  });

  it('reads missing and trace words, and negative water levels', () => {
    expect(parseManualLine('HF01 08:00 缺测', NOW)).toMatchObject({ ok: true, value: { value: null, trace: false } });
    expect(parseManualLine('HF01 08:00 微量', NOW)).toMatchObject({ ok: true, value: { value: 0, trace: true } });
    expect(parseManualLine('SW01 08:00 -0.35', NOW)).toMatchObject({ ok: true, value: { value: -0.35 } });
  });

  it('names what is wrong', () => {
    expect(parseManualLine('HF01 12.5', NOW)).toEqual({ ok: false, error: 'format' });
    expect(parseManualLine('HF01 25:00 1', NOW)).toEqual({ ok: false, error: 'time' });
    expect(parseManualLine('HF01 2-30 08:00 1', NOW)).toEqual({ ok: false, error: 'time' });
    expect(parseManualLine('HF01 08:00 lots', NOW)).toEqual({ ok: false, error: 'value' });
  });
});

describe('which duty day a reading on a day boundary belongs to', () => {
  const line = (text: string): ManualLine => {
    const parsed = parseManualLine(text, NOW);
    if (!parsed.ok) throw new Error(text);
    return parsed.value;
  };

  it('offers the day that ends at the typed instant and the day that ends a day later, by the duty-day rule', () => {
    // 29 June 08:00 ends the duty day of the 28th; 30 June 08:00 ends the 29th's.
    expect(boundaryDayChoices(line('HF01 6-29 08:00 12'), '08:00', NOW)).toEqual([
      { endMs: Date.UTC(2026, 5, 29, 0), dutyDay: '2026-06-28' },
      { endMs: Date.UTC(2026, 5, 30, 0), dutyDay: '2026-06-29' },
    ]);
    // Midnight: the end of the 28th, or "24:00" on the 29th; both lie inside a duty day that started at 08:00 the day before.
    expect(boundaryDayChoices(line('HF01 6-29 00:00 3'), '08:00', NOW)).toEqual([
      { endMs: Date.UTC(2026, 5, 28, 16), dutyDay: '2026-06-28' },
      { endMs: Date.UTC(2026, 5, 29, 16), dutyDay: '2026-06-29' },
    ]);
    expect(boundaryDayChoices(line('HF01 6-29 09:00 3'), '09:00', NOW).map((c) => c.dutyDay)).toEqual(['2026-06-28', '2026-06-29']);
  });

  it('asks nothing off the boundary, without a date, or when the later choice is still to come', () => {
    expect(boundaryDayChoices(line('HF01 6-29 14:00 12'), '08:00', NOW)).toEqual([]);
    expect(boundaryDayChoices(line('HF01 08:00 12'), '08:00', NOW)).toEqual([]);
    // Now is 1 July 09:30: for 6-30 both 30 June and 1 July 08:00 are past; for 7-1 the other reading, 2 July, is to come.
    expect(boundaryDayChoices(line('HF01 6-30 08:00 12'), '08:00', NOW)).toHaveLength(2);
    expect(boundaryDayChoices(line('HF01 7-1 08:00 12'), '08:00', NOW)).toEqual([]);
  });
});
