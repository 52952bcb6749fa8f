import { existsSync, statSync } from 'node:fs';
import type { ErrorBody } from '../../core/errors';
import { closeDatabase, damagedNoWrites, openDatabase, type Db, type GoodBackup } from './connection';
import { CHECK_EVERY_MS, IntegrityMonitor, takeShutdownMarker, writeShutdownMarker } from './integrity';
import { lockDataFolder } from './folder-lock';
import { createDispatcher, type Dispatcher, type Kernel } from './dispatch';
import type { AllHandlers, BackupPort, RuntimeInfo, TilesPort } from './context';
import type { Migration } from './migrate';
import type { DataPaths } from './paths';

/** How long closing waits for a running integrity check before leaving it behind. */
const CLOSE_WAITS_FOR_CHECK_MS = 2000;

export interface LiveDatabaseOptions {
  paths: DataPaths;
  appVersion: string;
  clock?: () => number;
  /** Seed demo data into an empty database. */
  demo: boolean;
  /** Back up on the interval in settings (default on). */
  backupTimer?: boolean;
  onInternalError?: (error: unknown, method: string) => void;
  /** Refuses (throws) a restored file this process must not serve, before it replaces the live one. */
  acceptRestored?: (db: Db) => void;
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
  /** Throws when a restored file must not be served here; the caller then puts the old one back. */
  acceptRestored(db: Db): void;
  /** A backup has been made: the file it was read from is checked again in the background. */
  backedUp(): void;
  /**
   * Resolves when no other connection of this process (the background check's) has the file
   * open: the file must not be swapped under it, and its WAL would make the swap refuse.
   */
  settle(): Promise<void>;
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
  readonly integrity: IntegrityMonitor;
  readonly seeded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the data folder's database the way every entry point should: backed up before any
 * migration, seeded when asked, with the backup service and its timer attached, and checked in
 * full in the background after a crash or a power cut (no clean-shutdown marker), weekly, after
 * every backup and restore, and on demand. A damaged result refuses every write and names the
 * newest good backup. Serve mode and Electron both start here.
 */
export function openLiveDatabase<B extends LiveBackups, T extends LiveTiles>(options: LiveDatabaseOptions, parts: LiveParts<B, T>): LiveDatabase<B, T> {
  const unlock = lockDataFolder(options.paths.dataDir, (options.clock ?? Date.now)());
  try {
    return openLocked(options, parts, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

function openLocked<B extends LiveBackups, T extends LiveTiles>(options: LiveDatabaseOptions, parts: LiveParts<B, T>, unlock: () => void): LiveDatabase<B, T> {
  const { paths, appVersion } = options;
  const clock = options.clock ?? Date.now;
  const existed = existsSync(paths.databaseFile) && statSync(paths.databaseFile).size > 0;
  const marker = existed ? takeShutdownMarker(paths.databaseFile) : null;
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
  const integrity = new IntegrityMonitor(
    () => paths.databaseFile,
    clock,
    (problem) => damagedNoWrites(paths.databaseFile, problem, parts.newestGoodBackup(paths)),
    (error) => options.onInternalError?.(error, 'integrity check'),
  );
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
    acceptRestored: (restored) => {
      options.acceptRestored?.(restored);
      // Only an accepted file is checked: a refused one is swapped back out at once.
      integrity.start('restore');
    },
    backedUp: () => void integrity.start('backup'),
    settle: () => integrity.idle(),
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
      ports: { backups, tiles, integrity },
      onInternalError: options.onInternalError,
    });
  let current = connect(db);
  const dispatcher: Dispatcher = {
    call: (method, input, actor, origin) => (refusal ? { ok: false, error: refusal } : current.call(method, input, actor, origin)),
  };
  if (seeded) parts.seedDemo(db, dispatcher, clock());
  if (options.backupTimer !== false) backups.startTimer();
  const lastGood = marker?.lastGoodCheckMs ?? null;
  if (!existed) integrity.rememberGood(clock());
  else if (lastGood !== null && clock() - lastGood < CHECK_EVERY_MS) integrity.rememberGood(lastGood);
  else integrity.start('start');

  return {
    get db() {
      return db;
    },
    dispatcher,
    backups,
    tiles,
    integrity,
    seeded,
    async close() {
      await backups.stop();
      // A check of a small file ends in moments; a long one is left to finish on its own.
      await Promise.race([integrity.idle(), new Promise((resolve) => setTimeout(resolve, CLOSE_WAITS_FOR_CHECK_MS).unref())]);
      integrity.stop();
      tiles.close();
      try {
        if (!db.open) return;
        closeDatabase(db);
        const { state, lastGoodMs } = integrity.current();
        // A damaged file gets no marker, so the next start checks it again.
        if (state !== 'damaged') writeShutdownMarker(paths.databaseFile, { closedAtMs: clock(), lastGoodCheckMs: lastGoodMs });
      } finally {
        unlock();
      }
    },
  };
}
