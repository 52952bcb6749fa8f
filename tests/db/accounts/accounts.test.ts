import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountRecord, AccountsStatus, LoginResult, PasswordChanged } from '../../../core/contract/accounts';
import type { EventRecord } from '../../../core/contract/system';
import { failedSignIn } from '../../../core/domain/accounts/lockout';
import { hashPassword, needsRehash, verifyPassword } from '../../../db/accounts/passwords';
import { sessionActor } from '../../../db/accounts/gate';
import type { Actor } from '../../../db/platform/context';
import { createTestDb, type TestDb } from '../../support/db';

const NOW = Date.UTC(2026, 6, 1, 4, 0);
const MIN = 60_000;
const ADMIN_PW = '防汛-admin-2026';
const VIEWER_PW = 'viewer-pass-1';

let t: TestDb;
beforeEach(() => {
  t = createTestDb(NOW);
});
afterEach(() => t.close());

const count = (table: string) => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const auditText = () => JSON.stringify(t.db.prepare('SELECT before, after FROM audit_log').all());
const login = (username: string, password: string, actor?: Actor) => t.call<LoginResult>('accounts.login', { username, password }, actor);

function setup(): AccountRecord {
  return t.call<AccountRecord>('accounts.setupAdmin', { username: 'Admin', displayName: '李建国', password: ADMIN_PW });
}

/** Signs in and returns the actor a transport would build from the session. */
function signIn(username: string, password: string): Actor {
  const result = login(username, password);
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return sessionActor({ id: result.account.id, displayName: result.account.displayName, role: result.account.role }, result.sessionEpoch);
}

