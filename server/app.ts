import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Db } from '../db/platform/connection';
import type { Dispatcher } from '../db/platform/dispatch';
import { dataPaths, ensureDataDir, type DataPaths } from '../db/platform/paths';
import type { BackupService } from '../db/backup';
import type { TileSources } from '../db/map';
import type { IntegrityMonitor } from '../db/platform/integrity';
import { openLiveDatabase } from '../db/handlers';
import { createHttpServer, type Route } from './http';
import { createAuth } from './auth';
import { lanHostNames, LOOPBACK_HOST_NAMES } from './host-names';
import { loadTls, TlsConfigError, type TlsFiles, type TlsMaterial } from './tls';
import { assertActiveAdmin, signInRequired } from '../db/accounts';
import { settingsRepo } from '../db/platform/settings.repo';

export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** What extra routes (the tile routes) get: the live connection, the data folder and its tiles. */
export interface RouteContext {
  readonly db: Db;
  paths: DataPaths;
  tiles: TileSources;
}

export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  staticDir?: string;
  /** Seed demo data into an empty database. */
  demo: boolean;
  appVersion: string;
  clock?: () => number;
  /** Back up on the interval in settings (default on; tests that count files turn it off). */
  backupTimer?: boolean;
  /** Serve HTTPS with an office-supplied certificate and key (PEM files). */
  tls?: TlsFiles;
  /** Names the office gave this computer on the LAN (e.g. fangxun-pc.street.lan), besides its own addresses and name. */
  hostNames?: string[];
  /** Failed sign-ins one address may make in ten minutes (default 20). */
  loginFailuresPerWindow?: number;
  /** Extra routes; read `ctx.db` on each request, since a restore replaces the connection. */
  routes?: (ctx: RouteContext) => Route[];
}

export interface RunningApp {
  url: string;
  port: number;
  paths: DataPaths;
  /** The connection in use now (a restore replaces it). */
  readonly db: Db;
  dispatcher: Dispatcher;
  backups: BackupService;
  tiles: TileSources;
  integrity: IntegrityMonitor;
  seeded: boolean;
  server: Server;
  close(): Promise<void>;
}

export class ServeError extends Error {
  constructor(readonly key: string, message: string) {
    super(message);
  }
}

function readTls(files: TlsFiles | undefined): TlsMaterial | undefined {
  if (!files) return undefined;
  try {
    return loadTls(files);
  } catch (error) {
    if (error instanceof TlsConfigError) throw new ServeError(error.key, error.message);
    throw error;
  }
}

export async function startServe(options: ServeOptions): Promise<RunningApp> {
  // Checked before the database is touched: a wrong file is a start-up message, not a broken handshake.
  const tls = readTls(options.tls);
  const loopback = LOOPBACK_HOSTS.has(options.host);
  const paths = dataPaths(options.dataDir);
  ensureDataDir(paths);
  const live = openLiveDatabase({
    paths,
    appVersion: options.appVersion,
    clock: options.clock,
    demo: options.demo,
    backupTimer: options.backupTimer,
    onInternalError: (error, method) => console.error(`[serve] ${method} failed`, error),
    // On the LAN a restored file without an administrator would open the desk to the first visitor.
    acceptRestored: loopback ? undefined : assertActiveAdmin,
  });
  const { dispatcher, seeded } = live;
  // Whether sign-in is set up is in the database, so the refusal waits until it is open.
  if (!loopback && !signInRequired(live.db)) {
    await live.close();
    throw new ServeError(
      'errors.nonLoopbackRefused',
      `Refusing to listen on ${options.host}: serving beyond this computer needs accounts and sign-in, which are not set up. Use 127.0.0.1.`,
    );
  }
  const auth = createAuth({
    clock: options.clock,
    secure: tls !== undefined,
    // On the LAN nobody is ever the local operator, even if single-user mode is turned on later.
    requireSignIn: !loopback,
    allowsHost: loopback ? (host) => LOOPBACK_HOST_NAMES.has(host) : lanHostNames(options.hostNames ?? []),
    maxFailures: options.loginFailuresPerWindow,
    idleMinutes: () => settingsRepo(live.db).read().accounts.autoLockMinutes,
  });

  const server = createHttpServer({
    dispatcher,
    staticDir: options.staticDir,
    auth,
    tls,
    routes: options.routes?.({
      get db() {
        return live.db;
      },
      paths,
      tiles: live.tiles,
    }),
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', async (error: NodeJS.ErrnoException) => {
      // Closed before the refusal is reported, so the data folder is free again when the caller hears of it.
      await live.close();
      if (error.code === 'EADDRINUSE') reject(new ServeError('errors.portInUse', `Port ${options.port} on ${options.host} is already in use. Is FloodDesk already running? Try --port ${options.port + 1}.`));
      else if (error.code === 'EACCES') reject(new ServeError('errors.portDenied', `Not allowed to listen on port ${options.port}. Choose a port above 1024.`));
      else reject(error);
    });
    server.listen(options.port, options.host, () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${tls ? 'https' : 'http'}://${hostForUrl}:${port}/`,
    port,
    paths,
    get db() {
      return live.db;
    },
    dispatcher,
    backups: live.backups,
    tiles: live.tiles,
    integrity: live.integrity,
    seeded,
    server,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.closeAllConnections();
        // A backup or restore in progress finishes before the connection closes.
        server.close(() => live.close().then(resolvePromise, reject));
      }),
  };
}
