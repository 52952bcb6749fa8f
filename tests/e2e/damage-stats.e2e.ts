import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { DamageRecord, StatReport, StatReportHeader } from '../../core/contract/damage';
import type { EvacExport, PersonRow } from '../../core/contract/evac';
import type { EventRecord } from '../../core/contract/system';
import type { Actor } from '../../db/platform/context';
import { tempDir } from '../support/tempdir';
import { startE2E, type E2E } from './harness';

const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Which register figure each row of the national table adds up (《自然灾害情况统计调查制度》). */
const FROM_REGISTER: Record<string, string> = {
  dead: 'people_dead',
  missing: 'people_missing',
  collapsed_households: 'houses_collapsed_households',
  collapsed_rooms: 'houses_collapsed_rooms',
  severe_households: 'houses_severe_households',
  severe_rooms: 'houses_severe_rooms',
  slight_households: 'houses_slight_households',
  slight_rooms: 'houses_slight_rooms',
  crops_affected_ha: 'crops_affected_ha',
  crops_lost_ha: 'crops_lost_ha',
};

const TEXT = {
  'zh-CN': { toEnter: '待填报', title: '自然灾害情况统计快报表', initial: '初报', update: '续报', loss: '直接经济损失', affected: '受灾人口', sheet: '统计快报' },
  en: { toEnter: 'To be entered', title: 'Natural disaster statistics quick report', initial: 'Initial report', update: 'Update', loss: 'Direct economic loss', affected: 'People affected', sheet: 'Statistics report' },
} as const;

/**
 * What the records say, worked out here from the register and the evacuation lists as any reader
 * of the API would: sums of the standing records, everyone moved, and everyone placed in a shelter
 * or with relatives (紧急转移安置) at least once.
 */
function expectedFigures(e2e: E2E, eventId: string): { figures: Record<string, string>; lossRecords: number } {
  const records = call<{ rows: DamageRecord[] }>(e2e, 'damage.list', { eventId, limit: 500 }).rows;
  const figures: Record<string, string> = {};
  for (const [row, indicator] of Object.entries(FROM_REGISTER)) {
    const sum = records.reduce((total, r) => total + ((r.quantities as Record<string, number>)[indicator] ?? 0), 0);
    figures[row] = String(Math.round(sum * 100) / 100);
  }
  figures.direct_loss_wan = String(Math.round(records.reduce((total, r) => total + r.lossWan, 0) * 10_000) / 10_000);
  const people = call<{ rows: PersonRow[]; total: number }>(e2e, 'evac.listPeople', { eventId, limit: 100_000 });
  const ids = new Set(people.rows.map((p) => p.id));
  const movements = call<EvacExport>(e2e, 'evac.exportData', { eventId }).movements;
  const placed = new Set(movements.filter((m) => ids.has(m.personId) && ['check_in', 'transfer', 'dispersed'].includes(m.kind)).map((m) => m.personId));
  figures.relocated = String(placed.size);
  figures.moved_precaution = String(people.total);
  return { figures, lossRecords: records.filter((r) => r.lossWan > 0).length };
}

