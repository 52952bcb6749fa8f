import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord, SystemStatus } from '../../core/contract/system';
import type { Actor } from '../../db/platform/context';
import { startE2E, type E2E } from './harness';

const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };

const TEXT = {
  'zh-CN': { name: '2023年第9号台风“苏拉”', conflict: '记录已被他人修改', linked: '台风' },
  en: { name: 'Typhoon Saola (2309)', conflict: 'Someone else changed this record', linked: 'Typhoon' },
} as const;

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/**
 * Every item of the status bar on one line (their tops differ by less than a line) and inside the
 * window: 0 when it is, else how far it is off.
 */
async function statusBarLines(e2e: E2E): Promise<number> {
  return e2e.page.evaluate(() => {
    const bar = document.querySelector('.status-bar')!;
    const boxes = Array.from(bar.children).map((c) => c.getBoundingClientRect());
    const tops = boxes.map((b) => b.top);
    const overflow = Math.max(0, ...boxes.map((b) => b.right - window.innerWidth));
    return Math.max(...tops) - Math.min(...tops) + overflow;
  });
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`events in Chromium (${lang})`, () => {
    let e2e: E2E;
    let saola: EventRecord;
    const text = TEXT[lang];
    beforeAll(async () => {
      e2e = await startE2E({ lang, theme: 'dark', viewport: { width: 1366, height: 768 } });
    });
    afterAll(async () => {
      await e2e?.close();
    });

    const findSaola = () => call<EventRecord[]>(e2e, 'events.list', {}).find((e) => e.typhoonNumber === 9)!;

    it('creates typhoon 2023 No. 9 Saola by keyboard and shows it in the status bar, on one line', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/events`);
      await page.getByTestId('event-new').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="event-form"] select[name="kind"]:focus');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('2023');
      await page.keyboard.press('Tab');
      await page.keyboard.type('9');
      await page.keyboard.press('Tab');
      await page.keyboard.type('苏拉');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Saola');
      await expect.poll(() => page.getByTestId('event-preview').textContent()).toContain('2023年第9号台风“苏拉” / Typhoon Saola (2309)');
      await page.keyboard.press('Enter');

      await expect.poll(() => page.getByTestId('status-event').textContent()).toContain(text.name);
      saola = findSaola();
      expect(saola).toMatchObject({ kind: 'typhoon', name: '苏拉', nameEn: 'Saola', typhoonYear: 2023, typhoonNumber: 9, endedAtMs: null });
      expect(call<SystemStatus>(e2e, 'system.status', {}).openEvent?.id).toBe(saola.id);
      expect(await page.getByTestId('event-row').first().textContent()).toContain(text.name);
      await e2e.screenshot(`events-${lang}-dark`);
      expect(await statusBarLines(e2e)).toBeLessThan(8);
      await page.getByTestId('theme-toggle').click();
      await e2e.screenshot(`events-${lang}-light`);
      expect(await statusBarLines(e2e)).toBeLessThan(8);
      await page.getByTestId('theme-toggle').click();
    });

    it('opens the event page from the status bar, lists its warnings and response, and saves an edit', async () => {
      const { page } = e2e;
      call(e2e, 'duty.issueWarning', { type: 'typhoon', colour: 'blue', issuedBy: '区气象台', eventId: saola.id });
      call(e2e, 'duty.declareResponse', { level: 4, declaredBy: '区防指', eventId: saola.id });
      await page.goto(`${e2e.app.url}#/duty/log`);
      await page.getByTestId('status-event').click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/duty/events');
      await expect.poll(() => page.getByTestId('event-links').textContent()).toContain(text.linked);
      expect(await page.locator('[data-testid="event-links"] .pill').count()).toBe(2);

      await page.locator('[data-testid="event-form"] textarea[name="notes"]').fill('防台风Ⅳ级应急响应');
      await page.getByTestId('event-save').click();
      await expect.poll(() => findSaola().notes).toBe('防台风Ⅳ级应急响应');
      expect(findSaola().version).toBe(2);
      await page.getByTestId('event-links').scrollIntoViewIfNeeded();
      await e2e.screenshot(`events-links-${lang}-dark`);
      // Two warnings in force now, and still one line.
      expect(await statusBarLines(e2e)).toBeLessThan(8);
    });

    it('refuses a save over another desk’s change with the banner, keeping what was typed', async () => {
      const { page } = e2e;
      await page.locator(`[data-testid="event-row"][data-event-id="${saola.id}"]`).click();
      const current = findSaola();
      call(e2e, 'events.update', { id: saola.id, patch: { notes: '另一台电脑的修改' }, expectedVersion: current.version });
      const nameEn = page.locator('[data-testid="event-form"] input[name="nameEn"]');
      await nameEn.fill('Saola (typed here)');
      await page.getByTestId('event-save').click();
      await expect.poll(() => page.locator('.error-banner[data-error-key="errors.conflict"]').textContent()).toContain(text.conflict);
      expect(await nameEn.inputValue()).toBe('Saola (typed here)');
      expect(findSaola()).toMatchObject({ nameEn: 'Saola', notes: '另一台电脑的修改' });
      await e2e.screenshot(`events-conflict-${lang}-dark`);
      await page.locator('.error-banner button').click();
    });

    it('defaults the duty log form to the open event, closes the event after asking, and filters the log by it', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/log`);
      await expect.poll(() => page.getByTestId('log-event').inputValue()).toBe(saola.id);

      await page.goto(`${e2e.app.url}#/duty/events`);
      await page.locator(`[data-testid="event-row"][data-event-id="${saola.id}"]`).click();
      await page.getByTestId('event-close').click();
      await page.waitForSelector('[data-testid="event-close-do"]:focus');
      await page.keyboard.press('Enter');
      await expect.poll(() => findSaola().endedAtMs).not.toBeNull();
      await expect.poll(async () => (await page.getByTestId('status-event').textContent()) ?? '').not.toContain(text.name);

      await page.goto(`${e2e.app.url}#/duty/log`);
      const filter = page.getByTestId('log-event-filter');
      expect(await filter.locator(`option[value="${saola.id}"]`).textContent()).toBe(text.name);
      await filter.selectOption(saola.id);
      // The warning and the response were written to the log under the event; the demo's calls are not.
      // Polled as one condition: until the filter lands, the unfiltered log also holds the warning row.
      const filtered = async () => {
        const rows = await page.getByTestId('log-row').allTextContents();
        return rows.some((row) => row.includes('收到台风')) && rows.every((row) => /预警|响应|启动/.test(row));
      };
      await expect.poll(filtered).toBe(true);
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
