import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SECTIONS, type Section } from '../../renderer/store/ui';
import { BAD_EVENT_NAME, plantBadRows, type Planted } from './bad-rows-plant';
import { startE2E, type E2E } from './harness';

/** What each section shows once its data is in; a section that failed shows its boundary instead. */
const READY: Record<Section, string> = {
  duty: '[data-testid="log-row"]',
  hazards: '[data-testid="hz-row"] [role="cell"]',
  evac: '[data-testid="evac-summary"]',
  damage: '[data-testid="dmg-total"]',
  rain: '.rain-row[data-code]',
  map: '.leaflet-container',
  reports: '[data-testid="reports-event"]',
  settings: '[data-testid="backups-card"] tr[data-backup]',
};

async function visit(page: Page, section: Section): Promise<void> {
  await page.locator(`nav a[data-section="${section}"]`).click();
  await page.waitForSelector(`main[data-section="${section}"] :is(${READY[section]}, [data-testid="error-boundary"])`, { timeout: 20_000 });
}

/** Not a white page: the navigation, the status bar and something of the section are on screen. */
async function expectShell(page: Page, section: Section): Promise<void> {
  expect(await page.locator('nav a[data-section]').count()).toBe(SECTIONS.length);
  expect(await page.locator('.status-bar').isVisible()).toBe(true);
  expect(await page.locator(`nav a[data-section="${section}"]`).getAttribute('aria-current')).toBe('page');
  expect((await page.locator('main').innerText()).trim().length).toBeGreaterThan(20);
}

