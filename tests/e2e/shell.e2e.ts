import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

const SECTIONS = ['duty', 'hazards', 'evac', 'damage', 'rain', 'map', 'reports', 'settings'];
const LABELS = {
  'zh-CN': ['值班', '隐患巡查', '转移安置', '灾情', '雨水情', '地图', '报告', '设置'],
  en: ['Duty', 'Hazards', 'Evacuation', 'Damage', 'Rain & water', 'Map', 'Reports', 'Settings'],
} as const;

describe('app shell in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`reaches every section in ${lang}, with the status bar and demo notice`, async () => {
      const { page } = e2e;
      await page.goto(e2e.app.url);
      const current = await page.getAttribute('html', 'lang');
      if (current !== lang) await page.getByTestId('lang-toggle').click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
      await expect.poll(() => page.getByTestId('demo-banner').isVisible()).toBe(true);
      for (const [index, section] of SECTIONS.entries()) {
        const link = page.locator(`nav a[data-section="${section}"]`);
        expect(await link.textContent()).toBe(LABELS[lang][index]);
        await link.click();
        await page.waitForSelector(`main[data-section="${section}"] h1`);
        expect(page.url()).toContain(`#/${section}`);
        await e2e.screenshot(`shell-${section}-${lang}-dark`);
      }
      expect(await page.getByTestId('duty-day').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await page.getByTestId('clock').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    });
  }

  it('switches sections by keyboard (Alt+number) and themes by button', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.app.url}#/duty`);
    await page.keyboard.press('Alt+8');
    await page.waitForSelector('main[data-section="settings"]');
    await page.keyboard.press('Alt+5');
    await page.waitForSelector('main[data-section="rain"]');
    const before = await page.getAttribute('html', 'data-theme');
    await page.getByTestId('theme-toggle').click();
    const after = await page.getAttribute('html', 'data-theme');
    expect(after).not.toBe(before);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(after === 'light' ? 'rgb(246, 248, 250)' : 'rgb(14, 20, 27)');
    await e2e.screenshot(`shell-rain-light`);
  });

  it('saves settings and shows a translated validation error for bad input', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.app.url}#/settings`);
    await page.waitForSelector('input[name="unitName"]');
    await page.fill('input[name="unitName"]', '测试街道');
    await page.fill('input[name="unitNameEn"]', 'Test Subdistrict');
    await page.click('button[type="submit"]');
    await page.getByRole('status').waitFor();
    // The header names the unit in the reader's language.
    const english = (await page.getAttribute('html', 'lang')) === 'en';
    await expect.poll(() => page.locator('.unit-name').textContent()).toBe(english ? 'Test Subdistrict' : '测试街道');

    await page.fill('input[name="timeZone"]', 'Mars/Olympus');
    await page.click('button[type="submit"]');
    const banner = page.locator('.error-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-error-key')).toBe('errors.settings.badTimeZone');
    await e2e.screenshot('shell-settings-error');
    const stored = e2e.app.dispatcher.call('settings.get', {}, { id: 't', name: 't', role: 'admin' });
    expect(stored.ok && (stored.value as { general: { timeZone: string } }).general.timeZone).toBe('Asia/Shanghai');
  });

  it('had no uncaught page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
