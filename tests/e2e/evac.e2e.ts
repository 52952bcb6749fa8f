import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../core/contract/system';
import { startE2E, type E2E } from './harness';

const ACTOR = { id: 'e2e', name: 'e2e', role: 'admin' as const };

/**
 * The path in Chromium: move a household from a hazard point, check them in at a
 * shelter up to its capacity and meet the override prompt, return them, read the summary.
 */
for (const lang of ['zh-CN', 'en'] as const) {
  describe(`evacuation in Chromium (${lang})`, () => {
    let e2e: E2E;
    let eventId: string;
    let eventName: string;
    beforeAll(async () => {
      e2e = await startE2E({ lang, theme: 'dark' });
      eventName = lang === 'zh-CN' ? '测试台风' : 'Test typhoon';
      const created = e2e.app.dispatcher.call('events.create', { name: eventName, startedAtMs: Date.now() - 6 * 3_600_000 }, ACTOR);
      if (!created.ok) throw new Error(created.error.message);
      eventId = (created.value as EventRecord).id;
      // 3 m² at 1.5 m² a person: room for two.
      const shelter = e2e.app.dispatcher.call('evac.createShelter', { name: '测试小学', type: 'school', usableAreaM2: 3 }, ACTOR);
      if (!shelter.ok) throw new Error(shelter.error.message);
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('moves a household, asks for an override beyond capacity, returns them and reads the summary', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/evac`);
      await page.getByTestId('evac-event').selectOption(eventId);
      await page.getByTestId('evac-tab-move').click();
      const form = page.getByTestId('move-form');
      await form.locator('select[name="sourceKind"]').selectOption('hazard_point');
      await form.locator('input[name="sourceName"]').fill('梅林坳边坡');
      await form.locator('input[name="sourceId"]').fill('HF-YH-003');
      await form.locator('input[name="headName"]').fill('陈建国');
      await form.locator('input[name="name-0"]').fill('陈建国');
      await form.getByTestId('add-member').click();
      await form.locator('input[name="name-1"]').fill('陈小红');
      await form.getByTestId('add-member').click();
      await form.locator('input[name="name-2"]').fill('陈一一');
      await form.getByTestId('member-row').nth(0).getByLabel(lang === 'zh-CN' ? '老' : 'Elderly').check();
      await e2e.screenshot(`evac-move-${lang}-dark`);
      await page.getByTestId('move-submit').click();
      await expect.poll(() => page.getByTestId('move-done').textContent()).toContain(lang === 'zh-CN' ? '已登记转移 3 人' : 'Moved 3');

      await page.getByTestId('evac-tab-people').click();
      await expect.poll(() => page.getByTestId('person-row').count()).toBe(3);
      await page.getByTestId('person-row').nth(0).locator('input[type="checkbox"]').check();
      await page.getByTestId('person-row').nth(1).locator('input[type="checkbox"]').check();
      await page.locator('select[name="target"]').selectOption({ label: '测试小学 (0/2)' });
      await page.getByTestId('do-checkin').click();
      await expect.poll(() => page.getByTestId('people-message').textContent()).toContain('2');

      // The third person would make three in a shelter for two.
      await page.getByTestId('person-row').nth(2).locator('input[type="checkbox"]').check();
      await page.locator('select[name="target"]').selectOption({ label: '测试小学 (2/2)' });
      await page.getByTestId('do-checkin').click();
      const dialog = page.getByTestId('override-dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('测试小学');
      await e2e.screenshot(`evac-override-${lang}-dark`);
      await dialog.locator('textarea[name="reason"]').fill('家属需陪护老人');
      await dialog.locator('button[type="submit"]').click();
      await expect.poll(() => page.getByTestId('person-row').filter({ hasText: lang === 'zh-CN' ? '在安置点' : 'In shelter' }).count()).toBe(3);
      const overrides = e2e.app.db.prepare('SELECT reason FROM evac_capacity_overrides').pluck().all();
      expect(overrides).toEqual(['家属需陪护老人']);

      await page.getByTestId('select-all').click();
      await page.getByTestId('do-return').click();
      await expect.poll(() => page.getByTestId('person-row').filter({ hasText: lang === 'zh-CN' ? '已返回' : 'Returned home' }).count()).toBe(3);
      await e2e.screenshot(`evac-people-${lang}-dark`);

      await page.getByTestId('evac-tab-dashboard').click();
      const summary = page.getByTestId('evac-summary');
      await expect
        .poll(() => summary.locator('.evac-summary').textContent())
        .toBe(
          lang === 'zh-CN'
            ? '共转移 3 人（其中老幼病残孕 1 人），测试小学安置 3 人；目前已全部返回。'
            : '3 people were evacuated (1 of them elderly, children, sick, disabled or pregnant): 3 sheltered at 测试小学; all have now returned home.',
        );
      await page.getByTestId('chart-out').locator('canvas').first().waitFor();
      await e2e.screenshot(`evac-dashboard-${lang}-dark`);
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('light');
      await page.getByTestId('chart-out').locator('canvas').first().waitFor();
      await e2e.screenshot(`evac-dashboard-${lang}-light`);
      await page.getByTestId('evac-tab-shelters').click();
      await page.getByTestId('shelter-table').waitFor();
      await e2e.screenshot(`evac-shelters-${lang}-light`);
      await page.getByTestId('theme-toggle').click();
    });

    it('exports every list as XLSX', async () => {
      const { page } = e2e;
      await page.getByTestId('evac-tab-dashboard').click();
      const download = page.waitForEvent('download');
      await page.getByTestId('evac-export').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^evacuation-\d{8}-\d{4}\.xlsx$/);
      const path = await file.path();
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const people = book.worksheets[0];
      expect(people.rowCount).toBe(4);
      expect(String(people.getRow(2).getCell(1).value)).toBe('陈建国');
    });

    it('had no page errors', () => {
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
