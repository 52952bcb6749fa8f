import { randomUUID } from 'node:crypto';
import { mergeDuplicates, type RainReading } from '../../core/domain/rain/readings';
import { QUALITY_CODES, type ReadingRow, rainReadingsRepo } from './rain.repo';
import type { DuplicateInsert } from './import.repo';

/** What storing one reading did to its slot (station, end, interval). */
export type SlotOutcome = 'inserted' | 'replaced' | 'unchanged' | 'kept_existing';

export function rowToReading(stationId: string, row: Pick<ReadingRow, 'end_ms' | 'interval_s' | 'value_milli' | 'quality' | 'trace'>): RainReading {
  const reading: RainReading = {
    stationId,
    endMs: row.end_ms,
    intervalMinutes: row.interval_s / 60,
    value: row.value_milli === null ? null : row.value_milli / 1000,
    quality: QUALITY_CODES[row.quality],
    source: '',
  };
  if (row.trace === 1) reading.trace = true;
  return reading;
}

export { toMilli } from '../../core/domain/rain/packed';

/**
 * Settles a slot that is already taken, by the same rule as within a file (`mergeDuplicates`):
 * a copy with data beats a missing one, 'ok' beats the other qualities, and otherwise the later
 * one (the incoming) wins. A copy identical to the stored one from an earlier batch changes
 * nothing and is not reported, which is what makes re-importing the same file a no-op; an
 * identical copy inside the same batch is a duplicate in the file and is reported.
 */
export function settleSlot(
  repo: ReturnType<typeof rainReadingsRepo>,
  existing: ReadingRow,
  incoming: ReadingRow,
  nowIso: string,
): { outcome: SlotOutcome; duplicate: DuplicateInsert | null; rule: string | null } {
  const sameBatch = existing.batch_key === incoming.batch_key;
  const identical = existing.value_milli === incoming.value_milli && existing.quality === incoming.quality && existing.trace === incoming.trace;
  if (identical && !sameBatch) return { outcome: 'unchanged', duplicate: null, rule: null };
  const merged = mergeDuplicates([rowToReading('', existing), rowToReading('', incoming)]);
  const group = merged.duplicates[0];
  const keepIncoming = group.keptIndex === 1 && !identical;
  if (keepIncoming) repo.replace(incoming);
  const duplicate: DuplicateInsert = {
    id: randomUUID(),
    batchKey: incoming.batch_key,
    stationKey: incoming.station_key,
    endMs: incoming.end_ms,
    intervalS: incoming.interval_s,
    keptMilli: keepIncoming ? incoming.value_milli : existing.value_milli,
    droppedMilli: keepIncoming ? existing.value_milli : incoming.value_milli,
    kept: keepIncoming ? 'incoming' : 'existing',
    rule: group.rule,
    conflict: group.conflict,
    createdAt: nowIso,
  };
  return { outcome: keepIncoming ? 'replaced' : identical ? 'unchanged' : 'kept_existing', duplicate, rule: group.rule };
}

/** The rule named for a stored reading the user chose to overwrite after seeing both values. */
export const CONFIRMED_REPLACE = 'confirmed_replace';

export function confirmedReplacement(existing: ReadingRow, incoming: ReadingRow, nowIso: string): DuplicateInsert {
  return {
    id: randomUUID(),
    batchKey: incoming.batch_key,
    stationKey: incoming.station_key,
    endMs: incoming.end_ms,
    intervalS: incoming.interval_s,
    keptMilli: incoming.value_milli,
    droppedMilli: existing.value_milli,
    kept: 'incoming',
    rule: CONFIRMED_REPLACE,
    conflict: true,
    createdAt: nowIso,
  };
}
