import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyPersonRecord, HandoverView, IncidentView, LogEntry, NamedConflict, RotaChangeRecord, RotaMonthView, RotaProposal } from '../../core/contract/dutyShared';
import type { SystemStatus } from '../../core/contract/system';
import type { Actor } from '../../db/platform/context';
import { startE2E, type E2E } from './harness';

/** The duty desk's hand edits in Chromium: one rota day, the handover draft, an incident from a call, the printed rota. */

const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };

const TEXT = {
  'zh-CN': { duplicate: '同一人重复排班', noConflicts: '无冲突', save: '保存修改', saveDraft: '保存草稿', goto: '去报告' },
  en: { duplicate: 'the same person twice', noConflicts: 'No conflicts', save: 'Save changes', saveDraft: 'Save draft', goto: 'Go to reports' },
} as const;

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** A saved day with two officers and someone who could take the first officer's place without any conflict. */
function editableDay(e2e: E2E, view: RotaMonthView): { day: RotaMonthView['days'][number]; replacement: DutyPersonRecord } {
  const people = call<DutyPersonRecord[]>(e2e, 'duty.listPeople', {}).filter((p) => p.active && p.roles.includes('officer'));
  for (const day of view.days.slice(9)) {
    if (!day.leader || day.officers.length !== 2) continue;
    for (const person of people) {
      const edited = { date: day.date, leaderId: day.leader.personId, officerIds: [person.id, day.officers[1].personId], backupId: day.backup?.personId };
      if (person.id !== day.officers[0].personId && !call<NamedConflict[]>(e2e, 'duty.checkRota', { days: [edited] }).length) return { day, replacement: person };
    }
  }
  throw new Error('no day in the demo rota that one officer could take over');
}

const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate();
const nextMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 1)).toISOString().slice(0, 7);

/** The picture in the night theme and in the day theme, leaving the page in the night theme. */
async function bothThemes(e2e: E2E, name: string): Promise<void> {
  // The app scrolls inside <main>, so a tall window is what gets the whole panel into the picture.
  await e2e.page.setViewportSize({ width: 1440, height: 1500 });
  for (const theme of ['dark', 'light'] as const) {
    if ((await e2e.page.getAttribute('html', 'data-theme')) !== theme) await e2e.page.getByTestId('theme-toggle').click();
    await e2e.screenshot(`${name}-${theme}`);
  }
  await e2e.page.getByTestId('theme-toggle').click();
  await e2e.page.setViewportSize({ width: 1440, height: 900 });
}

