import type { ErrorBody } from '../../core/errors';
import { openDatabase, type Db, type GoodBackup } from './connection';
import { createDispatcher, type Dispatcher, type Kernel } from './dispatch';
import type { AllHandlers, BackupPort, RuntimeInfo, TilesPort } from './context';
import type { Migration } from './migrate';
import type { DataPaths } from './paths';

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

/** What a backup service needs from whoever owns the live connection (serve mode, Electron). */
export interface DatabaseHost {
  readonly paths: DataPaths;
  readonly appVersion: string;
  clock(): number;
  db(): Db;
  /** Answer every call with `error` until resume(): nothing reaches the database meanwhile. */
  suspend(error: ErrorBody): void;
  resume(): void;
  closeDatabase(): void;
  /** Opens paths.databaseFile again and points the dispatcher at the new connection. */
  reopenDatabase(): Db;
  onInternalError?(error: unknown, what: string): void;
}

export interface LiveBackups extends BackupPort {
  startTimer(): void;
  stop(): Promise<void>;
}

export interface LiveTiles extends TilesPort {
  close(): void;
}

/** The application's pieces, supplied by the composition root (db/handlers.ts). */
export interface LiveParts<B extends LiveBackups, T extends LiveTiles> {
  migrations: readonly Migration[];
  handlers: AllHandlers;
  kernel: Kernel;
  /** A verified copy of the file as it was, taken before any migration; throwing stops the start. */
  backupBeforeMigrate(db: Db, paths: DataPaths, appVersion: string, nowMs: number): void;
  newestGoodBackup(paths: DataPaths): GoodBackup | null;
  backupService(host: DatabaseHost): B;
  tiles(paths: DataPaths): T;
  isEmpty(db: Db): boolean;
  seedDemo(db: Db, dispatcher: Dispatcher, nowMs: number): void;
}

/** The one connection a process works on, which a restore may replace while the process runs. */
export interface LiveDatabase<B extends LiveBackups = LiveBackups, T extends LiveTiles = LiveTiles> {
  /** The connection in use now; read it each time, never keep it: a restore replaces it. */
  readonly db: Db;
  /** Stays the same object across a restore; it routes each call to the current connection. */
  readonly dispatcher: Dispatcher;
  readonly backups: B;
  readonly tiles: T;
  readonly seeded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the data folder's database the way every entry point should: checked on open (a damaged
 * file names the newest good backup), backed up before any migration, seeded when asked, with the
 * backup service and its timer attached. Serve mode and Electron both start here.
 */
export function openLiveDatabase<B extends LiveBackups, T extends LiveTiles>(options: LiveDatabaseOptions, parts: LiveParts<B, T>): LiveDatabase<B, T> {
  const { paths, appVersion } = options;
  const clock = options.clock ?? Date.now;
  const open = () =>
    openDatabase(paths.databaseFile, {
      migrations: parts.migrations,
      // Never upgrade a file without a verified copy of it as it was; if that copy fails, so does the start.
      beforeMigrate: (db) => parts.backupBeforeMigrate(db, paths, appVersion, clock()),
      newestGoodBackup: () => parts.newestGoodBackup(paths),
    });

  let db = open();
  const seeded = options.demo && parts.isEmpty(db);
  const runtime: RuntimeInfo = { appVersion, databaseFile: paths.databaseFile, demo: seeded, startedAtMs: clock() };
  let refusal: ErrorBody | null = null;
  const tiles = parts.tiles(paths);
  // A restore closes this connection and opens the restored file; calls are refused meanwhile.
  const backups = parts.backupService({
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
  const connect = (connection: Db) =>
    createDispatcher({
      db: connection,
      dataDir: paths.dataDir,
      clock,
      runtime,
      handlers: parts.handlers,
      kernel: parts.kernel,
      ports: { backups, tiles },
      onInternalError: options.onInternalError,
    });
  let current = connect(db);
  const dispatcher: Dispatcher = {
    call: (method, input, actor) => (refusal ? { ok: false, error: refusal } : current.call(method, input, actor)),
  };
  if (seeded) parts.seedDemo(db, dispatcher, clock());
  if (options.backupTimer !== false) backups.startTimer();

  return {
    get db() {
      return db;
    },
    dispatcher,
    backups,
    tiles,
    seeded,
    async close() {
      await backups.stop();
      tiles.close();
      if (db.open) db.close();
    },
  };
}
