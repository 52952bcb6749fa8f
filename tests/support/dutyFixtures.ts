import type { DutyPersonRecord } from '../../core/contract/dutyShared';
import type { TestDb } from './db';

const ROSTER: [string, string[], string][] = [
  ['王建国', ['leader'], '13800000001'],
  ['李秀英', ['leader'], '13800000002'],
  ['张志强', ['leader'], '13800000003'],
  ['刘洋', ['officer'], '13900000001'],
  ['陈静', ['officer'], '13900000002'],
  ['杨帆', ['officer'], '13900000003'],
  ['赵磊', ['officer'], '13900000004'],
  ['黄敏', ['officer', 'backup'], '13900000005'],
  ['周杰', ['officer', 'backup'], '13900000006'],
  // A backup who never stands watch: with only the two officer-backups, ids (random UUIDs) decide
  // whether both are on watch on the same day, which would leave that day without a backup.
  ['孙丽', ['backup'], '13900000007'],
  ['吴师傅', ['driver'], '13700000001'],
];

/** A small street office's people register, by name. */
export function seedPeople(t: TestDb): Map<string, DutyPersonRecord> {
  const people = new Map<string, DutyPersonRecord>();
  for (const [name, roles, phone] of ROSTER) {
    people.set(name, t.call<DutyPersonRecord>('duty.savePerson', { name, roles, phone, unit: '华富街道办' }));
  }
  return people;
}

/** Row counts of every duty table, to prove a refused call changed nothing. */
export function dutyCounts(t: TestDb): Record<string, number> {
  const tables = t.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'duty\\_%' ESCAPE '\\' AND name NOT LIKE 'duty_log_fts%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries([...tables, 'audit_log'].map((name) => [name, t.db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number]));
}
