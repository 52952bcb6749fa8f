import { randomUUID } from 'node:crypto';
import { Conflict, Forbidden, NotFound, Unauthorized, ValidationError } from '../../core/errors';
import type { AccountsStatus, LoginResult } from '../../core/contract/accounts';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { burnVerification, hashPassword, needsRehash, verifyPassword } from './passwords';
import { accountsRepo, publicAccount, type StoredAccount } from './accounts.repo';
import { settingsRepo } from '../platform/settings.repo';
import { liveAccount, SIGNED_OUT_ACTOR, signInRequired } from './gate';
import { signInThrottle } from './throttle';
import { isCommonPassword } from './common-passwords';

const HOUR_MS = 3_600_000;

/** Length in characters as people count them (一 is one), not UTF-16 units. */
function assertPasswordPolicy(ctx: HandlerContext, password: string, username: string): void {
  const min = ctx.settings().accounts.minPasswordLength;
  if ([...password].length < min) throw new ValidationError('errors.accounts.passwordTooShort', `The password needs at least ${min} characters`, { min });
  if (password.normalize('NFKC').toLowerCase() === username) throw new ValidationError('errors.accounts.passwordIsUsername', 'The password must not be the user name');
  if (isCommonPassword(password)) throw new ValidationError('errors.accounts.passwordCommon', 'This password is on the list of common and leaked passwords: choose another');
}

function mustGet(ctx: HandlerContext, id: string): StoredAccount {
  const account = accountsRepo(ctx.db).get(id);
  if (!account) throw new NotFound('account', id);
  return account;
}

/** Every change to an account is audited as public records: never a hash, never a password. */
function save(ctx: HandlerContext, before: StoredAccount | null, after: StoredAccount): StoredAccount {
  const repo = accountsRepo(ctx.db);
  if (before) repo.update(after);
  else repo.insert(after);
  ctx.audit({ entity: 'account', entityId: after.id, before: before && publicAccount(before), after: publicAccount(after) });
  return after;
}

function newAccount(ctx: HandlerContext, input: { username: string; displayName: string; role: StoredAccount['role']; password: string; mustChangePassword: boolean }): StoredAccount {
  if (accountsRepo(ctx.db).byUsername(input.username)) {
    throw new Conflict('errors.accounts.usernameTaken', `The user name ${input.username} is taken`, { username: input.username });
  }
  assertPasswordPolicy(ctx, input.password, input.username);
  return save(ctx, null, {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    active: true,
    mustChangePassword: input.mustChangePassword,
    failedAttempts: 0,
    lockedUntilMs: null,
    lastLoginAtMs: null,
    createdAt: ctx.nowIso,
    updatedAt: ctx.nowIso,
    passwordHash: hashPassword(input.password),
    sessionEpoch: 0,
  });
}

const sessionExpiry = (ctx: HandlerContext) => ctx.nowMs + ctx.settings().accounts.sessionHours * HOUR_MS;

function login(ctx: HandlerContext, input: { username: string; password: string }): LoginResult {
  const username = input.username.normalize('NFKC').toLowerCase();
  const throttle = signInThrottle(ctx.db);
  // While locked even the right password is refused, unchecked: guessing gains nothing.
  const lockedUntilMs = throttle.lockedUntil(username, ctx.origin, ctx.nowMs);
  if (lockedUntilMs !== null) return { ok: false, reason: 'locked', lockedUntilMs };
  const stored = accountsRepo(ctx.db).byUsername(username);
  const account = stored?.active ? stored : null;
  if (!account) burnVerification(input.password);
  if (!account || !verifyPassword(input.password, account.passwordHash)) {
    const outcome = throttle.failed(username, ctx.origin, ctx.nowMs, ctx.settings().accounts);
    // A result, not a throw: the count on the account must be committed, not rolled back. It is the
    // administrator's view of failures from anywhere; the lock itself is only for this name and origin.
    if (account) save(ctx, account, { ...account, failedAttempts: account.failedAttempts + 1, lockedUntilMs: outcome.lockedUntilMs ?? account.lockedUntilMs, updatedAt: ctx.nowIso });
    return outcome.lockedUntilMs === null ? { ok: false, reason: 'invalid' } : { ok: false, reason: 'locked', lockedUntilMs: outcome.lockedUntilMs };
  }
  throttle.succeeded(username, ctx.origin);
  const after = save(ctx, account, {
    ...account,
    failedAttempts: 0,
    lockedUntilMs: null,
    lastLoginAtMs: ctx.nowMs,
    // Raising the cost in a later version upgrades each hash at its owner's next sign-in.
    passwordHash: needsRehash(account.passwordHash) ? hashPassword(input.password) : account.passwordHash,
    updatedAt: ctx.nowIso,
  });
  return { ok: true, account: publicAccount(after), sessionEpoch: after.sessionEpoch, expiresAtMs: sessionExpiry(ctx) };
}