describe('password hashing (scrypt)', () => {
  it('salts each hash, stores its parameters, and verifies only the right password', () => {
    const a = hashPassword('汛期值班 2026');
    const b = hashPassword('汛期值班 2026');
    expect(a).not.toBe(b);
    expect(a.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(verifyPassword('汛期值班 2026', a)).toBe(true);
    expect(verifyPassword('汛期值班 2027', a)).toBe(false);
    expect(verifyPassword('', a)).toBe(false);
  });

  it('verifies an older, cheaper hash and asks for it to be upgraded', () => {
    const cheap = hashPassword('old-password', { N: 2 ** 10, r: 8, p: 1 });
    expect(verifyPassword('old-password', cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(hashPassword('new-password'))).toBe(false);
  });

  it('never verifies against a damaged or hostile stored value', () => {
    const good = hashPassword('secret-pass');
    const parts = good.split('$');
    expect(verifyPassword('secret-pass', parts.slice(0, 5).join('$'))).toBe(false);
    expect(verifyPassword('secret-pass', ['scrypt', 2 ** 30, 8, 1, parts[4], parts[5]].join('$'))).toBe(false);
    expect(verifyPassword('secret-pass', `bcrypt$${parts.slice(1).join('$')}`)).toBe(false);
  });
});

describe('lockout back-off', () => {
  it('locks every fifth failure in a row, doubling from one minute, capped at a day', () => {
    const rules = { lockoutAfter: 5, lockoutMinutes: 1 };
    expect(failedSignIn(3, 0, rules)).toEqual({ failedAttempts: 4, lockedUntilMs: null });
    expect(failedSignIn(4, 0, rules)).toEqual({ failedAttempts: 5, lockedUntilMs: MIN });
    expect(failedSignIn(9, 0, rules).lockedUntilMs).toBe(2 * MIN);
    expect(failedSignIn(14, 0, rules).lockedUntilMs).toBe(4 * MIN);
    expect(failedSignIn(5 * 200 - 1, 0, rules).lockedUntilMs).toBe(24 * 60 * MIN);
  });
});

describe('first-run setup', () => {
  it('creates the administrator once, turns sign-in on, and is refused afterwards', () => {
    expect(t.call<AccountsStatus>('accounts.status').setupNeeded).toBe(true);
    const admin = setup();
    expect(admin).toMatchObject({ username: 'admin', role: 'admin', active: true, mustChangePassword: false });
    expect(t.call<{ accounts: { singleUser: boolean } }>('settings.get').accounts.singleUser).toBe(false);
    expect(t.call<AccountsStatus>('accounts.status').setupNeeded).toBe(false);

    const auditRows = count('audit_log');
    expect(t.fail('accounts.setupAdmin', { username: 'second', displayName: '王强', password: 'another-pass' })).toMatchObject({ code: 'conflict', key: 'errors.accounts.setupDone' });
    expect(count('accounts')).toBe(1);
    expect(count('audit_log')).toBe(auditRows);
  });

  it('refuses a weak first password and leaves nothing behind', () => {
    expect(t.fail('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: 'short' })).toMatchObject({ key: 'errors.accounts.passwordTooShort', params: { min: 8 } });
    // Seven characters as people count them, though 21 bytes in UTF-8.
    expect(t.fail('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: '防汛值班密码七' })).toMatchObject({ key: 'errors.accounts.passwordTooShort' });
    expect(t.fail('accounts.setupAdmin', { username: 'hongxun01', displayName: '李', password: 'HongXun01' })).toMatchObject({ key: 'errors.accounts.passwordIsUsername' });
    expect(t.fail('accounts.setupAdmin', { username: 'a b', displayName: '李', password: ADMIN_PW })).toMatchObject({ key: 'errors.validation' });
    expect(count('accounts')).toBe(0);
    expect(count('audit_log')).toBe(0);
    expect(t.call<AccountsStatus>('accounts.status').setupNeeded).toBe(true);
  });
});

describe('accounts administration', () => {
  beforeEach(() => void setup());

  it('treats user names case- and width-insensitively', () => {
    t.call('accounts.create', { username: 'zhangwei', displayName: '张伟', role: 'duty_officer', password: 'duty-pass-1' });
    expect(t.fail('accounts.create', { username: 'ＺhangWei', displayName: '张伟', role: 'viewer', password: 'duty-pass-2' })).toMatchObject({ code: 'conflict', key: 'errors.accounts.usernameTaken' });
    expect(login('ZHANGWEI', 'duty-pass-1').ok).toBe(true);
  });

  it('keeps one active administrator and refuses a non-admin caller', () => {
    const [admin] = t.call<AccountRecord[]>('accounts.list', {});
    expect(t.fail('accounts.update', { id: admin.id, patch: { role: 'leader' } })).toMatchObject({ key: 'errors.accounts.lastAdmin' });
    expect(t.fail('accounts.update', { id: admin.id, patch: { active: false } })).toMatchObject({ key: 'errors.accounts.lastAdmin' });
    const leader = signInAsNew('leader', 'leader');
    expect(t.fail('accounts.create', { username: 'x1', displayName: '某', role: 'admin', password: 'whatever-1' }, leader)).toMatchObject({ code: 'forbidden' });
    expect(t.fail('accounts.list', {}, leader)).toMatchObject({ code: 'forbidden' });
    expect(t.call<AccountRecord[]>('accounts.list', {}).map((a) => a.role)).toEqual(['admin', 'leader']);
  });

  it('locks after repeated failures, with back-off, and records every failure', () => {
    t.call('accounts.create', { username: 'viewer1', displayName: '陈晓', role: 'viewer', password: VIEWER_PW, mustChangePassword: false });
    for (let i = 1; i <= 4; i++) expect(login('viewer1', `wrong-${i}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(login('viewer1', 'wrong-5')).toEqual({ ok: false, reason: 'locked', lockedUntilMs: NOW + MIN });
    // Locked: even the right password is refused until the minute is over.
    expect(login('viewer1', VIEWER_PW)).toMatchObject({ ok: false, reason: 'locked' });
    const failures = t.call<{ rows: { method: string; after: { failedAttempts: number } }[] }>('audit.list', { entity: 'account', method: 'accounts.login' }).rows;
    expect(failures.map((r) => r.after.failedAttempts)).toEqual([5, 4, 3, 2, 1]);

    t.setNow(NOW + MIN + 1);
    for (let i = 6; i <= 9; i++) expect(login('viewer1', `wrong-${i}`).ok).toBe(false);
    expect(login('viewer1', 'wrong-10')).toEqual({ ok: false, reason: 'locked', lockedUntilMs: NOW + MIN + 1 + 2 * MIN });

    t.setNow(NOW + 4 * MIN);
    const ok = login('viewer1', VIEWER_PW);
    expect(ok).toMatchObject({ ok: true, account: { failedAttempts: 0, lockedUntilMs: null, lastLoginAtMs: NOW + 4 * MIN } });
  });

  it('answers an unknown name and a deactivated account like a wrong password', () => {
    const viewer = t.call<AccountRecord>('accounts.create', { username: 'viewer1', displayName: '陈晓', role: 'viewer', password: VIEWER_PW, mustChangePassword: false });
    expect(login('nobody', VIEWER_PW)).toEqual({ ok: false, reason: 'invalid' });
    t.call('accounts.update', { id: viewer.id, patch: { active: false } });
    expect(login('viewer1', VIEWER_PW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('records a reset in the audit log and forces a change at the next sign-in', () => {
    const viewer = t.call<AccountRecord>('accounts.create', { username: 'viewer1', displayName: '陈晓', role: 'viewer', password: VIEWER_PW, mustChangePassword: false });
    const before = signIn('viewer1', VIEWER_PW);
    const reset = t.call<AccountRecord>('accounts.resetPassword', { id: viewer.id, newPassword: 'temp-pass-9' });
    expect(reset.mustChangePassword).toBe(true);
    const row = t.call<{ rows: { actorId: string; entityId: string; after: AccountRecord }[] }>('audit.list', { method: 'accounts.resetPassword' }).rows;
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ actorId: 'tester', entityId: viewer.id, after: { mustChangePassword: true } });

    // The old session ended; the old password no longer works; the new one signs in but must be changed.
    expect(t.fail('accounts.changePassword', { oldPassword: VIEWER_PW, newPassword: 'mine-now-1' }, before)).toMatchObject({ code: 'unauthorized' });
    expect(login('viewer1', VIEWER_PW).ok).toBe(false);
    const session = signIn('viewer1', 'temp-pass-9');
    expect(t.fail('accounts.changePassword', { oldPassword: 'not-it-at-all', newPassword: 'mine-now-1' }, session)).toMatchObject({ key: 'errors.accounts.wrongPassword' });
    const changed = t.call<PasswordChanged>('accounts.changePassword', { oldPassword: 'temp-pass-9', newPassword: 'mine-now-1' }, session);
    expect(changed.account.mustChangePassword).toBe(false);
    expect(login('viewer1', 'mine-now-1').ok).toBe(true);
  });

  it('never writes a password or a hash into the audit trail', () => {
    const viewer = t.call<AccountRecord>('accounts.create', { username: 'viewer1', displayName: '陈晓', role: 'viewer', password: VIEWER_PW });
    t.call('accounts.resetPassword', { id: viewer.id, newPassword: 'temp-pass-9' });
    login('viewer1', 'wrong-password');
    const session = signIn('viewer1', 'temp-pass-9');
    t.call('accounts.changePassword', { oldPassword: 'temp-pass-9', newPassword: 'mine-now-1' }, session);
    const text = auditText();
    for (const secret of [ADMIN_PW, VIEWER_PW, 'temp-pass-9', 'mine-now-1', 'wrong-password', 'scrypt$', 'passwordHash', 'password_hash', 'sessionEpoch']) {
      expect(text.includes(secret), secret).toBe(false);
    }
    expect(count('audit_log')).toBeGreaterThan(5);
  });

  function signInAsNew(username: string, role: AccountRecord['role']): Actor {
    t.call('accounts.create', { username, displayName: username, role, password: `${username}-pass-1`, mustChangePassword: false });
    return signIn(username, `${username}-pass-1`);
  }
});

describe('optimistic concurrency on events', () => {
  it('refuses an update made against an old version, returns the current record, and writes nothing', () => {
    const event = t.call<EventRecord>('events.create', { name: '台风“海葵”', startedAtMs: NOW });
    expect(event.version).toBe(1);
    const first = t.call<EventRecord>('events.update', { id: event.id, patch: { notes: '甲' }, expectedVersion: 1 });
    expect(first.version).toBe(2);
    const audit = count('audit_log');
    const stale = t.fail('events.update', { id: event.id, patch: { notes: '乙' }, expectedVersion: 1 });
    expect(stale).toMatchObject({ code: 'conflict', key: 'errors.conflict', current: { notes: '甲', version: 2 } });
    expect(count('audit_log')).toBe(audit);
    expect(t.call<EventRecord[]>('events.list', {})[0]).toMatchObject({ notes: '甲', version: 2 });
    expect(t.call<EventRecord>('events.update', { id: event.id, patch: { notes: '乙' }, expectedVersion: 2 }).version).toBe(3);
  });

  it('refuses an update that does not say which version it read, and writes nothing', () => {
    const event = t.call<EventRecord>('events.create', { name: '台风“苏拉”', startedAtMs: NOW });
    const audit = count('audit_log');
    const missing = t.fail('events.update', { id: event.id, patch: { notes: '丙' } });
    expect(missing).toMatchObject({ code: 'validation', issues: [{ path: 'expectedVersion' }] });
    expect(count('audit_log')).toBe(audit);
    expect(t.call<EventRecord[]>('events.list', {}).find((e) => e.id === event.id)).toMatchObject({ notes: '', version: 1 });
  });
});
