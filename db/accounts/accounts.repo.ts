import type { Db } from '../platform/connection';
import type { AccountRecord } from '../../core/contract/accounts';
import type { Role } from '../../core/permissions';
import { perDb } from '../platform/per-db';

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: number;
  must_change_password: number;
  failed_attempts: number;
  locked_until_ms: number | null;
  last_login_at_ms: number | null;
  session_epoch: number;
  created_at: string;
  updated_at: string;
}

/** The stored account; `passwordHash` and `sessionEpoch` never leave the db layer. */
export interface StoredAccount extends AccountRecord {
  passwordHash: string;
  sessionEpoch: number;
}

const toAccount = (row: AccountRow): StoredAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role as Role,
  active: row.active === 1,
  mustChangePassword: row.must_change_password === 1,
  failedAttempts: row.failed_attempts,
  lockedUntilMs: row.locked_until_ms,
  lastLoginAtMs: row.last_login_at_ms,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  passwordHash: row.password_hash,
  sessionEpoch: row.session_epoch,
});

/** What may be shown and audited: everything but the hash and the epoch. */
export function publicAccount(account: StoredAccount): AccountRecord {
  const { passwordHash: _hash, sessionEpoch: _epoch, ...record } = account;
  return record;
}

const params = (a: StoredAccount) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  passwordHash: a.passwordHash,
  active: a.active ? 1 : 0,
  mustChange: a.mustChangePassword ? 1 : 0,
  failedAttempts: a.failedAttempts,
  lockedUntilMs: a.lockedUntilMs,
  lastLoginAtMs: a.lastLoginAtMs,
  sessionEpoch: a.sessionEpoch,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

export const accountsRepo = perDb((db: Db) => {
  const byId = db.prepare('SELECT * FROM accounts WHERE id = ?');
  const byUsername = db.prepare('SELECT * FROM accounts WHERE username = ?');
  const list = db.prepare('SELECT * FROM accounts WHERE (@includeInactive OR active = 1) ORDER BY username');
  const count = db.prepare('SELECT count(*) FROM accounts').pluck();
  const activeAdmins = db.prepare("SELECT count(*) FROM accounts WHERE role = 'admin' AND active = 1").pluck();
  const insert = db.prepare(
    `INSERT INTO accounts (id, username, display_name, role, password_hash, active, must_change_password, failed_attempts,
       locked_until_ms, last_login_at_ms, session_epoch, created_at, updated_at)
     VALUES (@id, @username, @displayName, @role, @passwordHash, @active, @mustChange, @failedAttempts,
       @lockedUntilMs, @lastLoginAtMs, @sessionEpoch, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE accounts SET display_name = @displayName, role = @role, password_hash = @passwordHash, active = @active,
       must_change_password = @mustChange, failed_attempts = @failedAttempts, locked_until_ms = @lockedUntilMs,
       last_login_at_ms = @lastLoginAtMs, session_epoch = @sessionEpoch, updated_at = @updatedAt
     WHERE id = @id`,
  );
  return {
    get(id: string): StoredAccount | undefined {
      const row = byId.get(id) as AccountRow | undefined;
      return row ? toAccount(row) : undefined;
    },
    byUsername(username: string): StoredAccount | undefined {
      const row = byUsername.get(username) as AccountRow | undefined;
      return row ? toAccount(row) : undefined;
    },
    list: (includeInactive: boolean) => (list.all({ includeInactive: includeInactive ? 1 : 0 }) as AccountRow[]).map(toAccount),
    count: () => count.get() as number,
    activeAdmins: () => activeAdmins.get() as number,
    insert: (account: StoredAccount) => void insert.run(params(account)),
    update: (account: StoredAccount) => void update.run(params(account)),
  };
});
