import type { Db } from './connection';
import type { Contract, MethodName, OutputOf, ParsedInputOf } from '../../core/contract';
import type { Settings } from '../../core/settings';
import type { Role } from '../../core/permissions';
import type { BackupJob, BackupList } from '../../core/contract/backup';
import type { IntegrityStatus } from '../../core/contract/system';
import type { ErrorBody } from '../../core/errors';

export type { Role };

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

/** The origin of calls from this computer's own window or process. */
export const THIS_COMPUTER = 'this-computer';

export interface AuditEntry {
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Facts about the running process, reported by system.info. */
export interface RuntimeInfo {
  appVersion: string;
  databaseFile: string;
  demo: boolean;
  startedAtMs: number;
}

/**
 * What handlers reach outside the database through, handed in by whoever owns the process's
 * live database, so two data folders in one process (tests) never share one.
 */
export interface Ports {
  backups: BackupPort;
  tiles: TilesPort;
  integrity: IntegrityPort;
}

/** The background check of the database file; a damaged result refuses writes (see dispatch.ts). */
export interface IntegrityPort {
  current(): IntegrityStatus;
  start(reason: 'manual'): IntegrityStatus;
  refusal(): ErrorBody | null;
}

/** Backups and restores run outside the request's transaction; a request only queues them. */
export interface BackupPort {
  list(settings: Settings): BackupList;
  requestCreate(reason: 'manual'): BackupJob;
  requestRestore(name: string, actor: Actor): BackupJob;
}

/** The open MBTiles readers; a removed tile set's reader must be closed. */
export interface TilesPort {
  forget(tilesetId: string): void;
}

export interface HandlerContext {
  db: Db;
  actor: Actor;
  /**
   * Where the call came from, as the transport saw it: the client's address over HTTP, THIS_COMPUTER
   * over IPC and in-process. Sign-in throttling is kept per name and origin.
   */
  origin: string;
  method: MethodName;
  /** The instant of this call; handlers never read the clock themselves, so tests can set it. */
  nowMs: number;
  nowIso: string;
  dataDir: string;
  runtime: RuntimeInfo;
  ports: Ports;
  settings(): Settings;
  audit(entry: AuditEntry): void;
}

export type Handler<M extends MethodName> = (ctx: HandlerContext, input: ParsedInputOf<M>) => OutputOf<M>;

/** The handlers of one domain: every method whose name starts with `prefix.`. */
export type HandlerMap<Prefix extends string> = {
  [M in MethodName as M extends `${Prefix}.${string}` ? M : never]: Handler<M>;
};

export type AllHandlers = { [M in keyof Contract]: Handler<M> };