const activeData = (e2e: E2E, attribute: string) => e2e.page.evaluate((name) => document.activeElement?.getAttribute(name) ?? null, attribute);

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`duty desk hand edits in Chromium (${lang})`, () => {
    let e2e: E2E;
    const text = TEXT[lang];
    beforeAll(async () => {
      e2e = await startE2E({ lang });
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('edits one rota day by keyboard, showing conflicts before saving and keeping the original', async () => {
      const { page } = e2e;
      const month = call<SystemStatus>(e2e, 'system.status', {}).dutyDay.slice(0, 7);
      await page.goto(`${e2e.app.url}#/duty/rota`);
      await page.getByTestId('rota-table').waitFor();
      const { day, replacement } = editableDay(e2e, call<RotaMonthView>(e2e, 'duty.rotaMonth', { month }));
      const editButton = page.locator(`[data-testid="rota-edit-day"][data-date="${day.date}"]`);

      // Escape closes the form and gives focus back to the day's edit button.
      await editButton.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('day-edit').waitFor();
      expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('leader');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('day-edit').count()).toBe(0);
      expect(await activeData(e2e, 'data-date')).toBe(day.date);

      await page.keyboard.press('Enter');
      await page.getByTestId('day-edit').waitFor();
      await page.selectOption('select[name="officer1"]', day.officers[1].personId);
      await expect.poll(() => page.getByTestId('day-edit-conflicts').textContent()).toContain(text.duplicate);
      expect(await page.getByRole('button', { name: text.save }).isDisabled()).toBe(true);
      await page.selectOption('select[name="officer1"]', replacement.id);
      await expect.poll(() => page.getByTestId('day-edit-conflicts').textContent()).toContain(text.noConflicts);
      await bothThemes(e2e, `duty-rota-day-edit-${lang}`);
      await page.focus('input[name="reason"]');
      await page.keyboard.type(`借调防指 ${lang}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('day-edit').count()).toBe(0);
      expect(await page.getByTestId('rota-notice').textContent()).toContain(day.date);
      expect(await activeData(e2e, 'data-date')).toBe(day.date);

      const saved = call<RotaMonthView>(e2e, 'duty.rotaMonth', { month }).days.find((d) => d.date === day.date)!;
      expect(saved.officers.map((o) => o.personId)).toEqual([replacement.id, day.officers[1].personId]);
      const changes = call<RotaChangeRecord[]>(e2e, 'duty.rotaChanges', { from: day.date, to: day.date });
      expect(changes.map((c) => [c.fromName, c.toName, c.reason])).toEqual([[day.officers[0].name, replacement.name, `借调防指 ${lang}`]]);
      await expect.poll(() => page.getByTestId('rota-changes').textContent()).toContain(`借调防指 ${lang}`);
      const original = e2e.app.db.prepare('SELECT person_id FROM duty_assignments WHERE date = ? AND superseded_by IS NOT NULL').pluck().all(day.date);
      expect(original).toEqual([day.officers[0].personId]);
    });

    it('prints a 31-day month on one A4 landscape page with the unit, the signature line and no controls', async () => {
      const { page } = e2e;
      const status = call<SystemStatus>(e2e, 'system.status', {});
      let month = status.dutyDay.slice(0, 7);
      let steps = 0;
      while (daysIn(month) < 31) [month, steps] = [nextMonth(month), steps + 1];
      const proposal = call<RotaProposal>(e2e, 'duty.generateRota', { from: `${month}-01`, to: `${month}-31` });
      call(e2e, 'duty.saveRota', { days: proposal.days, source: 'generated', reason: 'e2e', allowIncomplete: true });
      await page.goto(`${e2e.app.url}#/duty/rota`);
      await page.getByTestId('rota-table').waitFor();
      for (let i = 0; i < steps; i++) await page.getByLabel(lang === 'zh-CN' ? '下个月' : 'Next month').click();
      await expect.poll(() => page.getByTestId('rota-month').textContent()).toBe(month);
      await expect.poll(() => page.locator('[data-testid="rota-table"] tbody tr').count()).toBe(31);
      // The page's printable width (297 mm less 2 × 12 mm margins at 96 px/in), so the picture is the paper's layout.
      await page.setViewportSize({ width: 1032, height: 703 });
      await page.emulateMedia({ media: 'print' });
      try {
        const title = page.locator('#rota-title');
        expect(await title.isVisible()).toBe(true);
        expect(await title.textContent()).toContain(status.unitName);
        expect(await page.locator('.rota-print .signature-line').isVisible()).toBe(true);
        for (const hidden of ['.top-bar', '.status-bar', '.duty-tabs', '.duty-rota .toolbar', '[data-testid="fairness-table"]', '[data-testid="rota-edit-day"]']) {
          expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
        }
        // Names stay (they are the rota); every other control is gone from paper.
        const visibleControls = await page.evaluate(
          () => Array.from(document.querySelectorAll('button, input, select, textarea, a')).filter((el) => (el as HTMLElement).offsetParent !== null && !el.classList.contains('rota-person')).length,
        );
        expect(visibleControls).toBe(0);
        const pageRule = await page.evaluate(() => {
          const rules = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules));
          const inPrint = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText.includes('print')).flatMap((r) => Array.from(r.cssRules));
          return inPrint.filter((r): r is CSSPageRule => r instanceof CSSPageRule).map((r) => r.style.getPropertyValue('size'));
        });
        expect(pageRule.map((size) => size.toLowerCase())).toContain('a4 landscape');
        await e2e.screenshot(`duty-rota-print-${lang}`);

        const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: false })).toString('latin1');
        const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
        expect(boxes.length).toBeGreaterThan(0);
        // A4 landscape is 297 × 210 mm: 842 × 595 points.
        for (const [width, height] of boxes) {
          expect(Math.round(width)).toBe(842);
          expect(Math.round(height)).toBe(595);
        }
        expect(boxes.length).toBe(1);
      } finally {
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1440, height: 900 });
      }
    });

    it('keeps the handover draft across a reload until it is signed, then freezes it', async () => {
      const { page } = e2e;
      const note = `补充：北环路涵洞仍有积水 ${lang}`;
      await page.goto(`${e2e.app.url}#/duty/handover`);
      await page.getByTestId('handover-sections').waitFor();
      await page.focus('textarea[name="handoverText"]');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(`\n${note}`);
      await page.getByRole('button', { name: text.saveDraft }).click();
      const handoverLang = lang === 'en' ? 'en' : 'zh';
      await expect.poll(() => call<HandoverView>(e2e, 'duty.handover', { lang: handoverLang }).savedDraft?.text ?? '').toContain(note);
      const { savedBy } = call<HandoverView>(e2e, 'duty.handover', { lang: handoverLang }).savedDraft!;
      await expect.poll(() => page.getByTestId('handover-draft-status').textContent()).toContain(savedBy);

      await page.reload();
      await page.getByTestId('handover-sections').waitFor();
      await expect.poll(() => page.inputValue('textarea[name="handoverText"]')).toContain(note);
      const view = call<HandoverView>(e2e, 'duty.handover', { lang: handoverLang });

      await bothThemes(e2e, `duty-handover-draft-${lang}`);
      await page.getByTestId('handover-sign').click();
      await expect.poll(() => page.getByTestId('handover-text').textContent()).toContain(note);
      expect(await page.getByTestId('handover-save-draft').count()).toBe(0);
      const refused = e2e.app.dispatcher.call('duty.saveHandoverDraft', { outgoingDay: view.outgoingDay, text: '签字后再改', expectedVersion: view.savedDraft!.version }, ACTOR);
      expect(refused.ok ? null : refused.error.key).toBe('errors.duty.handoverSigned');
    });

    it('opens an incident from a log entry, prefilled, linked, with the clock from the call', async () => {
      const { page } = e2e;
      const entry = call<LogEntry>(e2e, 'duty.logEntry', {
        channel: 'phone',
        fromUnit: '笋岗社区',
        fromName: '张站长',
        content: `笋岗西路下穿通道积水约40厘米 ${lang}，一辆小车熄火`,
        actionTaken: '已通知交警封闭通道',
      });
      await page.goto(`${e2e.app.url}#/duty/log`);
      await page.fill('input[name="query"]', `积水约40厘米 ${lang}`);
      await expect.poll(() => page.getByTestId('log-row').count()).toBe(1);
      await page.getByTestId('log-row').first().click();
      await page.getByTestId('log-detail').waitFor();
      await page.getByTestId('log-open-incident').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('log-incident-form').waitFor();
      expect(await page.inputValue('input[name="incidentTitle"]')).toBe(`笋岗西路下穿通道积水约40厘米 ${lang}`);
      expect(await page.inputValue('textarea[name="incidentSummary"]')).toContain('已通知交警封闭通道');
      await page.keyboard.press('Enter');
      await page.getByTestId('log-incident-linked').waitFor();
      await bothThemes(e2e, `duty-log-incident-${lang}`);

      const incidents = call<IncidentView[]>(e2e, 'duty.logEntryIncidents', { entryId: entry.entryId });
      expect(incidents.map((i) => [i.title, i.receivedAtMs, i.due?.stage])).toEqual([[`笋岗西路下穿通道积水约40厘米 ${lang}`, entry.receivedAtMs, 'initial']]);
      await page.getByRole('link', { name: text.goto }).click();
      await expect.poll(() => page.locator('[data-duty-tab="incidents"]').textContent()).toContain(`笋岗西路下穿通道积水约40厘米 ${lang}`);
    });

    it('had no uncaught page errors', () => {
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
