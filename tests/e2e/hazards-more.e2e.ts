import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { IMPORT_COLUMNS } from '../../core/contract/hazards-types';
import { pinyinSortKey } from '../../core/domain/hazards/pinyin';
import { startE2E, type E2E } from './harness';

/** Issue #5, second pass: XLSX import checks, pinyin sort, restore, route editing, location fix, area picker. */

const HUAFU = { latitude: 22.5533, longitude: 114.0719 };

async function openHazards(page: Page, url: string, hash = '') {
  await page.goto(`${url}#/hazards${hash}`);
  await page.waitForSelector('main[data-section="hazards"] h1');
}

/** A real XLSX as the register's export lays it out (Chinese headers). */
async function xlsx(rows: Record<string, unknown>[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('隐患点');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.zh, key: c.key }));
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const IMPORTED = [
  { name: '重庆路排水口', hazardType: '排水设施/河道', community: '福新社区', lat: 22.531, lng: 114.058, riskLevel: '中风险' },
  { name: '重庆路排水口', hazardType: '排水设施/河道', community: '福新社区', lat: 22.5311, lng: 114.058, riskLevel: '中风险' },
  { name: '长安街下穿通道', hazardType: '下穿通道/隧道', community: '福新社区', lat: 22.533, lng: 114.06, riskLevel: '高风险' },
];

async function visibleNames(page: Page): Promise<string[]> {
  await expect.poll(() => page.getByTestId('hz-row').first().locator('[role="cell"]').count()).toBeGreaterThan(1);
  return page.getByTestId('hz-row').evaluateAll((rows) => rows.map((r) => (r.querySelector('[role="cell"]')?.firstChild?.textContent ?? '').trim()));
}