function status(ctx: HandlerContext): AccountsStatus {
  const repo = accountsRepo(ctx.db);
  const account = liveAccount(ctx.db, ctx.actor);
  const { accounts } = ctx.settings();
  return {
    setupNeeded: repo.count() === 0,
    // A transport that insists on sign-in (the LAN) overrides the setting.
    singleUser: ctx.actor.id !== SIGNED_OUT_ACTOR.id && !signInRequired(ctx.db),
    account: account ? publicAccount(account) : null,
    actor: { id: ctx.actor.id, name: ctx.actor.name, role: ctx.actor.role },
    autoLockMinutes: accounts.autoLockMinutes,
  };
}

export const accountsHandlers = {
  'accounts.status': status,
  'accounts.setupAdmin': (ctx, input) => {
    // Signed out on a transport that requires sign-in means the LAN: whoever got there first
    // would own the desk (after a restore of a file without accounts, say).
    if (ctx.actor.id === SIGNED_OUT_ACTOR.id) throw new Forbidden('errors.accounts.setupOnThisComputer', 'Create the first administrator on the FloodDesk computer itself (127.0.0.1), not over the LAN');
    if (accountsRepo(ctx.db).count() > 0) throw new Conflict('errors.accounts.setupDone', 'An administrator already exists; sign in instead');
    const admin = newAccount(ctx, { ...input, role: 'admin', mustChangePassword: false });
    // From now on people sign in; an office that wants the one-PC desk back turns this on again.
    const before = ctx.settings().accounts;
    const after = { ...before, singleUser: false };
    settingsRepo(ctx.db).write('accounts', after, ctx.nowIso);
    ctx.audit({ entity: 'settings', entityId: 'accounts', before, after });
    return publicAccount(admin);
  },
  'accounts.login': login,
  'accounts.logout': (ctx) => {
    const account = liveAccount(ctx.db, ctx.actor);
    // Who handed over the desk and when is part of the duty record.
    if (account) ctx.audit({ entity: 'session', entityId: account.id, before: { signedIn: true }, after: { signedIn: false } });
    return { ok: true as const };
  },
  'accounts.list': (ctx, { includeInactive }) => accountsRepo(ctx.db).list(includeInactive).map(publicAccount),
  'accounts.create': (ctx, input) => publicAccount(newAccount(ctx, input)),
  'accounts.update': (ctx, { id, patch }) => {
    const before = mustGet(ctx, id);
    const after: StoredAccount = { ...before, ...patch, updatedAt: ctx.nowIso };
    const wasAdmin = before.active && before.role === 'admin';
    if (wasAdmin && !(after.active && after.role === 'admin') && accountsRepo(ctx.db).activeAdmins() <= 1) {
      throw new Conflict('errors.accounts.lastAdmin', 'At least one active administrator must remain');
    }
    // Deactivating ends the sessions for good: reactivating later must not revive them.
    if (before.active && !after.active) after.sessionEpoch += 1;
    return publicAccount(save(ctx, before, after));
  },
  'accounts.resetPassword': (ctx, { id, newPassword }) => {
    const before = mustGet(ctx, id);
    assertPasswordPolicy(ctx, newPassword, before.username);
    const after = save(ctx, before, {
      ...before,
      passwordHash: hashPassword(newPassword),
      mustChangePassword: true,
      failedAttempts: 0,
      lockedUntilMs: null,
      sessionEpoch: before.sessionEpoch + 1,
      updatedAt: ctx.nowIso,
    });
    signInThrottle(ctx.db).forget(before.username);
    return publicAccount(after);
  },
  'accounts.changePassword': (ctx, { oldPassword, newPassword }) => {
    const before = liveAccount(ctx.db, ctx.actor);
    if (!before) throw new Unauthorized('errors.accounts.signInToChangePassword', 'Sign in to change your password');
    if (!verifyPassword(oldPassword, before.passwordHash)) throw new ValidationError('errors.accounts.wrongPassword', 'The current password is not right');
    if (oldPassword === newPassword) throw new ValidationError('errors.accounts.samePassword', 'Choose a password different from the current one');
    assertPasswordPolicy(ctx, newPassword, before.username);
    const after = save(ctx, before, {
      ...before,
      passwordHash: hashPassword(newPassword),
      mustChangePassword: false,
      sessionEpoch: before.sessionEpoch + 1,
      updatedAt: ctx.nowIso,
    });
    return { account: publicAccount(after), sessionEpoch: after.sessionEpoch, expiresAtMs: sessionExpiry(ctx) };
  },
} satisfies HandlerMap<'accounts'>;
