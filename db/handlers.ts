import { StorageError } from '../core/errors';
import type { AllHandlers } from './platform/context';
import { isMethodName } from '../core/contract';
import { SIGN_IN_METHODS } from '../core/contract/accounts';
import { damagedNoWrites, openDatabase, type Db, type OpenOptions } from './platform/connection';
import { IntegrityMonitor } from './platform/integrity';
import { createDispatcher, type Dispatcher, type DispatcherOptions, type Kernel } from './platform/dispatch';
import { openLiveDatabase as openLive, type LiveDatabase, type LiveDatabaseOptions } from './platform/live-database';
import { migrations } from './migrations';
import { isEmptyDatabase, seedDemo } from './demo';
import { accountsHandlers, resolveCaller } from './accounts';
import { auditHandlers, auditRepo } from './audit';
import { BackupService, backupFolders, backupHandlers, chosenFolderOf, createBackupSync, newestGoodBackup } from './backup';
import { damageHandlers } from './damage';
import { dutyHandlers } from './duty';
import { eventsHandlers } from './events';
import { evacHandlers } from './evac';
import { hazardsHandlers } from './hazards';
import { mapHandlers, TileSources } from './map';
import { rainHandlers } from './rain';
import { settingsHandlers, systemHandlers } from './system';

/**
 * The composition root: the only module that knows every domain. It merges their handler maps
 * (a method without a handler fails to compile here) and hands the kernel what it needs.
 */
export const handlers = {
  ...systemHandlers,
  ...settingsHandlers,
  ...eventsHandlers,
  ...auditHandlers,
  ...dutyHandlers,
  ...hazardsHandlers,
  ...evacHandlers,
  ...rainHandlers,
  ...mapHandlers,
  ...backupHandlers,
  ...accountsHandlers,
  ...damageHandlers,
} satisfies AllHandlers;

export const kernel: Kernel = {
  auditWriter: (db) => {
    const repo = auditRepo(db);
    return (entry) => repo.insert(entry);
  },
  resolveCaller,
  writableWhenDamaged: new Set([...SIGN_IN_METHODS, 'backup.restore'].filter(isMethodName)),
};

/** Opens a FloodDesk database file, migrated to this app's schema unless told otherwise. */
export function openAppDatabase(file: string, options: Partial<OpenOptions> = {}): Db {
  return openDatabase(file, { migrations, ...options });
}

export interface AppDispatcherOptions extends Omit<DispatcherOptions, 'handlers' | 'kernel' | 'ports'> {
  handlers?: AllHandlers;
  tiles?: TileSources;
}

/**
 * A dispatcher with every handler. Without a live database around it (tests, benchmarks), backups
 * are unavailable and the tile readers are the caller's or this dispatcher's own.
 */
export function createAppDispatcher({ tiles, ...options }: AppDispatcherOptions): Dispatcher {
  const integrity = new IntegrityMonitor(() => options.db.name, options.clock ?? Date.now, (problem) => damagedNoWrites(options.db.name, problem, null));
  return createDispatcher({ handlers, kernel, ...options, ports: { backups: noBackups, tiles: tiles ?? new TileSources(options.dataDir), integrity } });
}

const noBackups: DispatcherOptions['ports']['backups'] = {
  list: unavailable,
  requestCreate: unavailable,
  requestRestore: unavailable,
};

function unavailable(): never {
  throw new StorageError('errors.backup.unavailable', 'Backups are not available in this process.');
}

export type AppLiveDatabase = LiveDatabase<BackupService, TileSources>;

/** The live database of serve mode and Electron, with backups, tiles and demo data wired in. */
export function openLiveDatabase(options: LiveDatabaseOptions): AppLiveDatabase {
  return openLive(options, {
    migrations,
    handlers,
    kernel,
    backupBeforeMigrate: (db, paths, appVersion, nowMs) => void createBackupSync(db, { dir: paths.backupsDir, reason: 'pre-migration', nowMs, appVersion, filesDir: paths.filesDir }),
    newestGoodBackup: (paths) => newestGoodBackup(backupFolders(paths, chosenFolderOf(paths.databaseFile))),
    backupService: (host) => new BackupService(host),
    tiles: (paths) => new TileSources(paths.dataDir),
    isEmpty: isEmptyDatabase,
    seedDemo,
  });
}