describe('hazards, second pass, in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ lang: 'zh-CN', theme: 'dark' });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('reads an XLSX, words row problems for people, warns a duplicate inside the file, then imports', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url, '/import');
    const bad = await xlsx([...IMPORTED, { ...IMPORTED[2], name: '福中路工地', lat: 95 }]);
    await page.getByTestId('hz-import-file').setInputFiles({ name: 'points.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await page.getByTestId('hz-import-preview').waitFor();
    const issues = page.getByTestId('hz-import-issues');
    await expect.poll(() => issues.textContent()).toContain('第 5 行：纬度必须是 -90 到 90 之间的数字');
    expect(await issues.textContent()).toContain('第 3 行：与第 2 行同名，相距 11 米，可能重复');
    expect(await page.getByTestId('hz-import-commit').isDisabled()).toBe(true);
    await e2e.screenshot('hazards-more-import-zh-dark');

    await page.getByTestId('hz-import-file').setInputFiles({ name: 'points.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(IMPORTED) });
    await expect.poll(async () => page.getByTestId('hz-import-commit').isDisabled()).toBe(false);
    await page.getByTestId('hz-import-commit').click();
    await expect.poll(() => page.getByTestId('hz-import-result').textContent()).toBe('已导入 3 个隐患点。');
  });

  it('sorts the register by pinyin, 重庆路 under C', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url);
    expect(await page.getByTestId('hz-sort').inputValue()).toBe('pinyin');
    await page.getByTestId('hz-search').fill('排水口');
    await expect.poll(async () => (await visibleNames(page)).includes('重庆路排水口')).toBe(true);
    const names = await visibleNames(page);
    expect(names.length).toBeGreaterThan(2);
    const keys = names.map(pinyinSortKey);
    expect(keys).toEqual([...keys].sort());
    await e2e.screenshot('hazards-more-pinyin-zh-dark');
  });

  it('deletes a point with a reason and restores it from the deleted filter', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url);
    await page.getByTestId('hz-search').fill('长安街');
    await expect.poll(() => page.getByTestId('hz-total').textContent()).toBe('共 1 条');
    await page.getByTestId('hz-row').first().locator('a').click();
    await page.getByTestId('hz-point-detail').waitFor();
    await page.getByTestId('hz-delete-point').click();
    await page.getByTestId('hz-delete-reason').fill('重复录入');
    await e2e.screenshot('hazards-more-delete-zh-dark');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/hazards$/);
    await page.getByTestId('hz-search').fill('长安街');
    await expect.poll(() => page.getByTestId('hz-total').textContent()).toBe('共 0 条');
    await page.getByTestId('hz-filter-deleted').check();
    await expect.poll(() => page.getByTestId('hz-total').textContent()).toBe('共 1 条');
    await e2e.screenshot('hazards-more-deleted-list-zh-dark');
    await page.getByTestId('hz-restore-row').click();
    await expect.poll(() => page.getByTestId('hz-total').textContent()).toBe('共 0 条');
    await page.getByTestId('hz-filter-deleted').uncheck();
    await expect.poll(() => page.getByTestId('hz-total').textContent()).toBe('共 1 条');
  });

  it('edits a patrol route (rename, reorder, frequency) and deletes one after confirming', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url, '/patrols');
    const table = page.getByTestId('hz-routes');
    await table.locator('tbody tr').first().waitFor();
    const routeCount = await table.locator('tbody tr').count();
    await page.getByTestId('hz-edit-route').first().click();
    const form = page.getByTestId('hz-route-form');
    await expect.poll(() => form.locator('h2').textContent()).toMatch(/^修改路线/);
    const points = form.getByTestId('hz-route-points').locator('li');
    expect(await points.count()).toBeGreaterThan(1);
    const firstTwo = [(await points.nth(0).textContent())!.replace(/[↑↓×\s]/g, ''), (await points.nth(1).textContent())!.replace(/[↑↓×\s]/g, '')];
    await points.nth(1).getByRole('button', { name: /^上移/ }).click();
    await form.locator('input[name="routeName"]').fill('华富巡查线（汛期加密）');
    await form.locator('input[name="every"]').fill('12');
    await form.locator('select[name="everyKind"]').selectOption('hours');
    await e2e.screenshot('hazards-more-route-edit-zh-dark');
    await page.getByTestId('hz-save-route').click();
    const edited = table.locator('tbody tr', { hasText: '华富巡查线（汛期加密）' });
    await edited.waitFor();
    expect((await edited.locator('td').nth(1).textContent())?.startsWith(`${firstTwo[1]} → ${firstTwo[0]}`)).toBe(true);
    expect(await edited.locator('td').nth(3).textContent()).toContain('12');
    expect(await table.locator('tbody tr').count()).toBe(routeCount);

    page.once('dialog', (dialog) => dialog.dismiss());
    await edited.getByTestId('hz-delete-route').click();
    expect(await table.locator('tbody tr').count()).toBe(routeCount);
    page.once('dialog', (dialog) => dialog.accept());
    await edited.getByTestId('hz-delete-route').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(routeCount - 1);
    await e2e.screenshot('hazards-more-route-deleted-zh-dark');
  });

  it('fills the point form and the inspection from the device location, and says so when denied', async () => {
    const { page, context } = e2e;
    await context.grantPermissions(['geolocation'], { origin: e2e.app.url });
    await context.setGeolocation({ ...HUAFU, accuracy: 12 });
    await openHazards(page, e2e.app.url, '/new');
    await page.getByTestId('hz-locate').click();
    await expect.poll(() => page.inputValue('input[name="lat"]')).toBe('22.5533000');
    expect(await page.inputValue('input[name="lng"]')).toBe('114.0719000');
    expect(await page.inputValue('select[name="coordSystem"]')).toBe('wgs84');
    expect(await page.getByTestId('hz-locate-status').textContent()).toBe('已定位 22.553300, 114.071900（WGS-84，精度约 ±12 米）');
    await e2e.screenshot('hazards-more-gps-zh-dark');

    await openHazards(page, e2e.app.url);
    await page.getByTestId('hz-search').fill('长安街');
    await expect.poll(() => page.getByTestId('hz-total').textContent()).toBe('共 1 条');
    await page.getByTestId('hz-row').first().locator('a').click();
    await page.getByTestId('hz-start-inspection').click();
    await page.getByTestId('hz-inspect-form').waitFor();
    await context.setGeolocation({ latitude: 22.533, longitude: 114.06, accuracy: 30 });
    await page.getByTestId('hz-locate').click();
    await expect.poll(() => page.getByTestId('hz-locate-status').textContent()).toBe('已定位 22.533000, 114.060000（WGS-84，精度约 ±30 米）');

    await context.clearPermissions();
    await page.getByTestId('hz-locate').click();
    await expect.poll(() => page.getByTestId('hz-locate-status').textContent()).toMatch(/^定位权限被拒绝/);
    await e2e.screenshot('hazards-more-gps-denied-zh-dark');
  });

  it('sets the unit area from the boundary, refuses a box upside down, and warns a point outside it', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url, '/templates');
    const area = page.getByTestId('hz-area');
    await area.waitFor();
    await page.getByTestId('hz-area-boundary').click();
    await expect.poll(() => page.getByTestId('hz-area-west').inputValue()).toMatch(/^11[34]\.\d+/);
    const [west, south, east, north] = await Promise.all(['west', 'south', 'east', 'north'].map((s) => page.getByTestId(`hz-area-${s}`).inputValue().then(Number)));
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    await page.getByTestId('hz-area-save').click();
    await expect.poll(() => page.getByTestId('hz-area-message').textContent()).toBe('辖区范围已保存。');
    await e2e.screenshot('hazards-more-area-zh-dark');
    await page.getByTestId('hz-area-south').fill(String(north + 1));
    await page.getByTestId('hz-area-save').click();
    await expect.poll(() => page.getByTestId('hz-area-message').textContent()).toBe('南边界必须小于北边界。');
    await openHazards(page, e2e.app.url, '/new');
    await page.fill('input[name="name"]', '区外测试点');
    await page.fill('input[name="lat"]', String(north + 0.5));
    await page.fill('input[name="lng"]', String(east));
    await page.getByTestId('hz-save-point').click();
    await expect.poll(() => page.getByTestId('hz-point-warnings').textContent()).toContain('坐标不在本单位辖区范围内');
  });

  it('shows the same in English with the light theme', async () => {
    const { page, context } = e2e;
    await openHazards(page, e2e.app.url, '/import');
    await page.getByTestId('theme-toggle').click();
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.getByTestId('hz-import-file').setInputFiles({ name: 'points.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx([{ ...IMPORTED[0], name: '新洲路排水口', lng: 'x' }]) });
    await expect.poll(() => page.getByTestId('hz-import-issues').textContent()).toContain('Row 2: Longitude must be a number between -180 and 180');
    await e2e.screenshot('hazards-more-import-en-light');
    await openHazards(page, e2e.app.url);
    expect(await page.getByTestId('hz-sort').locator('option:checked').textContent()).toBe('Name (pinyin)');
    await e2e.screenshot('hazards-more-list-en-light');
    await openHazards(page, e2e.app.url, '/templates');
    await page.getByTestId('hz-area').waitFor();
    await page.getByTestId('hz-area-west').fill('');
    await page.getByTestId('hz-area-save').click();
    await expect.poll(() => page.getByTestId('hz-area-message').textContent()).toBe('All four must be filled in as numbers.');
    await e2e.screenshot('hazards-more-area-en-light');
    await page.getByRole('button', { name: 'Clear the area' }).click();
    await expect.poll(() => page.getByTestId('hz-area-message').textContent()).toBe('Unit area cleared; only points outside China are warned.');
    await context.grantPermissions(['geolocation'], { origin: e2e.app.url });
    await context.setGeolocation({ ...HUAFU, accuracy: 250 });
    await openHazards(page, e2e.app.url, '/patrols');
    await page.getByTestId('hz-routes').locator('tbody tr').first().waitFor();
    await e2e.screenshot('hazards-more-patrols-en-light');
    await openHazards(page, e2e.app.url, '/new');
    await page.getByTestId('hz-locate').click();
    await expect.poll(() => page.getByTestId('hz-locate-status').textContent()).toBe('Located 22.553300, 114.071900 (WGS-84, accurate to about ±250 m) Low accuracy: check on site or correct by hand.');
    await e2e.screenshot('hazards-more-gps-en-light');
  });

  it('had no uncaught page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
