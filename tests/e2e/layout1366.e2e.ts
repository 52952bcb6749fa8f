import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Actor } from '../../db/platform/context';
import { startE2E, type E2E } from './harness';

/**
 * The duty room's laptops are 1366×768: every form's save button, and the buttons of a
 * confirmation a save asks for, must be on screen as the form opens, without scrolling.
 */

const VIEWPORT = { width: 1366, height: 768 };
const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };

interface Form {
  name: string;
  hash: (e2e: E2E) => string;
  /** Whatever must happen after the hash to show the form. */
  open?: (page: Page) => Promise<void>;
  save: string;
}

function firstPointId(e2e: E2E): string {
  return e2e.app.db.prepare('SELECT id FROM hazard_points WHERE deleted_at IS NULL ORDER BY seq LIMIT 1').pluck().get() as string;
}

const FORMS: Form[] = [
  { name: 'duty log', hash: () => '#/duty/log', save: '[data-testid="log-form"] button[type="submit"]' },
  { name: 'handover', hash: () => '#/duty/handover', save: '[data-testid="handover-sign"]' },
  { name: 'event', hash: () => '#/duty/events', open: (page) => page.getByTestId('event-new').click(), save: '[data-testid="event-save"]' },
  { name: 'duty settings', hash: () => '#/duty/settings', save: 'main form button[type="submit"].primary' },
  { name: 'hazard point', hash: () => '#/hazards/new', save: '[data-testid="hz-save-point"]' },
  { name: 'inspection', hash: (e2e) => `#/hazards/${firstPointId(e2e)}/inspect`, save: '[data-testid="hz-save-inspection"]' },
  { name: 'evacuation move', hash: () => '#/evac', open: (page) => page.getByTestId('evac-tab-move').click(), save: '[data-testid="move-submit"]' },
  { name: 'rain reading', hash: () => '#/rain', save: 'form.rain-manual button[type="submit"]' },
  { name: 'damage record', hash: () => '#/damage/new', save: '[data-testid="dmg-save"]' },
  { name: 'settings', hash: () => '#/settings', save: 'form[aria-labelledby="settings-general"] button[type="submit"]' },
];

/** Whether the element is drawn wholly inside the viewport (and not under the status bar). */
async function onScreen(page: Page, target: Locator): Promise<{ top: number; bottom: number; limit: number }> {
  const box = (await target.boundingBox())!;
  const bar = await page.locator('.status-bar').boundingBox();
  return { top: Math.round(box.y), bottom: Math.round(box.y + box.height), limit: Math.round(bar ? bar.y : VIEWPORT.height) };
}