for (const lang of ['zh-CN', 'en'] as const) {
  const text = TEXT[lang];
  describe(`the statistics quick report in Chromium (${lang})`, () => {
    let e2e: E2E;
    let open: EventRecord;
    const downloads = tempDir('flooddesk-e2e-stats-');
    beforeAll(async () => {
      e2e = await startE2E({ lang, theme: 'dark', viewport: { width: 1440, height: 1200 } });
      open = call<EventRecord[]>(e2e, 'events.list', {}).find((e) => e.endedAtMs === null)!;
    });
    afterAll(async () => {
      await e2e?.close();
      downloads.remove();
    });

    const row = (id: string) => e2e.page.locator(`[data-testid="dmg-stat-row"][data-row="${id}"]`);

    it('drafts every figure as the records give it, and opens the records behind one', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/damage/stats`);
      await page.getByTestId('dmg-stat-table').waitFor();
      expect(await page.getByTestId('dmg-event').inputValue()).toBe(open.id);
      const { figures, lossRecords } = expectedFigures(e2e, open.id);
      expect(Number(figures.moved_precaution)).toBeGreaterThan(0);
      expect(Number(figures.direct_loss_wan)).toBeGreaterThan(0);
      for (const [id, value] of Object.entries(figures)) expect(await row(id).getByTestId('dmg-stat-value').textContent(), id).toBe(value);
      // Hand-entered rows say they are still to be entered, never 0.
      for (const id of ['affected_people', 'needing_aid']) expect(await row(id).getByTestId('dmg-stat-value').textContent()).toBe(text.toEnter);
      // The evacuation figures lead to the event's list of evacuees.
      expect(await row('relocated').getByTestId('dmg-stat-value').getAttribute('href')).toBe(`#/evac/people/${open.id}`);

      await row('direct_loss_wan').getByTestId('dmg-stat-value').click();
      await expect.poll(() => page.getByTestId('dmg-behind-row').count()).toBe(lossRecords);
      await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
      await e2e.screenshot(`damage-stats-${lang}-dark`);
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('light');
      await e2e.screenshot(`damage-stats-${lang}-light`);
      await page.getByTestId('theme-toggle').click();
    });

    it('edits a figure only with a reason, enters a hand row, and saves 初报 then 续报', async () => {
      const { page } = e2e;
      const loss = row('direct_loss_wan');
      const computed = Number(await loss.getByTestId('dmg-stat-value').textContent());
      await loss.getByTestId('dmg-stat-edit').click();
      await loss.getByTestId('dmg-stat-edit-value').fill(String(computed + 1));
      await loss.getByTestId('dmg-stat-edit-apply').click();
      // Without a reason the browser keeps the editor open: nothing applied.
      expect(await loss.getAttribute('data-edited')).toBeNull();
      await loss.getByTestId('dmg-stat-edit-reason').fill('社区补报围墙修复费用');
      await loss.getByTestId('dmg-stat-edit-apply').click();
      await expect.poll(() => loss.getAttribute('data-edited')).toBe('true');
      expect(await loss.getByTestId('dmg-stat-value').textContent()).toBe(String(computed + 1));
      expect(await loss.getByTestId('dmg-stat-edit-note').textContent()).toContain(String(computed));

      const affected = row('affected_people');
      await affected.getByTestId('dmg-stat-edit').click();
      await affected.getByTestId('dmg-stat-edit-value').fill('56');
      await affected.getByTestId('dmg-stat-edit-value').press('Enter');
      await expect.poll(() => affected.getByTestId('dmg-stat-value').textContent()).toBe('56');
      expect(await page.getByTestId('dmg-stat-description').inputValue()).toContain(lang === 'zh-CN' ? '直接经济损失' : 'direct economic loss');

      await page.getByTestId('dmg-stat-save').click();
      await expect.poll(() => page.getByTestId('dmg-stat-version').count()).toBe(1);
      await expect.poll(() => page.getByTestId('dmg-stat-stage-shown').textContent()).toBe(text.update);
      // The draft starts again from the records: the edit belonged to the version just saved.
      expect(await loss.getAttribute('data-edited')).toBeNull();
      await page.getByTestId('dmg-stat-save').click();
      await expect.poll(() => page.getByTestId('dmg-stat-version').count()).toBe(2);

      const kept = call<StatReportHeader[]>(e2e, 'damage.statReports', { eventId: open.id });
      expect(kept.map((k) => [k.seq, k.stage, k.edits])).toEqual([
        [1, 'initial', 1],
        [2, 'update', 0],
      ]);
      const first = call<StatReport>(e2e, 'damage.statReport', { id: kept[0].id });
      expect(first.rows.find((r) => r.row === 'direct_loss_wan')).toMatchObject({ computed, reported: computed + 1, reason: '社区补报围墙修复费用' });
      expect(first.rows.find((r) => r.row === 'affected_people')).toMatchObject({ computed: null, reported: 56 });

      // A second 初报 is refused before it is sent, in the reader's language.
      await page.getByTestId('dmg-stat-stage').selectOption('initial');
      await expect.poll(() => page.getByTestId('dmg-stat-refusal').textContent()).toContain(lang === 'zh-CN' ? '该事件已报送初报' : 'already has its initial report');
      expect(await page.getByTestId('dmg-stat-save').isDisabled()).toBe(true);
      // A 核报 flags the loss: none of the records behind it has been verified.
      const records = call<{ rows: DamageRecord[] }>(e2e, 'damage.list', { eventId: open.id, limit: 500 }).rows;
      expect(records.filter((r) => r.lossWan > 0).every((r) => r.status !== 'verified')).toBe(true);
      await page.getByTestId('dmg-stat-stage').selectOption('final');
      await row('direct_loss_wan').getByTestId('dmg-stat-unverified').waitFor();
      expect(await row('dead').getByTestId('dmg-stat-unverified').count()).toBe(0);
      await page.getByTestId('dmg-stat-stage').selectOption('update');
    });

    it('opens the 初报 read-only with its edit, exports it as XLSX that reads back the same, and prints it on A4', async () => {
      const { page } = e2e;
      await page.getByTestId('dmg-stat-version').first().getByRole('button').click();
      await page.getByTestId('dmg-stat-viewing').waitFor();
      expect(await page.getByTestId('dmg-stat-edit').count()).toBe(0);
      expect(await row('direct_loss_wan').getAttribute('data-edited')).toBe('true');
      expect(await page.getByTestId('dmg-stat-stage-shown').textContent()).toBe(text.initial);

      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dmg-stat-xlsx').click()]);
      const path = join(downloads.path, file.suggestedFilename());
      await file.saveAs(path);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet(text.sheet)!;
      const rows = (sheet.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
      expect(rows[0][0]).toBe(text.title);
      const kept = call<StatReportHeader[]>(e2e, 'damage.statReports', { eventId: open.id });
      const first = call<StatReport>(e2e, 'damage.statReport', { id: kept[0].id });
      const lossRow = rows.find((r) => r[0] === text.loss)!;
      expect(lossRow[2]).toBe(first.rows.find((r) => r.row === 'direct_loss_wan')!.reported);
      expect(String(lossRow[3])).toContain('社区补报围墙修复费用');
      expect(rows.find((r) => r[0] === text.affected)![2]).toBe(56);
      const needing = first.rows.find((r) => r.row === 'needing_aid')!;
      expect(needing.reported).toBeNull();
      expect(rows.some((r) => r[2] === text.toEnter)).toBe(true);
      for (const figure of first.rows.filter((r) => r.reported !== null)) expect(rows.some((r) => r[2] === figure.reported), figure.row).toBe(true);

      await page.emulateMedia({ media: 'print' });
      const print = page.getByTestId('dmg-stat-print');
      expect(await print.isVisible()).toBe(true);
      expect(await page.getByTestId('dmg-stat-table').isVisible()).toBe(false);
      expect(await print.locator('h1').textContent()).toBe(text.title);
      const { general } = call<{ general: { unitName: string; unitNameEn: string } }>(e2e, 'settings.get', {});
      expect(await print.textContent()).toContain(lang === 'en' ? general.unitNameEn || general.unitName : general.unitName);
      await e2e.screenshot(`damage-stats-print-${lang}`);
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('dmg-stat-back').click();
      await page.getByTestId('dmg-stat-save').waitFor();
    });

    it("quotes the latest kept version's figures in the post-storm summary, naming the version", async () => {
      const { page } = e2e;
      const kept = call<StatReportHeader[]>(e2e, 'damage.statReports', { eventId: open.id });
      const latest = call<StatReport>(e2e, 'damage.statReport', { id: kept.at(-1)!.id });
      await page.locator('nav a[data-section="reports"]').click();
      const damage = page.getByTestId('reports-damage');
      await damage.waitFor({ timeout: 30_000 });
      const said = (await damage.textContent())!;
      expect(said).toContain(lang === 'zh-CN' ? `第2版${text.update}` : `version 2, ${text.update}`);
      const loss = latest.rows.find((r) => r.row === 'direct_loss_wan')!.reported;
      expect(said).toContain(lang === 'zh-CN' ? `直接经济损失${loss}万元` : `direct economic loss ${loss} (10k yuan)`);
      expect(await page.getByTestId('reports-draft').inputValue()).toContain(said);

      // The evacuation figures open the event's evacuee list.
      await page.locator('nav a[data-section="damage"]').click();
      await page.locator('.hz-tabs a[data-tab="stats"]').click();
      await row('relocated').getByTestId('dmg-stat-value').click();
      await expect.poll(() => page.getByTestId('evac-tab-people').getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.getByTestId('evac-event').inputValue()).toBe(open.id);
      await page.getByTestId('filter-status').waitFor();
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
