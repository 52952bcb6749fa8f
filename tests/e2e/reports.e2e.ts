import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { EvacDashboard } from '../../core/contract/evac';
import type { RainSummary } from '../../core/contract/rain';
import type { EventRecord } from '../../core/contract/system';
import { formatLocal } from '../../core/time';
import { tempDir } from '../support/tempdir';
import { startE2E, type E2E } from './harness';

const ACTOR = { id: 'e2e', name: 'e2e', role: 'admin' as const };
const ZONE = 'Asia/Shanghai';

function read<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const withoutStop = (s: string) => s.replace(/[。.]$/, '');

/**
 * The summary drafted from the demo records in Chromium: the evacuation and rain sentences are
 * read from the backend here and must appear in the draft; a period without records says so.
 */
for (const lang of ['zh-CN', 'en'] as const) {
  describe(`reports in Chromium (${lang})`, () => {
    let e2e: E2E;
    let open: EventRecord;
    const nowMs = Date.now();
    const downloads = tempDir('flooddesk-e2e-reports-');
    beforeAll(async () => {
      e2e = await startE2E({ lang, theme: 'dark', clock: () => nowMs, viewport: { width: 1440, height: 1500 } });
      const events = read<EventRecord[]>(e2e, 'events.list', {});
      open = events.find((e) => e.endedAtMs === null)!;
    });
    afterAll(async () => {
      await e2e?.close();
      downloads.remove();
    });

    async function download(testId: string): Promise<{ name: string; bytes: Buffer }> {
      const [file] = await Promise.all([e2e.page.waitForEvent('download'), e2e.page.getByTestId(testId).click()]);
      const path = join(downloads.path, file.suggestedFilename());
      await file.saveAs(path);
      return { name: file.suggestedFilename(), bytes: readFileSync(path) };
    }

    it('drafts the open event from the records, with the evac and rain sentences and their figures', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/reports`);
      const draft = page.getByTestId('reports-draft');
      await expect.poll(() => draft.inputValue(), { timeout: 30_000 }).not.toBe('');
      expect(await page.getByTestId('reports-event').inputValue()).toBe(open.id);

      const evac = read<EvacDashboard>(e2e, 'evac.dashboard', { eventIds: [open.id] });
      expect(evac.movedPeople).toBeGreaterThan(0);
      const text = await draft.inputValue();
      // zh-CN drafts in Chinese; English drafts both, Chinese first (the report is filed in Chinese).
      expect(text).toContain(`共转移 ${evac.movedPeople} 人`);
      expect(text).toContain(withoutStop(evac.summary.zh));
      if (lang === 'en') {
        expect(text).toContain(`${evac.movedPeople} people were evacuated`);
        expect(text).toContain(withoutStop(evac.summary.en));
        expect(text.indexOf('一、雨水情')).toBeLessThan(text.indexOf('1. Rain and water'));
      } else {
        expect(text).not.toContain('1. Rain and water');
      }
      const order = ['一、雨水情', '二、防御准备', '三、值班值守', '四、应急处置', '五、存在问题', '六、下一步工作'].map((h) => text.indexOf(h));
      expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);

      const rain = read<RainSummary>(e2e, 'rain.summary', {
        fromDay: formatLocal(open.startedAtMs, 'yyyy-MM-dd', ZONE),
        toDay: formatLocal(nowMs, 'yyyy-MM-dd', ZONE),
        period: 'report',
      });
      expect(rain.sentence.zh).not.toBe('');
      expect(text).toContain(rain.sentence.zh);

      const moved = page.getByTestId('reports-section-response').locator('tr', { hasText: lang === 'zh-CN' ? '转移（人）' : 'People moved' });
      expect(await moved.locator('td').textContent()).toBe(String(evac.movedPeople));
      await e2e.screenshot(`reports-${lang}-dark`);
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('light');
      await e2e.screenshot(`reports-${lang}-light`);
    });

    it('keeps an edited draft across sections, prints it on A4 and copies it', async () => {
      const { page } = e2e;
      const draft = page.getByTestId('reports-draft');
      const note = lang === 'zh-CN' ? '部分排水口堵塞，需清淤。' : 'Some drains were blocked and need clearing.';
      await draft.fill(`${await draft.inputValue()}\n${note}`);
      await page.locator('nav a[data-section="duty"]').click();
      await page.waitForSelector('main[data-section="duty"] h1');
      await page.locator('nav a[data-section="reports"]').click();
      await expect.poll(() => page.getByTestId('reports-draft').inputValue()).toContain(note);

      await page.emulateMedia({ media: 'print' });
      const sheet = page.locator('.reports-print');
      expect(await sheet.isVisible()).toBe(true);
      expect(await draft.isVisible()).toBe(false);
      expect(await sheet.locator('.reports-print-title').textContent()).toBe('防汛工作总结');
      expect(await sheet.locator('.reports-print-unit').textContent()).toBe('福田区华富街道办事处');
      expect(await sheet.locator('.reports-print-body').textContent()).toContain(note);
      await e2e.screenshot(`reports-print-${lang}`);
      await page.emulateMedia({ media: 'screen' });

      await e2e.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.app.url.replace(/\/$/, '') });
      await page.getByTestId('reports-copy').click();
      await expect.poll(() => page.getByTestId('reports-message').textContent()).toBe(lang === 'zh-CN' ? '已复制到剪贴板。' : 'Copied to the clipboard.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(note);
    });

    it('exports the edited draft as Word and its figures as a sheet that reads back the same', async () => {
      const { page } = e2e;
      const text = await page.getByTestId('reports-draft').inputValue();
      const edited = text.split('\n').filter(Boolean).at(-1)!;

      const docx = await download('reports-docx');
      expect(docx.name).toMatch(/\.docx$/);
      const xml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']);
      const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
      expect(words).toContain('福田区华富街道办事处');
      expect(words).toContain(edited);
      expect(words).toContain('附表：数据来源');
      const evac = read<EvacDashboard>(e2e, 'evac.dashboard', { eventIds: [open.id] });
      expect(words).toMatch(new RegExp(`转移（人）\n${evac.movedPeople}\n`));

      const xlsx = await download('reports-xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const figures = book.getWorksheet('数据')!;
      const rows = figures.getSheetValues().filter(Boolean) as unknown[][];
      const moved = rows.find((r) => r[2] === '转移（人）');
      expect(moved?.[3]).toBe(evac.movedPeople);
      const shown = await page.getByTestId('reports-section-prep').locator('td').allTextContents();
      const prep = rows.filter((r) => r[1] === '二、防御准备').map((r) => String(r[3]));
      expect(prep).toEqual(shown.map((v) => (v === '无记录' || v === 'no record' ? '无记录' : v)));
      await expect.poll(() => page.getByTestId('reports-message').textContent()).toContain(xlsx.name);
    });

    it('says plainly when a date range has no records, and refuses a reversed range', async () => {
      const { page } = e2e;
      await page.locator('input[name="mode"][value="range"]').check();
      await page.getByTestId('reports-from').fill('2020-03-01');
      await page.getByTestId('reports-to').fill('2020-02-01');
      expect(await page.getByTestId('reports-build').isDisabled()).toBe(true);
      await page.getByRole('alert').filter({ hasText: lang === 'zh-CN' ? '结束日期不能早于开始日期' : 'must not be before' }).waitFor();
      await page.getByTestId('reports-to').fill('2020-03-07');
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByTestId('reports-build').click();
      const draft = page.getByTestId('reports-draft');
      await expect.poll(() => draft.inputValue(), { timeout: 30_000 }).toContain('2020-03-01 至 2020-03-07');
      const text = await draft.inputValue();
      expect(text).toContain('期间无雨量和水位记录。');
      expect(text).toContain('期间无转移安置记录。');
      expect(text).toContain('期间无隐患检查、巡查和整改记录。');
      expect(text).not.toMatch(/共转移 \d+ 人/);
      const cell = page.getByTestId('reports-section-rain').locator('tr', { hasText: lang === 'zh-CN' ? '面雨量' : 'Area rainfall' }).locator('td');
      expect(await cell.textContent()).toBe(lang === 'zh-CN' ? '无记录' : 'no record');
      await e2e.screenshot(`reports-empty-${lang}-light`);
    });

    it('had no page errors', () => {
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
