import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEviction, TileCachePolicy, type CacheEntry } from '../../../core/domain/geo/tile-cache';

const e = (key: string, bytes: number, lastUsedMs: number): CacheEntry => ({ key, bytes, lastUsedMs });

describe('planEviction', () => {
  it('evicts least recently used first until the total fits', () => {
    // 600 bytes, budget 350: drop a (used at 1) → 500, then c (used at 2) → 200.
    const plan = planEviction([e('a', 100, 1), e('b', 200, 3), e('c', 300, 2)], 350);
    expect(plan).toEqual({ evict: ['a', 'c'], bytesBefore: 600, bytesAfter: 200 });
  });

  it('evicts nothing when already within budget (equal counts as within)', () => {
    expect(planEviction([e('a', 100, 1), e('b', 200, 2)], 300).evict).toEqual([]);
    expect(planEviction([], 0).evict).toEqual([]);
  });

  it('evicts everything for a zero budget, and breaks time ties by key', () => {
    expect(planEviction([e('z', 1, 5), e('m', 1, 5), e('a', 1, 9)], 0).evict).toEqual(['m', 'z', 'a']);
    expect(planEviction([e('z', 1, 5), e('m', 1, 5)], 1).evict).toEqual(['m']);
  });

  it('keeps pinned tiles even if that leaves the cache over budget', () => {
    const plan = planEviction([e('old', 500, 1), e('mid', 100, 2), e('new', 100, 3)], 100, { pinned: new Set(['old']) });
    expect(plan.evict).toEqual(['mid', 'new']);
    expect(plan.bytesAfter).toBe(500);
  });

  it('refuses negative sizes and budgets', () => {
    expect(() => planEviction([e('a', -1, 1)], 10)).toThrow(RangeError);
    expect(() => planEviction([e('a', 1, Number.NaN)], 10)).toThrow(RangeError);
    expect(() => planEviction([], -1)).toThrow(RangeError);
  });

  it('property: fits the budget, evicts only older-or-equal entries than any kept one, and no more than needed', () => {
    const entries = fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), bytes: fc.integer({ min: 0, max: 5000 }), lastUsedMs: fc.integer({ min: 0, max: 1000 }) }), {
      selector: (x) => x.key,
      maxLength: 40,
    });
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 60_000 }), (list, budget) => {
        const plan = planEviction(list, budget);
        const evicted = new Set(plan.evict);
        const kept = list.filter((x) => !evicted.has(x.key));
        const keptBytes = kept.reduce((s, x) => s + x.bytes, 0);
        expect(plan.bytesAfter).toBe(keptBytes);
        expect(keptBytes).toBeLessThanOrEqual(budget);
        const newestEvicted = Math.max(-Infinity, ...list.filter((x) => evicted.has(x.key)).map((x) => x.lastUsedMs));
        for (const k of kept) expect(k.lastUsedMs).toBeGreaterThanOrEqual(newestEvicted);
        if (plan.evict.length) {
          const lastKey = plan.evict[plan.evict.length - 1];
          const last = list.find((x) => x.key === lastKey)!;
          expect(keptBytes + last.bytes).toBeGreaterThan(budget);
        }
      }),
    );
  });
});

describe('TileCachePolicy', () => {
  it('tracks puts and hits and evicts the least recently used', () => {
    const cache = new TileCachePolicy(1000);
    expect(cache.put('14/1/1', 400, 100)).toEqual([]);
    expect(cache.put('14/1/2', 400, 200)).toEqual([]);
    cache.touch('14/1/1', 300);
    expect(cache.put('14/1/3', 400, 400)).toEqual(['14/1/2']);
    expect(cache.sizeBytes).toBe(800);
    expect(cache.count).toBe(2);
    expect(cache.has('14/1/2')).toBe(false);
  });

  it('replaces the size of a key stored again', () => {
    const cache = new TileCachePolicy(1000);
    cache.put('a', 600, 1);
    cache.put('a', 300, 2);
    expect(cache.sizeBytes).toBe(300);
    expect(cache.put('b', 700, 3)).toEqual([]);
    expect(cache.put('c', 1, 4)).toEqual(['a']);
  });

  it('evicts a tile bigger than the whole budget, and only then the new one', () => {
    const cache = new TileCachePolicy(100);
    cache.put('small', 50, 1);
    expect(cache.put('huge', 500, 2)).toEqual(['small', 'huge']);
    expect(cache.sizeBytes).toBe(0);
  });

  it('keeps the tile just stored even when the clock was set back', () => {
    const cache = new TileCachePolicy(1000);
    cache.put('a', 600, 5_000);
    expect(cache.put('b', 600, 1_000)).toEqual(['a']);
    expect(cache.has('b')).toBe(true);
  });

  it('loads entries from disk in order of last use, and respects pinned tiles', () => {
    const cache = new TileCachePolicy(250);
    expect(cache.load([e('new', 100, 30), e('old', 100, 10), e('mid', 100, 20)])).toEqual(['old']);
    expect(cache.snapshot().map((x) => x.key)).toEqual(['mid', 'new']);
    expect(cache.put('x', 100, 40, { pinned: new Set(['mid']) })).toEqual(['new']);
    cache.remove('x');
    cache.remove('missing');
    expect(cache.sizeBytes).toBe(100);
  });
});
