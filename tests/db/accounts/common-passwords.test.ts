import { afterEach, describe, expect, it } from 'vitest';
import type { AccountRecord, LoginResult } from '../../../core/contract/accounts';
import { sessionActor } from '../../../db/accounts/gate';
import { createTestDb, type TestDb } from '../../support/db';

const GOOD = '防汛-admin-2026';
/** Common in English lists, in Chinese leaks, and the same typed in full width or capitals. */
const COMMON = ['password123', '1qaz2wsx', 'woaini1314', 'Woaini1314', '８８８８８８８８', 'ＱＱ１２３４５６'];

describe('common and leaked passwords', () => {
  let t: TestDb;
  afterEach(() => t.close());

  it('are refused wherever a password is set, with the translated reason, and nothing is written', () => {
    t = createTestDb();
    for (const password of COMMON) {
      expect(t.fail('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password }, undefined), password).toMatchObject({ code: 'validation', key: 'errors.accounts.passwordCommon' });
    }
    expect(t.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
    t.call('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: GOOD });
    const viewer = t.call<AccountRecord>('accounts.create', { username: 'viewer1', displayName: '陈晓', role: 'viewer', password: 'viewer-pass-1', mustChangePassword: false });
    for (const password of COMMON) {
      expect(t.fail('accounts.create', { username: 'viewer2', displayName: '王芳', role: 'viewer', password }).key, password).toBe('errors.accounts.passwordCommon');
      expect(t.fail('accounts.resetPassword', { id: viewer.id, newPassword: password }).key, password).toBe('errors.accounts.passwordCommon');
    }
    const signedIn = t.call<LoginResult>('accounts.login', { username: 'viewer1', password: 'viewer-pass-1' });
    if (!signedIn.ok) throw new Error('sign-in failed');
    const actor = sessionActor(signedIn.account, signedIn.sessionEpoch);
    expect(t.fail('accounts.changePassword', { oldPassword: 'viewer-pass-1', newPassword: 'iloveyou' }, actor).key).toBe('errors.accounts.passwordCommon');
    expect(t.call<{ ok: boolean } & object>('accounts.changePassword', { oldPassword: 'viewer-pass-1', newPassword: '汛期值班 2026 陈晓' }, actor)).toBeTruthy();
  });
});