const unreadableIn = (page: Page, selector: string) => page.locator(`${selector} .unreadable`).count();

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`bad stored rows never blank the screen (${lang}, dark)`, () => {
    let e2e: E2E;
    let planted: Planted;
    const uncaught: string[] = [];
    beforeAll(async () => {
      e2e = await startE2E({ lang, theme: 'dark' });
      e2e.page.on('pageerror', (error) => uncaught.push(error.message));
      planted = plantBadRows(e2e.app.paths);
      await e2e.page.goto(`${e2e.app.url}#/duty`);
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('draws every section with the bad rows marked, not thrown', async () => {
      const { page } = e2e;
      for (const section of SECTIONS) {
        await visit(page, section);
        await expectShell(page, section);
        expect(await page.locator('main [data-testid="error-boundary"]').count(), `${section} failed as a whole`).toBe(0);
        expect(await page.locator('main [data-testid="row-boundary"]').count(), `a row of ${section} failed`).toBe(0);
        if (section === 'duty') {
          expect(await unreadableIn(page, '[data-testid="log-row"]:has-text("外来记录")')).toBeGreaterThanOrEqual(2);
        } else if (section === 'hazards') {
          expect(await unreadableIn(page, '[data-testid="hz-row"]')).toBeGreaterThanOrEqual(3);
        } else if (section === 'rain') {
          await page.locator('.rain-history summary').click();
          expect(await unreadableIn(page, '.rain-history tr')).toBeGreaterThanOrEqual(2);
        } else if (section === 'reports') {
          const name = lang === 'zh-CN' ? BAD_EVENT_NAME.zh : BAD_EVENT_NAME.en;
          expect(await page.locator(`[data-testid="reports-event"] option:has-text("${name}")`).isDisabled()).toBe(true);
        } else if (section === 'settings') {
          expect(await unreadableIn(page, 'tr[data-backup]')).toBeGreaterThanOrEqual(3);
          await page.locator('tr[data-backup]:has(.unreadable)').scrollIntoViewIfNeeded();
        }
        await e2e.screenshot(`bad-rows-${section}-${lang}-dark`);
      }
      expect(uncaught).toEqual([]);
    });

    it('marks the bad rows of the evacuation lists and the duty warnings; a row that cannot be drawn costs that row only', async () => {
      const { page } = e2e;
      await visit(page, 'evac');
      await page.getByTestId('evac-tab-people').click();
      await page.waitForSelector('[data-testid="person-row"]');
      // One person of each event was planted; the open event shows one of them.
      const marked = [];
      for (const name of planted.personNames) {
        await page.locator('main input[type="search"]').fill(name);
        await page.waitForSelector(`[data-testid="person-row"]:has-text("${name}")`, { timeout: 3000 }).catch(() => undefined);
        marked.push(await unreadableIn(page, `[data-testid="person-row"]:has-text("${name}")`));
      }
      expect(Math.max(...marked)).toBeGreaterThanOrEqual(2);
      await e2e.screenshot(`bad-rows-evac-people-${lang}-dark`);

      await page.getByTestId('evac-tab-shelters').click();
      await page.waitForSelector('[data-testid="shelter-table"] tbody tr');
      expect(await unreadableIn(page, '[data-testid="shelter-table"] tbody tr')).toBeGreaterThanOrEqual(2);
      const { name } = planted.brokenShelter;
      const rowMessage = lang === 'zh-CN' ? `“${name}”无法显示（已记入日志）。` : `“${name}” cannot be shown (written to the log).`;
      expect(await page.locator('[data-testid="shelter-table"] [data-testid="row-boundary"]').allInnerTexts()).toEqual([rowMessage]);
      expect(await page.locator('main [data-testid="error-boundary"]').count()).toBe(0);
      await e2e.screenshot(`bad-rows-evac-shelters-${lang}-dark`);

      await visit(page, 'duty');
      await page.evaluate(() => (location.hash = '#/duty/warnings'));
      await page.waitForSelector('[data-testid="response-panel"]');
      expect(await page.locator('main [data-testid="error-boundary"]').count()).toBe(0);
      expect(await unreadableIn(page, 'main table')).toBeGreaterThanOrEqual(1);
      await page.locator('main table tr:has(.unreadable)').scrollIntoViewIfNeeded();
      await e2e.screenshot(`bad-rows-duty-warnings-${lang}-dark`);
      expect(uncaught).toEqual([]);
    });

    it('replaces a section that fails as a whole with the message, and everything else still works', async () => {
      const { page } = e2e;
      await visit(page, 'hazards');
      await page.locator('a[data-tab="patrols"]').click();
      const boundary = page.locator('main [data-testid="error-boundary"]');
      await boundary.waitFor();
      const message = lang === 'zh-CN' ? '“隐患巡查”出现错误，暂时无法显示。' : 'Hazards ran into an error and cannot be shown right now.';
      expect(await boundary.locator('[role="alert"]').innerText()).toContain(message);
      await expectShell(page, 'hazards');
      await e2e.screenshot(`bad-rows-boundary-${lang}-dark`);
      await page.getByTestId('theme-toggle').click();
      await e2e.screenshot(`bad-rows-boundary-${lang}-light`);
      await page.getByTestId('theme-toggle').click();

      // The reload button is reached by keyboard; the same bad record fails the same way again.
      await page.getByTestId('boundary-reload').focus();
      await page.keyboard.press('Enter');
      await boundary.waitFor();

      for (const section of SECTIONS.filter((s) => s !== 'hazards')) {
        await visit(page, section);
        await expectShell(page, section);
        expect(await page.locator('main [data-testid="error-boundary"]').count()).toBe(0);
      }
      // Back again: the section starts afresh at its list.
      await visit(page, 'hazards');
      expect(await page.locator('main [data-testid="error-boundary"]').count()).toBe(0);
      expect(await page.locator(READY.hazards).count()).toBeGreaterThan(0);
      expect(uncaught).toEqual([]);

      const log = join(e2e.app.paths.dataDir, 'logs', 'renderer.log');
      const logged = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
      await expect.poll(logged).toMatch(/"section":"hazards","message":"TypeError: [^"]*join/);
      expect(logged()).toContain(`"section":"evac","message":"TypeError`);
      expect(logged()).toContain(`"method":"evac.listShelters","rowId":"${planted.brokenShelter.id}"`);
    });
  });
}
