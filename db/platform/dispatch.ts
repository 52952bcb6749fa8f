import { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../core/contract';
import { mayCall } from '../../core/permissions';
import { SIGN_IN_METHODS } from '../../core/contract/accounts';
import { Forbidden, ValidationError, type ErrorBody, type FieldIssue, type Result } from '../../core/errors';
import { fieldIssues } from '../../core/contract/issues';
import type { Settings } from '../../core/settings';
import type { Db } from './connection';
import { THIS_COMPUTER, type Actor, type AllHandlers, type AuditEntry, type HandlerContext, type Ports, type RuntimeInfo } from './context';
import { errorBody } from './error-body';
import { settingsRepo } from './settings.repo';

/**
 * What every call needs from domains the kernel does not know: the audit trail and who the
 * caller is. The composition root (db/handlers.ts) supplies them.
 */
export interface Kernel {
  auditWriter(db: Db): (entry: AuditEntry & { atMs: number; actorId: string; actorName: string; method: string }) => void;
  /** The actor a call runs as; throws a typed error when the caller may not call at all. */
  resolveCaller(db: Db, method: string, caller: Actor | null): Actor;
  /** Writes still taken on a damaged file: the way out (restoring a backup) and signing in to take it. */
  writableWhenDamaged: ReadonlySet<MethodName>;
}

export interface DispatcherOptions {
  db: Db;
  dataDir: string;
  runtime?: Partial<RuntimeInfo>;
  clock?: () => number;
  handlers: AllHandlers;
  kernel: Kernel;
  ports: Ports;
  onInternalError?: (error: unknown, method: string) => void;
}

export interface Dispatcher {
  /**
   * `actor` is who the transport vouches for: a session's actor, a trusted in-process actor, or
   * null for a caller without a session (see resolveCaller in db/services/accountsGate.ts).
   */
  call(method: string, rawInput: unknown, actor: Actor | null, origin?: string): Result<unknown>;
}

const zhCN = z.locales.zhCN();

/**
 * The one place every call passes through, from IPC and HTTP alike: the method must exist,
 * the input must satisfy the contract's schema, and the handler runs inside one
 * transaction, so a thrown error leaves the database exactly as it was.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, dataDir } = options;
  const clock = options.clock ?? Date.now;
  const { handlers, kernel, ports } = options;
  const runtime: RuntimeInfo = { appVersion: '0.0.0', databaseFile: db.name, demo: false, startedAtMs: clock(), ...options.runtime };
  const writeAudit = kernel.auditWriter(db);
  const settings = settingsRepo(db);

  return {
    call(method, rawInput, caller, origin = THIS_COMPUTER) {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'not_found', key: 'errors.unknownMethod', message: `Unknown method ${method}`, params: { method } } };
      }
      let actor: Actor;
      try {
        actor = kernel.resolveCaller(db, method, caller);
      } catch (error) {
        return { ok: false, error: errorBody(error, method, options.onInternalError) };
      }
      // Signing in, out and changing one's own password are open to every role; the handlers check the caller.
      if (!SIGN_IN_METHODS.has(method) && !mayCall(actor.role, method, contract[method])) {
        return { ok: false, error: new Forbidden('errors.forbidden', `Role ${actor.role} may not call ${method}`, { method }).toBody() };
      }
      const damaged = contract[method].kind === 'write' && !kernel.writableWhenDamaged.has(method) ? ports.integrity.refusal() : null;
      if (damaged) return { ok: false, error: damaged };
      if (nestedDeeperThan(rawInput, MAX_INPUT_DEPTH)) return { ok: false, error: tooDeepBody() };
      const schema = contract[method].input;
      const parsed = schema.safeParse(rawInput ?? {});
      if (!parsed.success) return { ok: false, error: validationBody(method, schema, rawInput, parsed.error) };
      const nulAt = pathOfNul(parsed.data);
      if (nulAt) return { ok: false, error: nulBody(nulAt) };

      const nowMs = clock();
      let cachedSettings: Settings | undefined;
      const ctx: HandlerContext = {
        db,
        actor,
        origin,
        method,
        nowMs,
        nowIso: new Date(nowMs).toISOString(),
        dataDir,
        runtime,
        ports,
        settings: () => (cachedSettings ??= settings.read()),
        audit: (entry) => writeAudit({ ...entry, atMs: nowMs, actorId: actor.id, actorName: actor.name, method }),
      };
      const handler = handlers[method] as (ctx: HandlerContext, input: unknown) => unknown;
      try {
        const run = db.transaction(() => handler(ctx, parsed.data));
        const value = contract[method].kind === 'write' ? run.immediate() : run.deferred();
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: errorBody(error, method, options.onInternalError) };
      }
    },
  };
}

function validationBody(method: string, schema: z.ZodType, rawInput: unknown, error: z.ZodError): ErrorBody {
  const zh = schema.safeParse(rawInput ?? {}, { error: zhCN.localeError });
  const issues = fieldIssues(error, rawInput ?? {}, zh.success ? [] : zh.error.issues.map((i) => i.message));
  const detail = issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
  // `method` tells the UI whose form labels name the fields.
  return new ValidationError('errors.validation', `Invalid input: ${detail}`, { method }, issues).toBody();
}

/** No form or import nests deeper than a handful of levels; thousands would overflow the validator's stack. */
const MAX_INPUT_DEPTH = 32;

/** Walks the input with its own stack, so the check itself cannot overflow. */
function nestedDeeperThan(input: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[input, 0]];
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    if (depth >= limit) return true;
    for (const key in value) pending.push([(value as Record<string, unknown>)[key], depth + 1]);
  }
  return false;
}

function tooDeepBody(): ErrorBody {
  return new ValidationError('errors.tooDeep', `Input nested deeper than ${MAX_INPUT_DEPTH} levels`, { limit: MAX_INPUT_DEPTH }).toBody();
}

/**
 * SQLite's text functions stop at a NUL, so `length()` in a CHECK and the search indexes would
 * see a different string than the one stored: no text the app accepts may contain one.
 */
function pathOfNul(value: unknown): string[] | null {
  if (typeof value === 'string') return value.includes('\0') ? [] : null;
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return null;
  // Rain chunks carry many thousands of numbers: no path is built until a NUL is found.
  for (const key in value) {
    const found = pathOfNul((value as Record<string, unknown>)[key]);
    if (found) return [key, ...found];
  }
  return null;
}

function nulBody(path: string[]): ErrorBody {
  const issue: FieldIssue = { path: path.join('.'), message: 'Text must not contain the NUL character', messageZh: '文本中不能含有空字符（NUL）' };
  return new ValidationError('errors.validation', `Invalid input: ${issue.path || '(input)'}: ${issue.message}`, undefined, [issue]).toBody();
}

export type { MethodName };
