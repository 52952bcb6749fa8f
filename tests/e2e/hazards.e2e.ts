import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';

/** A real PNG made here (stripes of two colours), so the upload path sees an ordinary photo file. */
function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(Math.floor(x / 8) % 2 ? [200, 40, 40] : [40, 90, 200], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function openHazards(page: Page, url: string, hash = '') {
  await page.goto(`${url}#/hazards${hash}`);
  await page.waitForSelector('main[data-section="hazards"] h1');
}

describe('hazards in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ lang: 'zh-CN', theme: 'dark' });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('lists and searches the register (virtualised)', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url);
    await expect.poll(() => page.getByTestId('hz-row').count()).toBeGreaterThan(5);
    await e2e.screenshot('hazards-list-zh-dark');
    await page.getByTestId('hz-search').fill('笔架山');
    await expect.poll(() => page.getByTestId('hz-total').textContent()).toBe('共 1 条');
    await page.getByTestId('hz-search').fill('');
    await page.getByTestId('hz-filter-overdue').selectOption('rectification');
    await expect.poll(async () => Number((await page.getByTestId('hz-total').textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(0);
    expect(await page.getByTestId('hz-overdue-count').textContent()).toMatch(/^\d+$/);
  });

  it('creates a point, inspects it with a failed item and a photo, and closes the rectification', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url, '/new');
    await page.fill('input[name="name"]', '福华路下穿通道');
    await page.selectOption('select[name="hazardType"]', 'underpass');
    await page.selectOption('select[name="coordSystem"]', 'gcj02');
    await page.fill('input[name="lat"]', '22.5401');
    await page.fill('input[name="lng"]', '114.0660');
    await page.fill('input[name="responsibleUnit"]', '福田区城市管理和综合执法局');
    await page.fill('input[name="responsiblePerson"]', '黄海');
    await e2e.screenshot('hazards-new-point-zh-dark');
    await page.getByTestId('hz-save-point').click();
    await page.getByTestId('hz-point-detail').waitFor();
    expect(page.url()).toMatch(/#\/hazards\/[0-9a-f-]{36}$/);

    await page.getByTestId('hz-start-inspection').click();
    await page.getByTestId('hz-inspect-form').waitFor();
    const items = page.locator('.hz-item');
    expect(await items.count()).toBe(3);
    await items.nth(0).locator('input[value="fail"]').check();
    await items.nth(0).locator('.hz-note').fill('水尺刻度模糊不清');
    await items.nth(1).locator('input[value="pass"]').check();
    await items.nth(2).locator('input[value="pass"]').check();
    await page.getByTestId('hz-photo-depth_gauge').setInputFiles({ name: 'gauge.png', mimeType: 'image/png', buffer: makePng(64, 48) });
    await items.nth(0).getByTestId('hz-thumb').locator('img').waitFor();
    expect(await page.getByTestId('hz-overall').textContent()).toContain('存在隐患');
    await e2e.screenshot('hazards-inspect-zh-dark');
    await page.getByTestId('hz-save-inspection').click();
    await page.getByTestId('hz-opened-order').click();
    await page.getByTestId('hz-rect-detail').waitFor();

    const step = async (action: string, actor: string) => {
      await page.fill('input[name="actor"]', actor);
      await page.click(`button[data-action="${action}"]`);
    };
    await step('start', '黄海');
    await expect.poll(() => page.getByTestId('hz-rect-detail').getAttribute('data-status')).toBe('in_progress');
    await page.getByTestId('hz-evidence').setInputFiles({ name: 'fixed.png', mimeType: 'image/png', buffer: makePng(48, 48) });
    await page.getByTestId('hz-rect-actions').getByTestId('hz-thumb').locator('img').waitFor();
    await step('submit', '黄海');
    await expect.poll(() => page.getByTestId('hz-rect-detail').getAttribute('data-status')).toBe('awaiting_recheck');
    await step('pass', '黄海');
    await page.locator('.error-banner[data-error-key="errors.hazards.rectification.same_person_recheck"]').waitFor();
    await page.locator('.error-banner button').first().click();
    await step('pass', '李梅');
    await expect.poll(() => page.getByTestId('hz-rect-detail').getAttribute('data-status')).toBe('closed');
    expect(await page.locator('.hz-history li').count()).toBe(3);
    await e2e.screenshot('hazards-rect-closed-zh-dark');

    await page.getByTestId('hz-open-notice').click();
    await page.getByTestId('hz-notice').waitFor();
    expect(await page.getByTestId('hz-notice').textContent()).toContain('水尺');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.top-bar').isVisible()).toBe(false);
    expect(await page.getByTestId('hz-print').isVisible()).toBe(false);
    expect(await page.getByTestId('hz-notice').isVisible()).toBe(true);
    await e2e.screenshot('hazards-notice-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('runs a patrol and flags the points not visited', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url, '/patrols');
    await page.getByTestId('hz-start-patrol').first().click();
    await page.getByTestId('hz-run').waitFor();
    const total = await page.getByTestId('hz-arrived').count();
    await page.getByTestId('hz-arrived').first().click();
    await page.locator('.hz-run-points input').first().fill('路面积水约 5 厘米');
    await page.getByTestId('hz-finish-run').click();
    await page.getByTestId('hz-run-result').waitFor();
    expect(await page.getByTestId('hz-run-missed').textContent()).toMatch(/漏巡点位/);
    expect(total).toBeGreaterThan(1);
    await e2e.screenshot('hazards-patrol-result-zh-dark');
  });

  it('imports a CSV only when every row is good, and exports XLSX', async () => {
    const { page } = e2e;
    const csv = (rows: string[]) => Buffer.from(['名称,类型,社区,纬度,经度,风险等级,责任人', ...rows].join('\n'));
    await openHazards(page, e2e.app.url, '/import');
    await page.getByTestId('hz-import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: csv(['新洲路排水口,排水设施/河道,福新社区,22.531,114.058,中风险,周军', '福中路工地,在建工地,福新社区,北纬22度,114.06,高风险,吴涛']) });
    await page.getByTestId('hz-import-preview').waitFor();
    expect(await page.getByTestId('hz-import-preview').textContent()).toContain('1 行有错误');
    expect(await page.getByTestId('hz-import-commit').isDisabled()).toBe(true);
    await e2e.screenshot('hazards-import-errors-zh-dark');
    await page.getByTestId('hz-import-file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: csv(['新洲路排水口,排水设施/河道,福新社区,22.531,114.058,中风险,周军', '福中路工地,在建工地,福新社区,22.533,114.06,高风险,吴涛']) });
    await page.getByTestId('hz-import-commit').click();
    await expect.poll(() => page.getByTestId('hz-import-result').textContent()).toBe('已导入 2 个隐患点。');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hz-export').click()]);
    expect(download.suggestedFilename()).toBe('隐患点台账.xlsx');
  });

  it('shows the today view and a printable summary, in light theme too', async () => {
    const { page } = e2e;
    await openHazards(page, e2e.app.url, '/today');
    await page.getByTestId('hz-today').waitFor();
    await e2e.screenshot('hazards-today-zh-dark');
    await openHazards(page, e2e.app.url, '/summary');
    await page.getByTestId('hz-summary').waitFor();
    await page.getByTestId('theme-toggle').click();
    await e2e.screenshot('hazards-summary-zh-light');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await openHazards(page, e2e.app.url, '');
    await expect.poll(() => page.getByTestId('hz-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('hz-new-point').textContent()).toBe('New hazard point');
    await e2e.screenshot('hazards-list-en-light');
    await openHazards(page, e2e.app.url, '/today');
    await page.getByTestId('hz-today').waitFor();
    await e2e.screenshot('hazards-today-en-light');
    await page.getByTestId('theme-toggle').click();
    await openHazards(page, e2e.app.url, '/rects');
    await page.getByTestId('hz-rect-table').waitFor();
    await e2e.screenshot('hazards-rects-en-dark');
  });

  it('had no uncaught page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
