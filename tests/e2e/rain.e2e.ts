import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dutyDayOf, formatLocal } from '../../core/time';
import { tempDir } from '../support/tempdir';
import { startE2E, type E2E } from './harness';

const HOUR = 3_600_000;
const ADMIN = { id: 't', name: 't', role: 'admin' as const };

/** A year of hourly data for two demo gauges in 2024: large enough to stream in several slices. */
function writeCsv(dir: string, extraRow?: string): { file: string; rows: number; totalMm: number } {
  const lines = ['站号,观测时间,雨量(mm)'];
  let totalMm = 0;
  const start = Date.UTC(2024, 0, 1, 0);
  for (let h = 1; h <= 24 * 366; h++) {
    const time = formatLocal(start + h * HOUR, 'yyyy-MM-dd HH:mm');
    for (const code of ['HF01', 'HF02']) {
      const mm = (h * 7 + code.length) % 13 === 0 ? (h % 50) / 10 : 0;
      totalMm += mm;
      lines.push(`${code},${time},${mm.toFixed(1)}`);
    }
  }
  if (extraRow) lines.push(extraRow);
  const file = join(dir, extraRow ? 'bad.csv' : '2024逐时雨量.csv');
  writeFileSync(file, lines.join('\n'), 'utf8');
  return { file, rows: lines.length - 1, totalMm };
}

function count2024(e2e: E2E): { n: number; mm: number } {
  return e2e.app.db
    .prepare('SELECT count(*) AS n, coalesce(sum(value_milli), 0) / 1000.0 AS mm FROM rain_readings WHERE end_ms < ?')
    .get(Date.UTC(2025, 0, 1, 1)) as { n: number; mm: number };
}

for (const [lang, theme] of [
  ['zh-CN', 'dark'],
  ['en', 'light'],
] as const) {
  describe(`rain and water in Chromium (${lang}, ${theme})`, () => {
    let e2e: E2E;
    const dir = tempDir('flooddesk-rain-e2e-');
    beforeAll(async () => {
      e2e = await startE2E({ lang, theme });
    });
    afterAll(async () => {
      await e2e?.close();
      dir.remove();
    });

    it('shows the gauges with rolling sums, grades, a signal hint and the chart', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/rain`);
      await page.waitForSelector('.rain-row[data-code="HF01"]');
      expect(await page.locator('.rain-row[data-code]').count()).toBe(8);
      expect(await page.locator('.rain-row[data-code] [data-grade]').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="rain-signals"] li[data-signal]').count()).toBeGreaterThan(0);
      expect(await page.locator('.rain-row[data-code="SW01"] [data-water]').getAttribute('data-water')).toBe('above_warning');
      await page.waitForSelector('[data-testid="rain-chart"] canvas');
      // The water gauge's chart draws its warning line.
      await page.locator('.rain-row[data-code="SW01"]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#rain-chart-title').textContent()).toContain(lang === 'zh-CN' ? '水位过程' : 'water level');
      await page.waitForSelector('[data-testid="rain-chart"] canvas');
      await e2e.screenshot(`rain-overview-${lang}-${theme}`);
    });

    it('enters a reading by phone with the keyboard only, and the table shows it', async () => {
      const { page } = e2e;
      const lastHour = Math.floor(Date.now() / HOUR) * HOUR;
      const input = page.locator('input[name="manualLine"]');
      await input.focus();
      await page.keyboard.type(`HF02 ${formatLocal(lastHour, 'HH:mm')} 33.3`);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('manual-msg').textContent()).toContain('HF02');
      await expect.poll(() => page.locator('.rain-row[data-code="HF02"] [role="cell"]').nth(3).textContent()).toBe('33.3');
      await page.keyboard.type('HF02 25:00 1');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('manual-msg').textContent()).toBe(lang === 'zh-CN' ? '时间无法识别' : 'Unreadable time');
    });

    it('imports a CSV with the mapping step, shows progress, and lands every reading', async () => {
      const { page } = e2e;
      const csv = writeCsv(dir.path);
      await page.setInputFiles('input[name="rainFile"]', csv.file);
      await page.waitForSelector('[data-testid="import-preview"] tr');
      expect(await page.locator('select[name="map-station"]').inputValue()).toBe('0');
      expect(await page.locator('select[name="map-value"]').inputValue()).toBe('2');
      await e2e.screenshot(`rain-import-mapping-${lang}-${theme}`);
      // The progress bar may come and go between two polls on a fast machine: watch for it instead.
      await page.evaluate(() => {
        const seen = (window as unknown as { progressSeen: string[] }).progressSeen = [] as string[];
        new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="import-progress"] [role="status"]');
          if (bar?.textContent) seen.push(bar.textContent);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByTestId('import-start').click();
      await page.waitForSelector('[data-testid="import-done"], .error-banner', { timeout: 60_000 });
      expect(await page.locator('.error-banner').count()).toBe(0);
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      expect(seen.length).toBeGreaterThan(1);
      expect(seen[seen.length - 1]).toMatch(/100%/);
      await page.getByTestId('import-done').scrollIntoViewIfNeeded();
      await e2e.screenshot(`rain-import-done-${lang}-${theme}`);
      const stored = count2024(e2e);
      expect(stored.n).toBe(csv.rows);
      expect(stored.mm).toBeCloseTo(csv.totalMm, 6);
    });

    it('refuses a file with a bad row as a whole, lists it, and imports the rest only when told', async () => {
      const { page } = e2e;
      const before = count2024(e2e);
      const bad = writeCsv(dir.path, 'XX99,2024-03-01 08:00,1.0');
      await page.setInputFiles('input[name="rainFile"]', bad.file);
      await page.waitForSelector('[data-testid="import-preview"] tr');
      await page.getByTestId('import-start').click();
      await page.waitForSelector('[data-testid="import-errors"]', { timeout: 60_000 });
      expect(await page.locator('[data-testid="import-errors"] tbody tr').count()).toBe(1);
      expect(count2024(e2e)).toEqual(before);
      await e2e.screenshot(`rain-import-errors-${lang}-${theme}`);
      await page.getByTestId('import-skip').click();
      await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
      // Same readings as the first file: re-importing them changed nothing.
      expect(count2024(e2e)).toEqual(before);
      const batches = e2e.app.dispatcher.call('rain.imports', { limit: 1 }, ADMIN);
      expect(batches.ok && (batches.value as { inserted: number; unchanged: number; skippedRows: number }[])[0]).toMatchObject({ inserted: 0, skippedRows: 1 });
    });

    it('drafts the summary sentence', async () => {
      const { page } = e2e;
      // The demo holds the last fourteen days (the season may lie elsewhere in the year): the
      // twelve whole flood days before the current one.
      const toDay = addDays(dutyDayOf(Date.now(), '08:00'), -1);
      await page.fill('input[name="summary-from"]', addDays(toDay, -11));
      await page.fill('input[name="summary-to"]', toDay);
      await page.getByTestId('summary-run').click();
      await page.waitForSelector('[data-testid="summary-result"] .rain-sentence');
      expect(await page.locator('[data-testid="summary-result"] p[lang="zh-CN"]').textContent()).toMatch(/^本年汛期 12 天，雨日 \d+ 天，降水量 [\d.]+ 毫米/);
      expect(await page.locator('[data-testid="summary-result"] p[lang="en"]').textContent()).toMatch(/^This flood season: 12 days, \d+ rain days?, [\d.]+ mm of rain/);
      await e2e.screenshot(`rain-full-${lang}-${theme}`);
    });

    it('had no page errors', () => {
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
