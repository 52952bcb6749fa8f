import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INDICATOR_IDS, INDICATORS, QUANTITY_IDS, type QuantityId } from '../../../core/domain/damage/catalogue';
import { statusAfter } from '../../../core/domain/damage/status';
import { damageTotals, latestVersionsAt, type VersionFigures } from '../../../core/domain/damage/totals';

const v = (recordId: string, version: number, recordedAtMs: number, quantities: VersionFigures['quantities'], lossWan = 0, status: VersionFigures['status'] = 'reported'): VersionFigures => ({
  recordId, version, recordedAtMs, status, quantities, lossWan,
});
const none = new Map<string, number | null>();
const total = (list: ReturnType<typeof damageTotals>, id: string) => list.find((t) => t.indicator === id);

describe('the status of a new version', () => {
  it('starts reported, turns corrected on any correction, verified only from reported or corrected', () => {
    expect(statusAfter('record', null)).toEqual({ ok: true, status: 'reported' });
    expect(statusAfter('record', 'reported')).toEqual({ ok: false, reason: 'alreadyRecorded' });
    expect(statusAfter('verify', null)).toEqual({ ok: false, reason: 'notRecorded' });
    expect(statusAfter('verify', 'reported')).toEqual({ ok: true, status: 'verified' });
    expect(statusAfter('verify', 'corrected')).toEqual({ ok: true, status: 'verified' });
    expect(statusAfter('verify', 'verified')).toEqual({ ok: false, reason: 'alreadyVerified' });
    for (const from of ['reported', 'corrected', 'verified'] as const) expect(statusAfter('correct', from)).toEqual({ ok: true, status: 'corrected' });
  });
});

describe('damage totals (hand-worked)', () => {
  // A: 2 households collapsed at 10:00, corrected to 3 at 12:00. B: 1 household, removed at 11:00. C: waterlogging 30 cm then 50 cm elsewhere.
  const versions = [
    v('A', 1, 10, { houses_collapsed_households: 2, houses_collapsed_rooms: 4 }, 10),
    v('A', 2, 12, { houses_collapsed_households: 3, houses_collapsed_rooms: 6 }, 15.5, 'corrected'),
    v('B', 1, 10, { houses_collapsed_households: 1 }, 0.3, 'reported'),
    v('C', 1, 10, { waterlogging_sites: 1, waterlogging_depth_cm: 30 }),
    v('D', 1, 11, { waterlogging_sites: 2, waterlogging_depth_cm: 50 }, 0, 'verified'),
  ];
  const removed = new Map([['B', 11]]);

  it('uses the latest version at the instant and leaves out removed records', () => {
    expect(latestVersionsAt(versions, removed, 10).map((x) => `${x.recordId}${x.version}`)).toEqual(['A1', 'B1', 'C1']);
    expect(latestVersionsAt(versions, removed, 12).map((x) => `${x.recordId}${x.version}`)).toEqual(['A2', 'C1', 'D1']);
    expect(latestVersionsAt(versions, removed, 9)).toEqual([]);
  });

  it('sums counts and loss, takes the deepest water, and names the records behind each figure', () => {
    const at10 = damageTotals(versions, removed, 10);
    expect(total(at10, 'houses_collapsed_households')).toEqual({ indicator: 'houses_collapsed_households', unit: 'household', value: 3, verifiedValue: 0, recordIds: ['A', 'B'] });
    expect(total(at10, 'direct_loss_wan')).toMatchObject({ value: 10.3, recordIds: ['A', 'B'] });
    const at12 = damageTotals(versions, removed, 12);
    expect(total(at12, 'houses_collapsed_households')).toMatchObject({ value: 3, recordIds: ['A'] });
    expect(total(at12, 'houses_collapsed_rooms')?.value).toBe(6);
    expect(total(at12, 'waterlogging_sites')).toMatchObject({ value: 3, verifiedValue: 2, recordIds: ['C', 'D'] });
    expect(total(at12, 'waterlogging_depth_cm')).toMatchObject({ value: 50, verifiedValue: 50, recordIds: ['D'] });
    expect(at12.map((t) => t.indicator)).toEqual([...INDICATOR_IDS]);
  });

  it('adds decimals in the unit’s precision', () => {
    const crops = [v('A', 1, 0, { crops_affected_ha: 0.1 }, 0.1), v('B', 1, 0, { crops_affected_ha: 0.2 }, 0.2)];
    const list = damageTotals(crops, none, 0);
    expect(total(list, 'crops_affected_ha')?.value).toBe(0.3);
    expect(total(list, 'direct_loss_wan')?.value).toBe(0.3);
  });
});

describe('damage totals (property)', () => {
  const quantity = fc.constantFrom(...QUANTITY_IDS.filter((id) => INDICATORS[id].aggregate === 'sum'));
  const history = fc.array(
    fc.record({
      record: fc.integer({ min: 0, max: 5 }),
      at: fc.integer({ min: 0, max: 100 }),
      figures: fc.dictionary(quantity, fc.integer({ min: 0, max: 1000 }), { maxKeys: 3 }),
      lossFen: fc.integer({ min: 0, max: 100_000 }),
      verified: fc.boolean(),
    }),
    { maxLength: 30 },
  );

  it('equal, for every summed indicator, the sum over the latest version of each record at the instant', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 100 }), fc.dictionary(fc.integer({ min: 0, max: 5 }).map(String), fc.integer({ min: 0, max: 100 })), (steps, atMs, removedAt) => {
        // Versions of a record rise in number with their time, as the handlers write them.
        const counters = new Map<string, number>();
        const versions = [...steps].sort((a, b) => a.at - b.at).map((s) => {
          const id = String(s.record);
          const version = (counters.get(id) ?? 0) + 1;
          counters.set(id, version);
          return v(id, version, s.at, s.figures as Partial<Record<QuantityId, number>>, s.lossFen / 10_000, s.verified ? 'verified' : 'reported');
        });
        const removed = new Map(Object.entries(removedAt));
        const totals = damageTotals(versions, removed, atMs);
        const latest = new Map<string, VersionFigures>();
        for (const x of versions) if (x.recordedAtMs <= atMs && !(removed.has(x.recordId) && removed.get(x.recordId)! <= atMs)) latest.set(x.recordId, x);
        for (const t of totals) {
          if (INDICATORS[t.indicator].aggregate !== 'sum') continue;
          const of = (x: VersionFigures) => (t.indicator === 'direct_loss_wan' ? x.lossWan : (x.quantities[t.indicator as QuantityId] ?? 0));
          const expected = [...latest.values()].reduce((sum, x) => sum + of(x), 0);
          expect(t.value).toBeCloseTo(expected, 6);
          expect(new Set(t.recordIds)).toEqual(new Set([...latest.values()].filter((x) => of(x) > 0).map((x) => x.recordId)));
          expect(t.verifiedValue).toBeLessThanOrEqual(t.value + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
