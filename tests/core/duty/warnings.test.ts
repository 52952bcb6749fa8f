import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RAINSTORM_SIGNALS,
  DEFAULT_TYPHOON_SIGNALS,
  activeWarnings,
  rainstormColourFor,
  responseLevelLabel,
  suggestResponseLevel,
  typhoonColourFor,
  type Warning,
} from '../../../core/domain/duty/warnings';

const H = 3_600_000;
const now = Date.UTC(2024, 6, 5, 0, 0);
const warning = (id: string, colour: Warning['colour'], issuedAtMs: number, liftedAtMs: number | null = null, type: Warning['type'] = 'rainstorm'): Warning => ({
  id, type, colour, issuedBy: '市气象台', issuedAtMs, liftedAtMs,
});

describe('activeWarnings', () => {
  it('keeps warnings issued by now and not yet lifted, most severe first', () => {
    const list = [
      warning('old-red', 'red', now - 10 * H, now - 2 * H),
      warning('blue', 'blue', now - 5 * H),
      warning('orange', 'orange', now - 3 * H, now + H),
      warning('future', 'red', now + 1),
      warning('lifted-now', 'yellow', now - H, now),
      warning('issued-now', 'blue', now, null, 'geological'),
    ];
    expect(activeWarnings(list, now).map((w) => w.id)).toEqual(['orange', 'issued-now', 'blue']);
  });
});

describe('suggestResponseLevel', () => {
  it('maps the highest active colour with the default policy', () => {
    const list = [warning('y', 'yellow', now - H), warning('o1', 'orange', now - 2 * H), warning('o2', 'orange', now - H, null, 'typhoon')];
    expect(suggestResponseLevel(list, now)).toEqual({ level: 2, colour: 'orange', warningIds: ['o2', 'o1'] });
  });

  it('follows a local mapping, including "no response" for a colour', () => {
    const list = [warning('b', 'blue', now - H)];
    expect(suggestResponseLevel(list, now, { blue: null, yellow: 4, orange: 3, red: 2 })).toBeNull();
    expect(suggestResponseLevel([warning('r', 'red', now - H)], now, { blue: null, yellow: 4, orange: 3, red: 2 })?.level).toBe(2);
  });

  it('suggests nothing when no warning is in force', () => {
    expect(suggestResponseLevel([warning('gone', 'red', now - 5 * H, now - H)], now)).toBeNull();
  });

  it('labels levels with Roman numerals, Ⅰ being the highest', () => {
    expect(responseLevelLabel(1)).toEqual({ zh: 'Ⅰ级应急响应', en: 'Level I emergency response' });
    expect(responseLevelLabel(4).zh).toBe('Ⅳ级应急响应');
  });
});

describe('signal defaults', () => {
  it('carry the national rainstorm and typhoon thresholds', () => {
    expect(DEFAULT_RAINSTORM_SIGNALS.red).toEqual({ windowHours: 3, mm: 100 });
    expect(DEFAULT_RAINSTORM_SIGNALS.blue).toEqual({ windowHours: 12, mm: 50 });
    expect(DEFAULT_TYPHOON_SIGNALS.orange).toEqual({ withinHours: 12, meanWindForce: 10, gustForce: 12 });
  });

  it('picks the highest rainstorm colour met, treating a missing window as unknown', () => {
    expect(rainstormColourFor({ 3: 62, 6: 70, 12: 90 })).toBe('orange');
    expect(rainstormColourFor({ 3: 100 })).toBe('red');
    expect(rainstormColourFor({ 3: 49.9, 6: 49.9, 12: 50 })).toBe('blue');
    expect(rainstormColourFor({ 3: null, 6: 55 })).toBe('yellow');
    expect(rainstormColourFor({})).toBeNull();
  });

  it('picks the typhoon colour from lead time and either mean wind or gusts', () => {
    // Force 9 mean within 10 h: too weak for orange (10/12), enough for yellow (8).
    expect(typhoonColourFor({ hoursAhead: 10, meanWindForce: 9, gustForce: 11 })).toBe('yellow');
    // Gusts of 14 alone, 5 h away: red.
    expect(typhoonColourFor({ hoursAhead: 5, meanWindForce: 8, gustForce: 14 })).toBe('red');
    // Red-strength wind but 20 h away only reaches the 24 h signals.
    expect(typhoonColourFor({ hoursAhead: 20, meanWindForce: 12, gustForce: 14 })).toBe('yellow');
    expect(typhoonColourFor({ hoursAhead: 30, meanWindForce: 12, gustForce: 14 })).toBeNull();
  });
});
