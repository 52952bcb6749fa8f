import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';

const ADMIN = { username: 'admin', name: '李建国', password: 'admin-pass-2026' };
const VIEWER = { username: 'chenxiao', name: '陈晓', temp: 'temp-pass-2026', password: 'viewer-pass-2026' };

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-screen').waitFor();
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.keyboard.press('Enter');
}

describe('accounts, sign-in and quick switch in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('sets up the administrator, creates a viewer, and quick-switches to them', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.app.url}#/settings`);
    const setup = page.getByTestId('setup-admin');
    await setup.waitFor();
    await setup.locator('input[name="username"]').fill(ADMIN.username);
    await setup.locator('input[name="displayName"]').fill(ADMIN.name);
    await setup.locator('input[name="password"]').fill(ADMIN.password);
    await setup.locator('input[name="repeat"]').fill(ADMIN.password);
    await setup.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('session-who').textContent()).toContain(ADMIN.name);

    const create = page.getByTestId('create-account');
    await create.locator('input[name="newUsername"]').fill(VIEWER.username);
    await create.locator('input[name="newDisplayName"]').fill(VIEWER.name);
    await create.locator('select[name="newRole"]').selectOption('viewer');
    await create.locator('input[name="newPassword"]').fill(VIEWER.temp);
    await create.locator('button[type="submit"]').click();
    await page.locator(`tr[data-username="${VIEWER.username}"]`).waitFor();
    await e2e.screenshot('accounts-settings-zh-CN-dark');

    await page.getByTestId('switch-user').click();
    await page.getByTestId('login-screen').waitFor();
    expect(await page.getByTestId('login-screen').textContent()).toContain(`${ADMIN.name} 已退出`);
    await e2e.screenshot('accounts-login-zh-CN-dark');
    // The sign-in screen has its own language switch, for the next person on duty.
    await page.getByTestId('login-lang').click();
    await expect.poll(() => page.locator('#login-title').textContent()).toBe('Sign in to FloodDesk');
    await e2e.screenshot('accounts-login-en-dark');
    await page.getByTestId('login-lang').click();
    await expect.poll(() => page.locator('#login-title').textContent()).toBe('登录防汛值守台');

    // A wrong password is answered on the screen, in the user's language.
    await signIn(page, VIEWER.username, 'not-the-password');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('用户名或密码不正确，或账户已停用。');

    // The first sign-in with the temporary password asks for a new one.
    await signIn(page, VIEWER.username, VIEWER.temp);
    const change = page.getByTestId('change-password');
    await change.waitFor();
    await change.locator('input[name="oldPassword"]').fill(VIEWER.temp);
    await change.locator('input[name="newPassword"]').fill(VIEWER.password);
    await change.locator('input[name="repeatPassword"]').fill(VIEWER.password);
    await change.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('session-who').textContent()).toContain(VIEWER.name);
    // The section the admin was on is kept through the switch.
    await page.waitForSelector('main[data-section="settings"] h1');
    expect(page.url()).toContain('#/settings');
  });

  it('refuses a viewer’s write with the translated message, in Chinese and English', async () => {
    const { page } = e2e;
    await page.fill('input[name="unitName"]', '观众改名');
    await page.click('form[aria-labelledby="settings-general"] button[type="submit"]');
    const banner = page.locator('.error-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-error-key')).toBe('errors.forbidden');
    expect(await banner.textContent()).toContain('您没有执行此操作的权限。');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => banner.textContent()).toContain('You are not allowed to do this.');
    await e2e.screenshot('accounts-viewer-refused-en-dark');
    expect(await page.getByTestId('accounts-table').count()).toBe(0);
    const stored = e2e.app.dispatcher.call('settings.get', {}, { id: 't', name: 't', role: 'admin' });
    expect(stored.ok && (stored.value as { general: { unitName: string } }).general.unitName).not.toBe('观众改名');
  });

  it('switches back to the administrator in English, light theme, on the same section', async () => {
    const { page } = e2e;
    await page.getByTestId('theme-toggle').click();
    await page.getByTestId('switch-user').click();
    await page.getByTestId('login-screen').waitFor();
    expect(await page.getByTestId('login-screen').textContent()).toContain(`${VIEWER.name} signed out`);
    await e2e.screenshot('accounts-login-en-light');
    await page.getByTestId('login-lang').click();
    await expect.poll(() => page.getByTestId('login-screen').textContent()).toContain(`${VIEWER.name} 已退出`);
    await e2e.screenshot('accounts-login-zh-CN-light');
    await page.getByTestId('login-lang').click();
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect.poll(() => page.getByTestId('session-who').textContent()).toContain(ADMIN.name);
    await page.waitForSelector('main[data-section="settings"] [data-testid="accounts-table"]');
    expect(page.url()).toContain('#/settings');
    await e2e.screenshot('accounts-settings-en-light');
  });

  it('locks itself after the configured inactivity', async () => {
    const page = await e2e.context.newPage();
    await page.clock.install();
    await page.goto(`${e2e.app.url}#/duty`);
    await expect.poll(() => page.getByTestId('session-who').textContent()).toContain(ADMIN.name);
    await page.clock.fastForward('16:00');
    await page.getByTestId('login-screen').waitFor();
    expect(await page.getByTestId('login-screen').textContent()).toContain('15');
    // Signing out here ended the session for every tab of this browser.
    const other = await e2e.page.evaluate(() => fetch('/api/accounts.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.json()));
    expect(other.value.account).toBeNull();
    await page.close();
  });

  it('had no uncaught page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
