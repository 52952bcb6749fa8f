import type { ErrorBody } from '../../core/errors';
import { openDatabase, type Db } from './connection';
import { createDispatcher, type Dispatcher } from './dispatch';
import type { DataPaths } from './paths';
import { isEmptyDatabase, seedDemo } from '../demo';
import { backupFolders, chosenFolderOf, createBackupSync, newestGoodBackup } from '../backup/snapshots';
import { attachBackupService, BackupService } from '../backup/service';

export interface LiveDatabaseOptions {
  paths: DataPaths;
  appVersion: string;
  clock?: () => number;
  /** Seed demo data into an empty database. */
  demo: boolean;
  /** Back up on the interval in settings (default on). */
  backupTimer?: boolean;
  onInternalError?: (error: unknown, method: string) => void;
}

/** The one connection a process works on, which a restore may replace while the process runs. */
export interface LiveDatabase {
  /** The connection in use now; read it each time, never keep it: a restore replaces it. */
  readonly db: Db;
  /** Stays the same object across a restore; it routes each call to the current connection. */
  readonly dispatcher: Dispatcher;
  readonly backups: BackupService;
  readonly seeded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the data folder's database the way every entry point should: checked on open (a damaged
 * file names the newest good backup), backed up before any migration, seeded when asked, with the
 * backup service and its timer attached. Serve mode and Electron both start here.
 */
export function openLiveDatabase(options: LiveDatabaseOptions): LiveDatabase {
  const { paths, appVersion } = options;
  const clock = options.clock ?? Date.now;
  const open = () =>
    openDatabase(paths.databaseFile, {
      // Never upgrade a file without a verified copy of it as it was; if that copy fails, so does the start.
      beforeMigrate: (db) => void createBackupSync(db, { dir: paths.backupsDir, reason: 'pre-migration', nowMs: clock(), appVersion, filesDir: paths.filesDir }),
      newestGoodBackup: () => newestGoodBackup(backupFolders(paths, chosenFolderOf(paths.databaseFile))),
    });

  let db = open();
  const seeded = options.demo && isEmptyDatabase(db);
  const runtime = { appVersion, databaseFile: paths.databaseFile, demo: seeded, startedAtMs: clock() };
  const connect = (connection: Db) => createDispatcher({ db: connection, dataDir: paths.dataDir, clock, runtime, onInternalError: options.onInternalError });
  let current = connect(db);
  let refusal: ErrorBody | null = null;
  const dispatcher: Dispatcher = {
    call: (method, input, actor) => (refusal ? { ok: false, error: refusal } : current.call(method, input, actor)),
  };
  if (seeded) seedDemo(db, dispatcher, clock());

  const backups = new BackupService({
    paths,
    appVersion,
    clock,
    db: () => db,
    suspend: (error) => {
      refusal = error;
    },
    resume: () => {
      refusal = null;
    },
    closeDatabase: () => db.close(),
    reopenDatabase: () => {
      db = open();
      current = connect(db);
      return db;
    },
    onInternalError: options.onInternalError,
  });
  const detach = attachBackupService(paths.dataDir, backups);
  if (options.backupTimer !== false) backups.startTimer();

  return {
    get db() {
      return db;
    },
    dispatcher,
    backups,
    seeded,
    async close() {
      await backups.stop();
      detach();
      if (db.open) db.close();
    },
  };
}
