import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Db } from '../db/connection';
import type { Dispatcher } from '../db/dispatch';
import { dataPaths, ensureDataDir, type DataPaths } from '../db/paths';
import type { Actor } from '../db/context';
import type { BackupService } from '../db/backup-service';
import { openLiveDatabase } from '../db/live-database';
import { createHttpServer, type Route } from './http';

export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

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
  /** Extra routes; read `ctx.db` on each request, since a restore replaces the connection. */
  routes?: (ctx: { readonly db: Db; paths: DataPaths }) => Route[];
}

export interface RunningApp {
  url: string;
  port: number;
  paths: DataPaths;
  /** The connection in use now (a restore replaces it). */
  readonly db: Db;
  dispatcher: Dispatcher;
  backups: BackupService;
  seeded: boolean;
  server: Server;
  close(): Promise<void>;
}

export class ServeError extends Error {
  constructor(readonly key: string, message: string) {
    super(message);
  }
}

/** Until accounts exist every caller acts as the local operator. */
const LOCAL_ACTOR: Actor = { id: 'local', name: '本机值班员', role: 'admin' };

export async function startServe(options: ServeOptions): Promise<RunningApp> {
  if (!LOOPBACK_HOSTS.has(options.host)) {
    throw new ServeError(
      'errors.nonLoopbackRefused',
      `Refusing to listen on ${options.host}: serving beyond this computer needs accounts and sign-in, which are not set up. Use 127.0.0.1.`,
    );
  }
  const paths = dataPaths(options.dataDir);
  ensureDataDir(paths);
  const live = openLiveDatabase({
    paths,
    appVersion: options.appVersion,
    clock: options.clock,
    demo: options.demo,
    backupTimer: options.backupTimer,
    onInternalError: (error, method) => console.error(`[serve] ${method} failed`, error),
  });
  const { dispatcher, seeded } = live;

  const server = createHttpServer({
    dispatcher,
    staticDir: options.staticDir,
    actorFor: () => LOCAL_ACTOR,
    routes: options.routes?.({
      get db() {
        return live.db;
      },
      paths,
    }),
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      void live.close();
      if (error.code === 'EADDRINUSE') reject(new ServeError('errors.portInUse', `Port ${options.port} on ${options.host} is already in use. Is FloodDesk already running? Try --port ${options.port + 1}.`));
      else if (error.code === 'EACCES') reject(new ServeError('errors.portDenied', `Not allowed to listen on port ${options.port}. Choose a port above 1024.`));
      else reject(error);
    });
    server.listen(options.port, options.host, () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/`,
    port,
    paths,
    get db() {
      return live.db;
    },
    dispatcher,
    backups: live.backups,
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
