import { INDICATOR_IDS, INDICATORS, LOSS_INDICATOR, UNITS, type IndicatorId, type UnitId } from './catalogue';
import type { Quantities } from './quantities';
import type { DamageStatus } from './status';

/** One stored version, reduced to what a total needs. */
export interface VersionFigures {
  recordId: string;
  version: number;
  /** When this version was written: a total as of an earlier instant does not see it. */
  recordedAtMs: number;
  status: DamageStatus;
  quantities: Quantities;
  lossWan: number;
}

export interface IndicatorTotal {
  indicator: IndicatorId;
  unit: UnitId;
  value: number;
  /** The same figure from verified versions only: what a 核报 may state as checked. */
  verifiedValue: number;
  /** The records the figure came from (for a deepest-water figure, the deepest ones), in input order. */
  recordIds: string[];
}

/**
 * The version of each record the register showed at `atMs`: its highest version written by then,
 * unless the record had been removed by then. Records first written after `atMs` are not there yet.
 */
export function latestVersionsAt(versions: readonly VersionFigures[], removedAtMs: ReadonlyMap<string, number | null>, atMs: number): VersionFigures[] {
  const latest = new Map<string, VersionFigures>();
  for (const v of versions) {
    if (v.recordedAtMs > atMs) continue;
    const removed = removedAtMs.get(v.recordId) ?? null;
    if (removed !== null && removed <= atMs) continue;
    const seen = latest.get(v.recordId);
    if (!seen || v.version > seen.version) latest.set(v.recordId, v);
  }
  return [...latest.values()];
}

const figureOf = (v: VersionFigures, indicator: IndicatorId): number => (indicator === LOSS_INDICATOR ? v.lossWan : (v.quantities[indicator] ?? 0));

/** Sums in the unit's precision, so 0.1 ha + 0.2 ha is 0.3 ha and not 0.30000000000000004. */
const rounded = (value: number, unit: UnitId) => {
  const scale = 10 ** UNITS[unit].decimals;
  return Math.round(value * scale) / scale;
};

function aggregate(indicator: IndicatorId, versions: readonly VersionFigures[]): { value: number; recordIds: string[] } {
  const { aggregate: how, unit } = INDICATORS[indicator];
  const counted = versions.filter((v) => figureOf(v, indicator) > 0);
  if (how === 'max') {
    const value = Math.max(0, ...counted.map((v) => figureOf(v, indicator)));
    return { value, recordIds: counted.filter((v) => figureOf(v, indicator) === value).map((v) => v.recordId) };
  }
  return { value: rounded(counted.reduce((sum, v) => sum + figureOf(v, indicator), 0), unit), recordIds: counted.map((v) => v.recordId) };
}

/**
 * An event's figure for every indicator as the register stood at `atMs`, from the latest version
 * of each record (superseded versions and removed records left out), each with its records.
 * Every indicator is listed, zeros too, because the statistics table has a fixed set of rows.
 */
export function damageTotals(versions: readonly VersionFigures[], removedAtMs: ReadonlyMap<string, number | null>, atMs: number): IndicatorTotal[] {
  const current = latestVersionsAt(versions, removedAtMs, atMs);
  const verified = current.filter((v) => v.status === 'verified');
  return INDICATOR_IDS.map((indicator) => {
    const all = aggregate(indicator, current);
    return { indicator, unit: INDICATORS[indicator].unit, value: all.value, verifiedValue: aggregate(indicator, verified).value, recordIds: all.recordIds };
  });
}
