import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventDisplayName, typhoonCode, type EventNameParts } from '../../../core/domain/events/name';

const saola: EventNameParts = { kind: 'typhoon', name: '苏拉', nameEn: 'Saola', typhoonYear: 2023, typhoonNumber: 9 };

describe('event display names', () => {
  it('composes a numbered typhoon as the weather service writes it', () => {
    expect(eventDisplayName(saola, 'zh')).toBe('2023年第9号台风“苏拉”');
    expect(eventDisplayName(saola, 'en')).toBe('Typhoon Saola (2309)');
    expect(eventDisplayName({ ...saola, name: '海葵', nameEn: 'Haikui', typhoonNumber: 11 }, 'en')).toBe('Typhoon Haikui (2311)');
  });

  it('pads the code: a 2000 typhoon number 1 is 0001', () => {
    expect(typhoonCode(2000, 1)).toBe('0001');
    expect(typhoonCode(2109, 12)).toBe('0912');
  });

  it('falls back to the Chinese name in English when no international name was typed', () => {
    expect(eventDisplayName({ ...saola, nameEn: '  ' }, 'en')).toBe('Typhoon 苏拉 (2309)');
  });

  it('shows an unnumbered typhoon and any other event as typed', () => {
    const legacy = { kind: 'typhoon', name: '台风“苏拉”', nameEn: 'Typhoon Saola', typhoonYear: null, typhoonNumber: null };
    expect(eventDisplayName(legacy, 'zh')).toBe('台风“苏拉”');
    expect(eventDisplayName(legacy, 'en')).toBe('Typhoon Saola');
    const rain = { kind: 'rainstorm', name: '11月强降雨过程', nameEn: '', typhoonYear: null, typhoonNumber: null };
    expect(eventDisplayName(rain, 'en')).toBe('11月强降雨过程');
  });

  it('ignores a number on a kind that cannot carry one', () => {
    expect(eventDisplayName({ ...saola, kind: 'rainstorm' }, 'zh')).toBe('苏拉');
  });

  it('always names the number and the Chinese name of a numbered typhoon', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1949, max: 2200 }), fc.integer({ min: 1, max: 99 }), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''), (year, number, name) => {
        const zh = eventDisplayName({ ...saola, name, typhoonYear: year, typhoonNumber: number }, 'zh');
        expect(zh).toContain(`${year}年第${number}号`);
        expect(zh).toContain(name.trim());
        expect(eventDisplayName({ ...saola, typhoonYear: year, typhoonNumber: number }, 'en')).toMatch(/\(\d{4}\)$/);
      }),
    );
  });
});
