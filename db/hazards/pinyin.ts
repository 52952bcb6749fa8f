import { pinyinSortKey } from '../../core/domain/hazards/pinyin';
import type { Db } from '../platform/connection';
import { pinyinBackfillRepo } from './points.repo';

/**
 * Computes the pinyin sort key of points stored before the key existed (migration 12 adds the
 * column empty: SQL has no pinyin). Runs as that migration's code step, inside its transaction;
 * new and edited points get theirs when they are written. Derived data, like name_norm, so it
 * is not audited.
 */
export function fillMissingPinyin(db: Db): void {
  const repo = pinyinBackfillRepo(db);
  for (const { seq, name } of repo.missing()) repo.set(seq, pinyinSortKey(name));
}
