import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openAppDatabase } from '../../../db/handlers';
import { FLOODDESK_APPLICATION_ID } from '../../../db/platform/connection';
import { migrations } from '../../../db/migrations';
import { BACKUP_DB_FILE } from '../../../db/backup/snapshots';
import { startServe } from '../../../server/app';
import type { BackupList } from '../../../core/contract/backup';
import type { EventRecord } from '../../../core/contract/system';
import { TEST_ACTOR } from '../../support/db';
import { tempDir } from '../../support/tempdir';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function folder(): string {
  const dir = tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Another program's database: a table of its own, at user_version 0 or with its own application id. */
function foreignFile(file: string, applicationId = 0): void {
  const db = new Database(file);
  db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5)');
  if (applicationId) db.pragma(`application_id = ${applicationId}`);
  db.close();
}

const applicationId = (file: string) => {
  const db = new Database(file, { readonly: true });
  const id = db.pragma('application_id', { simple: true });
  db.close();
  return id;
};

describe('which files are FloodDesk databases', () => {
  it('marks a new database as FloodDesk in its header', () => {
    const file = join(folder(), 'new.sqlite');
    openAppDatabase(file).close();
    expect(applicationId(file)).toBe(FLOODDESK_APPLICATION_ID);
  });

  it("refuses another program's file at user_version 0, or with another application id, and leaves it byte for byte", () => {
    for (const id of [0, 0x12345678]) {
      const file = join(folder(), 'other.sqlite');
      foreignFile(file, id);
      const before = sha(file);
      expect(() => openAppDatabase(file)).toThrow(expect.objectContaining({ key: 'errors.dbForeign' }));
      expect(sha(file)).toBe(before);
    }
  });

  it('takes a FloodDesk file written before the marker existed, upgrades it and marks it', () => {
    const file = join(folder(), 'old.sqlite');
    const old = openAppDatabase(file, { migrations: migrations.filter((m) => m.version <= 15) });
    old.pragma('application_id = 0');
    old.close();
    const db = openAppDatabase(file);
    expect(db.pragma('application_id', { simple: true })).toBe(FLOODDESK_APPLICATION_ID);
    db.close();
  });

  it('refuses to restore a backup whose file is not a FloodDesk database, and keeps the live data', async () => {
    const dataDir = folder();
    const app = await startServe({ dataDir, port: 0, host: '127.0.0.1', demo: true, appVersion: 'test', backupTimer: false });
    cleanups.push(() => app.close());
    const call = <T>(method: string, input: unknown = {}) => {
      const result = app.dispatcher.call(method, input, TEST_ACTOR);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as T;
    };
    call('backup.create');
    await app.backups.idle();
    const [backup] = call<BackupList>('backup.list').backups;
    rmSync(join(backup.path, BACKUP_DB_FILE));
    foreignFile(join(backup.path, BACKUP_DB_FILE));
    const events = call<EventRecord[]>('events.list').length;

    call('backup.restore', { name: backup.name });
    await app.backups.idle();
    expect(call<BackupList>('backup.list').job).toMatchObject({ state: 'failed', error: { key: 'errors.dbForeign' } });
    expect(call<EventRecord[]>('events.list')).toHaveLength(events);
    expect(applicationId(app.paths.databaseFile)).toBe(FLOODDESK_APPLICATION_ID);
  });
});
