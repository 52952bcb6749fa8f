import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../core/contract/system';
import { addDays, dutyDayOf, formatLocal, zonedToUtc } from '../../core/time';
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

/** The newest hour of the demo's gauge file (the clock may have passed another hour since it was seeded). */
function seededHour(e2e: E2E): number {
  return e2e.app.db.prepare("SELECT max(end_ms) FROM rain_readings r JOIN rain_batches b ON b.key = r.batch_key WHERE b.kind = 'file'").pluck().get() as number;
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
      await page.waitForSelector('[data-testid="rain-chart"] svg text');
      // The water gauge's chart draws its warning line.
      await page.locator('.rain-row[data-code="SW01"]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#rain-chart-title').textContent()).toContain(lang === 'zh-CN' ? '水位过程' : 'water level');
      await page.waitForSelector('[data-testid="rain-chart"] svg text');
      await e2e.screenshot(`rain-overview-${lang}-${theme}`);
    });

    it('enters a reading by phone with the keyboard only, and the table shows it', async () => {
      const { page } = e2e;
      const lastHour = seededHour(e2e);
      const input = page.locator('input[name="manualLine"]');
      await input.focus();
      await page.keyboard.type(`HF02 ${formatLocal(lastHour, 'HH:mm')} 33.3`);
      await page.keyboard.press('Enter');
      // The automatic gauge already gave this hour: both figures are shown and the answer is one key away.
      const question = page.getByTestId('manual-question');
      await expect.poll(() => question.getAttribute('data-kind')).toBe('replace');
      expect(await question.textContent()).toContain('33.3 mm');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('manual-msg').textContent()).toContain('HF02');
      await input.focus();
      await expect.poll(() => page.locator('.rain-row[data-code="HF02"] [role="cell"]').nth(3).textContent()).toBe('33.3');
      await page.keyboard.type('HF02 25:00 1');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('manual-msg').textContent()).toBe(lang === 'zh-CN' ? '时间无法识别' : 'Unreadable time');
    });

    const slot = (code: string, endMs: number) =>
      e2e.app.db.prepare('SELECT r.value_milli FROM rain_readings r JOIN rain_stations s ON s.key = r.station_key WHERE s.code = ? AND r.end_ms = ? AND r.interval_s = 3600').pluck().get(code, endMs) as number | null | undefined;

    async function enter(line: string) {
      const input = e2e.page.locator('input[name="manualLine"]');
      await input.fill(line);
      await input.press('Enter');
    }

    async function answer(kind: string, button: 'manual-confirm' | 'manual-cancel' | 'manual-day', nth = 0) {
      const question = e2e.page.getByTestId('manual-question');
      await expect.poll(() => question.getAttribute('data-kind')).toBe(kind);
      const text = await question.textContent();
      await question.getByTestId(button).nth(nth).click();
      return text ?? '';
    }

    it('shows the hint of a reading that crosses a threshold at once, and drops the lower hint of that gauge', async () => {
      const { page } = e2e;
      const hints = (colour: string) => page.locator(`[data-testid="rain-signals"] li[data-signal="${colour}"]`, { hasText: '笋岗西' });
      // The demo storm's six-hour total stands at yellow; no red yet.
      expect(await hints('yellow').count()).toBe(1);
      expect(await hints('red').count()).toBe(0);
      const hour = seededHour(e2e) - HOUR;
      await enter(`HF04 ${formatLocal(hour, 'HH:mm')} 120`);
      await answer('replace', 'manual-confirm');
      // No "check now": the entry recomputed the hints, and the red one replaced the yellow one.
      await expect.poll(() => hints('red').count()).toBe(1);
      await expect.poll(() => hints('yellow').count()).toBe(0);
      await e2e.screenshot(`rain-hint-after-entry-${lang}-${theme}`);
    });

    it('asks before keeping an implausible figure, and saves nothing when the answer is no', async () => {
      const { page } = e2e;
      const hour = seededHour(e2e) - 2 * HOUR;
      const stored = slot('HF05', hour);
      await enter(`HF05 ${formatLocal(hour, 'HH:mm')} 250`);
      expect(await answer('implausible', 'manual-cancel')).toContain(lang === 'zh-CN' ? '确认 1 小时 250 毫米？' : 'Confirm 250 mm in 1 h?');
      await expect.poll(() => page.getByTestId('manual-msg').textContent()).toBe(lang === 'zh-CN' ? '未保存' : 'Not saved');
      expect(slot('HF05', hour)).toBe(stored);
      await enter(`HF05 ${formatLocal(hour, 'HH:mm')} 250`);
      await answer('implausible', 'manual-confirm');
      expect(await answer('replace', 'manual-confirm')).toContain('250 mm');
      await expect.poll(() => slot('HF05', hour)).toBe(250_000);
    });

    it('asks which duty day a dated reading at 08:00 belongs to, and stores it at the end of the day chosen', async () => {
      const day = addDays(formatLocal(Date.now(), 'yyyy-MM-dd'), -2);
      await enter(`HF06 ${day} 08:00 5`);
      const question = e2e.page.getByTestId('manual-question');
      await expect.poll(() => question.getAttribute('data-kind')).toBe('day');
      // 08:00 on `day` closes the duty day before it; the other reading closes the duty day of `day` itself.
      expect(await question.getByTestId('manual-day').allTextContents()).toEqual([
        expect.stringContaining(addDays(day, -1)),
        expect.stringContaining(day),
      ]);
      await e2e.screenshot(`rain-day-question-${lang}-${theme}`);
      await answer('day', 'manual-day', 1);
      await answer('replace', 'manual-confirm');
      const endMs = zonedToUtc(addDays(day, 1), '08:00');
      await expect.poll(() => slot('HF06', endMs)).toBe(5000);
    });

    it('draws the chart legend clear of every axis label at 1366×768 and 1440×900', async () => {
      const { page } = e2e;
      for (const viewport of [{ width: 1366, height: 768 }, { width: 1440, height: 900 }]) {
        await page.setViewportSize(viewport);
        await page.locator('.rain-row[data-code="HF01"]').click();
        await expect.poll(() => page.locator('#rain-chart-title').textContent()).toContain(lang === 'zh-CN' ? '逐时雨量' : 'hourly rain');
        const chart = page.getByTestId('rain-chart');
        const legendNames = lang === 'zh-CN' ? ['逐时雨量 (mm)', '累计 (mm)'] : ['Hourly rain (mm)', 'Running total (mm)'];
        // Both names appear twice (legend and axis name) once the chart is drawn at this size.
        await expect.poll(() => chart.locator('svg text', { hasText: legendNames[1] }).count()).toBe(2);
        const boxes = await chart.locator('svg text').evaluateAll((nodes) =>
          nodes.map((n) => {
            const r = n.getBoundingClientRect();
            return { text: n.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
        );
        const shown = boxes.filter((b) => b.text.trim() !== '' && b.right > b.left);
        const overlaps = shown.flatMap((a, i) => shown.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.text} × ${b.text}`));
        expect(overlaps).toEqual([]);
        // The legend is drawn above the plot, not among the time labels at its foot.
        const legend = shown.filter((b) => legendNames.includes(b.text));
        const timeLabels = shown.filter((b) => /\d{2}-\d{2} \d{2}:\d{2}/.test(b.text));
        expect(Math.max(...legend.map((b) => b.bottom))).toBeLessThan(Math.min(...timeLabels.map((b) => b.top)));
        await chart.screenshot({ path: `tests/e2e/screenshots/rain-chart-${lang}-${theme}-${viewport.width}.png` });
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    it('shows the normals form with the season by its name, not its stored key', async () => {
      const { page } = e2e;
      const period = page.locator('select[name="normal-period"]');
      expect(await period.inputValue()).toBe('season');
      expect(await period.locator('option:checked').textContent()).toBe(lang === 'zh-CN' ? '汛期' : 'Flood season');
      const values = await page.locator('.rain-summary input').evaluateAll((nodes) => nodes.map((n) => (n as HTMLInputElement).value));
      expect(values).not.toContain('season');
      // A period of one's own is typed after choosing "other", and offered by name afterwards.
      await period.selectOption('');
      await page.fill('input[name="normal-period-custom"]', '梅雨期');
      await page.fill('input[name="normal-mm"]', '280');
      await page.locator('.rain-normals button[type="submit"]').click();
      await expect.poll(() => page.locator('select[name="summary-period"] option').allTextContents()).toContain('梅雨期');
    });

    it('totals the rain of an event chosen with the event picker, the day still under way included and said so', async () => {
      const { page } = e2e;
      const events = e2e.app.dispatcher.call('events.list', {}, ADMIN);
      const open = (events.ok ? (events.value as EventRecord[]) : []).find((e) => e.endedAtMs === null)!;
      await page.getByTestId('summary-event').selectOption(open.id);
      expect(await page.locator('input[name="summary-from"]').isDisabled()).toBe(true);
      expect(await page.locator('input[name="summary-from"]').inputValue()).toBe(dutyDayOf(open.startedAtMs, '08:00'));
      expect(await page.locator('input[name="summary-to"]').inputValue()).toBe(dutyDayOf(Date.now(), '08:00'));
      await page.getByTestId('summary-run').click();
      const zh = page.locator('[data-testid="summary-result"] p[lang="zh-CN"]');
      await expect.poll(() => zh.textContent()).toContain(open.name);
      expect(await zh.textContent()).toMatch(/截至 \d+ 月 \d+ 日 \d{2}:00，当日降雨尚未结束。$/);
      expect(await page.locator('[data-testid="summary-result"] p[lang="en"]').textContent()).toMatch(/the last day is incomplete \(to \d{2}:00 on \d+ \w+\)\.$/);
      await e2e.screenshot(`rain-summary-event-${lang}-${theme}`);
      await page.getByTestId('summary-event').selectOption('');
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

    it('lists a figure above the plausible limit among the bad rows, and imports it once confirmed', async () => {
      const { page } = e2e;
      const file = join(dir.path, 'implausible.csv');
      writeFileSync(file, ['站号,观测时间,雨量(mm)', 'HF01,2025-06-01 09:00,1.0', 'HF01,2025-06-01 10:00,250'].join('\n'), 'utf8');
      await page.setInputFiles('input[name="rainFile"]', file);
      await page.waitForSelector('[data-testid="import-preview"] tr');
      await page.getByTestId('import-start').click();
      await page.waitForSelector('[data-testid="import-errors"]', { timeout: 60_000 });
      expect(await page.locator('[data-testid="import-errors"] tbody tr').textContent()).toContain(lang === 'zh-CN' ? '超过合理上限' : 'above the plausible limit');
      expect(slot('HF01', zonedToUtc('2025-06-01', '10:00'))).toBeUndefined();
      await page.getByTestId('import-confirm-implausible').click();
      await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
      expect(slot('HF01', zonedToUtc('2025-06-01', '10:00'))).toBe(250_000);
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
