import { Conflict, Forbidden, Unauthorized, type Result } from '../../core/errors';
import { PUBLIC_METHODS, SIGN_IN_METHODS, type LoginResult, type PasswordChanged } from '../../core/contract/accounts';
import { sectionSchema, type Settings } from '../../core/settings';
import type { Db } from '../platform/connection';
import type { Actor } from '../platform/context';
import { perDb } from '../platform/per-db';
import { accountsRepo, type StoredAccount } from './accounts.repo';

/** Who calls are made as on a one-PC desk without sign-in (single-user mode, or no accounts yet). */
export const LOCAL_ACTOR: Actor = { id: 'local', name: '本机值班员', role: 'admin' };
/** Records keep the Chinese name; screens in English show this one. */
export const LOCAL_ACTOR_NAME_EN = 'Local operator';

/**
 * A caller known to have no session, where falling back to the local operator is not allowed
 * (serve mode on the LAN). Passing null instead means "no session; single-user mode may apply".
 */
export const SIGNED_OUT_ACTOR: Actor = { id: 'signed-out', name: '未登录', role: 'viewer' };

/** The actor a transport builds from a session: the account and the epoch the session began in. */
export interface SessionActor extends Actor {
  sessionEpoch: number;
  /** Set by a transport that never falls back to the local operator (the LAN), for when the session has ended. */
  signInRequired?: boolean;
}

export function isSessionActor(actor: Actor): actor is SessionActor {
  return typeof (actor as Partial<SessionActor>).sessionEpoch === 'number';
}

export function sessionActor(account: Pick<StoredAccount, 'id' | 'displayName' | 'role'>, sessionEpoch: number): SessionActor {
  return { id: account.id, name: account.displayName, role: account.role, sessionEpoch };
}

// Statements prepared once per connection: the gate runs before every call.
const repoFor = perDb((db: Db) => {
  const section = db.prepare("SELECT value FROM settings WHERE section = 'accounts'").pluck();
  const schema = sectionSchema('accounts');
  return {
    ...accountsRepo(db),
    accountsSettings: (): Settings['accounts'] => {
      const stored = section.get() as string | undefined;
      const parsed = schema.safeParse(stored === undefined ? undefined : JSON.parse(stored));
      return parsed.success ? parsed.data : schema.parse(undefined);
    },
  };
});

/**
 * A database served to the LAN must have an active administrator: without one, sign-in would
 * not be required and the first visitor could set one up. Checked on a restored file before it
 * replaces the live one.
 */
export function assertActiveAdmin(db: Db): void {
  if (repoFor(db).activeAdmins() === 0) {
    throw new Conflict('errors.accounts.restoreWithoutAdmin', 'This backup has no active administrator; restore it on the FloodDesk computer itself (127.0.0.1), not while serving the LAN. Nothing was changed.');
  }
}

/** Sign-in is required when accounts exist and the office has turned single-user mode off. */
export function signInRequired(db: Db): boolean {
  const repo = repoFor(db);
  return repo.count() > 0 && !repo.accountsSettings().singleUser;
}

/** The account behind a session actor, if the session is still good: active, and no reset since. */
export function liveAccount(db: Db, actor: Actor): StoredAccount | undefined {
  if (!isSessionActor(actor)) return undefined;
  const account = repoFor(db).get(actor.id);
  return account && account.active && account.sessionEpoch === actor.sessionEpoch ? account : undefined;
}

/**
 * Decides who a call runs as, before the role check, for IPC and HTTP alike:
 * - a session actor runs as its account with the role it has now (a role change applies at
 *   once; a deactivation or password reset ends the session);
 * - another actor from inside the process (tests, demo seeding) is trusted as it is;
 * - no session: the local operator while sign-in is not required, otherwise only the sign-in
 *   methods, as SIGNED_OUT_ACTOR, and everything else is refused with 401.
 */
export function resolveCaller(db: Db, method: string, actor: Actor | null): Actor {
  if (actor && isSessionActor(actor)) {
    const account = liveAccount(db, actor);
    if (account) {
      if (account.mustChangePassword && !SIGN_IN_METHODS.has(method)) {
        throw new Forbidden('errors.accounts.mustChangePassword', 'Change your password before doing anything else');
      }
      return sessionActor(account, account.sessionEpoch);
    }
    // An ended session is treated like no session at all on the same transport.
    actor = actor.signInRequired ? SIGNED_OUT_ACTOR : null;
  }
  if (actor && actor.id !== SIGNED_OUT_ACTOR.id) return actor;
  if (actor === null && !signInRequired(db)) return LOCAL_ACTOR;
  if (PUBLIC_METHODS.has(method)) return SIGNED_OUT_ACTOR;
  throw new Unauthorized();
}

/** A transport holding one session in its own process (Electron's main process, for its one window). */
export interface HeldSession {
  actor: SessionActor;
  expiresAtMs: number;
}

/**
 * The held session after a call: a sign-in starts it, a sign-out ends it, a password change
 * renews it with the new epoch. Any other call leaves it alone; the dispatcher decides on each
 * call whether it is still good.
 */
export function nextHeldSession(current: HeldSession | null, method: string, result: Result<unknown>): HeldSession | null {
  if (!result.ok) return current;
  if (method === 'accounts.login') {
    const login = result.value as LoginResult;
    return login.ok ? { actor: sessionActor(login.account, login.sessionEpoch), expiresAtMs: login.expiresAtMs } : current;
  }
  if (method === 'accounts.logout') return null;
  if (method === 'accounts.changePassword') {
    const changed = result.value as PasswordChanged;
    return { actor: sessionActor(changed.account, changed.sessionEpoch), expiresAtMs: changed.expiresAtMs };
  }
  return current;
}
