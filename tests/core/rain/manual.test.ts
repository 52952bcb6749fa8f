import { describe, expect, it } from 'vitest';
import { parseManualLine } from '../../../core/domain/rain/manual';

// 2026-07-01 09:30 Beijing time
const NOW = Date.UTC(2026, 6, 1, 1, 30);

describe('one-line manual entry', () => {
  it('reads code, time and value; a time later than now means yesterday', () => {
    expect(parseManualLine('HF01 08:00 12.5', NOW)).toEqual({ ok: true, value: { code: 'HF01', endMs: Date.UTC(2026, 6, 1, 0), value: 12.5, trace: false } });
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