async function expectOnScreen(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor();
  const { top, bottom, limit } = await onScreen(page, target);
  expect({ what, top: top >= 0, bottom: bottom <= limit }, `${what}: ${top}..${bottom}, visible to ${limit}`).toEqual({ what, top: true, bottom: true });
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`forms at 1366×768 (${lang})`, () => {
    let e2e: E2E;
    beforeAll(async () => {
      e2e = await startE2E({ lang, viewport: VIEWPORT });
      const created = e2e.app.dispatcher.call('events.create', { name: '布局台风', startedAtMs: Date.now() - 3_600_000 }, ACTOR);
      if (!created.ok) throw new Error(created.error.message);
    });
    afterAll(async () => {
      await e2e?.close();
    });

    for (const form of FORMS) {
      it(`shows the ${form.name} form's save button without scrolling`, async () => {
        const { page } = e2e;
        await page.goto(`${e2e.app.url}${form.hash(e2e)}`);
        await page.reload();
        await form.open?.(page);
        await expectOnScreen(page, page.locator(form.save).first(), form.name);
        await e2e.screenshot(`layout1366-${form.name.replace(/ /g, '-')}-${lang}`);
      });
    }

    it("shows the log's back-dating question and its answers without scrolling", async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/log`);
      await page.reload();
      await page.fill('textarea[name="content"]', '补记');
      await page.fill('input[name="receivedAt"]', '2020-07-01T09:30');
      await page.click('[data-testid="log-form"] button[type="submit"]');
      const confirm = page.getByTestId('log-confirm-time');
      await confirm.waitFor();
      const buttons = await confirm.getByRole('button').all();
      expect(buttons).toHaveLength(2);
      for (const button of buttons) await expectOnScreen(page, button, 'log confirmation');
    });

    it("shows the hazard point's warnings and the save-anyway button without scrolling", async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/hazards/new`);
      await page.reload();
      // The same name at the same place as a registered point: the form warns before saving a duplicate.
      const twin = e2e.app.db.prepare('SELECT name, lat, lng FROM hazard_points WHERE deleted_at IS NULL ORDER BY seq LIMIT 1').get() as { name: string; lat: number; lng: number };
      await page.fill('input[name="name"]', twin.name);
      await page.fill('input[name="lat"]', String(twin.lat));
      await page.fill('input[name="lng"]', String(twin.lng));
      await page.getByTestId('hz-save-point').click();
      await expect.poll(() => page.getByTestId('hz-save-point').textContent()).toBe(lang === 'zh-CN' ? '已核对，仍然保存' : 'Checked, save anyway');
      await expectOnScreen(page, page.getByTestId('hz-save-point'), 'save anyway');
    });

    it("shows the event's closing question and its answers without scrolling", async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/events`);
      await page.reload();
      await page.getByTestId('event-row').first().click();
      await page.getByTestId('event-close').click();
      const confirm = page.getByTestId('event-close-confirm');
      await confirm.waitFor();
      const buttons = await confirm.getByRole('button').all();
      expect(buttons).toHaveLength(2);
      for (const button of buttons) await expectOnScreen(page, button, 'event close');
    });

    it('keeps the status bar on one line with two warnings and a long event name, the clock on screen', async () => {
      const { page } = e2e;
      for (const [type, colour] of [['rainstorm', 'orange'], ['typhoon', 'yellow']] as const) {
        const issued = e2e.app.dispatcher.call('duty.issueWarning', { type, colour, issuedBy: '深圳市气象台' }, ACTOR);
        if (!issued.ok) throw new Error(issued.error.message);
      }
      await page.goto(`${e2e.app.url}#/duty`);
      await page.reload();
      const bar = page.locator('.status-bar');
      await expect.poll(() => bar.locator('.pill').count()).toBeGreaterThanOrEqual(3);
      const facts = await bar.evaluate((el) => {
        const tops = Array.from(el.children).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2));
        return { rows: Math.max(...tops) - Math.min(...tops), overflow: el.scrollWidth - el.clientWidth };
      });
      expect(facts, JSON.stringify(facts)).toEqual({ rows: expect.any(Number), overflow: 0 });
      expect(facts.rows).toBeLessThanOrEqual(4);
      const clock = (await bar.locator('.status-clock').boundingBox())!;
      expect(clock.x + clock.width).toBeLessThanOrEqual(VIEWPORT.width);
      await e2e.screenshot(`layout1366-status-bar-${lang}`);
    });

    it("fits the rota's duty count table and shows the rain grade badges whole", async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/rota`);
      await page.reload();
      const fairness = page.getByTestId('fairness-table');
      await fairness.waitFor();
      const table = await fairness.evaluate((el) => ({ right: Math.round(el.getBoundingClientRect().right), container: Math.round(el.parentElement!.getBoundingClientRect().right), overflow: el.parentElement!.scrollWidth - el.parentElement!.clientWidth }));
      expect(table.right, JSON.stringify(table)).toBeLessThanOrEqual(table.container);
      expect(table.overflow).toBeLessThanOrEqual(0);
      await e2e.screenshot(`layout1366-rota-${lang}`);

      await page.goto(`${e2e.app.url}#/rain`);
      await page.reload();
      const badges = page.locator('.rain-grade');
      await expect.poll(() => badges.count()).toBeGreaterThan(0);
      const cut = await badges.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent));
      expect(cut).toEqual([]);
      await e2e.screenshot(`layout1366-rain-${lang}`);
    });

    it('had no uncaught page errors', () => {
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
