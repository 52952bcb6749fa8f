import { z } from 'zod';
import { read, write } from './define';
import { zId, zName, zText } from './fields';
import { ROLES, type Role } from '../permissions';

export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  failedAttempts: number;
  lockedUntilMs: number | null;
  lastLoginAtMs: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Who the app is acting as, for the sign-in screen and the header. */
export interface AccountsStatus {
  /** No account exists yet: the UI offers to create the first administrator. */
  setupNeeded: boolean;
  /** One-PC office: calls without a session act as the local operator. */
  singleUser: boolean;
  /** A signed-in account, or null (local operator in single-user mode, or signed out). */
  account: AccountRecord | null;
  actor: { id: string; name: string; role: Role };
  /** Minutes of inactivity before the UI locks itself; 0 = never. */
  autoLockMinutes: number;
}

export type LoginResult =
  | { ok: true; account: AccountRecord; sessionEpoch: number; expiresAtMs: number }
  /** One answer for an unknown name and a wrong password, so names cannot be probed. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntilMs: number };

export interface PasswordChanged {
  account: AccountRecord;
  /** The new epoch: other sessions of this account have ended; the caller's is renewed. */
  sessionEpoch: number;
  expiresAtMs: number;
}

/**
 * The sign-in flow itself: callable before signing in, or by anyone for their own session, so
 * the role check does not apply; each handler checks its caller itself. Everything else in the
 * contract needs a session once accounts exist and single-user mode is off.
 */
export const SIGN_IN_METHODS: ReadonlySet<string> = new Set(['accounts.status', 'accounts.login', 'accounts.logout', 'accounts.setupAdmin', 'accounts.changePassword']);

/** Methods answered without a session even when sign-in is required. */
export const PUBLIC_METHODS: ReadonlySet<string> = new Set(['accounts.status', 'accounts.login', 'accounts.setupAdmin']);

/** Letters in any script (张伟 works), digits, dot, dash, underscore; compared after NFKC and lower case. */
export const usernameSchema = z
  .string()
  .trim()
  .transform((name) => name.normalize('NFKC').toLowerCase())
  .pipe(z.string().regex(/^[\p{L}\p{N}._-]{2,32}$/u, '2–32 letters, digits, dot, dash or underscore'));

/** Length only: the minimum is a setting checked by the handler; the cap bounds hashing work. */
const password = z.string().min(1).max(200);

export const accountsContract = {
  'accounts.status': read<AccountsStatus>()(z.object({}), 'Whether setup is needed, single-user mode, and who the caller is'),
  'accounts.setupAdmin': write<AccountRecord>()(
    z.object({ username: usernameSchema, displayName: zName, password }),
    'Create the first administrator; refused once any account exists',
  ),
  'accounts.login': write<LoginResult>()(
    z.object({ username: zText(64), password }),
    'Check a user name and password; in serve mode the HTTP layer then sets the session cookie',
  ),
  'accounts.logout': write<{ ok: true }>()(z.object({}), 'End the caller’s session'),
  'accounts.list': read<AccountRecord[]>()(z.object({ includeInactive: z.boolean().default(true) }), 'Every account, by user name', { access: ['admin'] }),
  'accounts.create': write<AccountRecord>()(
    z.object({ username: usernameSchema, displayName: zName, role: z.enum(ROLES), password, mustChangePassword: z.boolean().default(true) }),
    'Add an account; by default its first sign-in asks for a new password',
  ),
  'accounts.update': write<AccountRecord>()(
    z.object({ id: zId, patch: z.object({ displayName: zName, role: z.enum(ROLES), active: z.boolean() }).partial() }),
    'Rename, change the role of, deactivate or reactivate an account',
  ),
  'accounts.resetPassword': write<AccountRecord>()(
    z.object({ id: zId, newPassword: password }),
    'Set a temporary password that must be changed at the next sign-in; ends the account’s sessions',
  ),
  'accounts.changePassword': write<PasswordChanged>()(
    z.object({ oldPassword: password, newPassword: password }),
    'Change one’s own password, giving the current one',
  ),
};
