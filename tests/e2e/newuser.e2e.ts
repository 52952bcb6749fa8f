import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { IncidentView } from '../../core/contract/dutyShared';
import type { EventRecord } from '../../core/contract/system';
import type { Actor } from '../../db/platform/context';
import { startE2E, type E2E } from './harness';

const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };

/** The first user's complaints (issue #14): what a new user sees on the log, the banners and the buttons. */

const TEXT = {
  'zh-CN': { confirmPast: '确认补记', cancel: '取消', idNumber: '身份证号', badId: '第 1 户第 3 人的身份证号须为 15 或 18 位', badLat: '纬度必须填写数字' },
  en: { confirmPast: 'Confirm back-dated entry', cancel: 'Cancel', idNumber: 'ID number', badId: 'Household 1, person 3: ID number must be 15 or 18 characters', badLat: 'Latitude must be a number' },
} as const;

async function logEntry(page: Page, content: string): Promise<void> {
  await page.fill('textarea[name="content"]', content);
  await page.click('[data-testid="log-form"] button[type="submit"]');
}

/** Vertical space between each pair of neighbouring rows as drawn (negative: they overlap). */
async function rowGaps(page: Page): Promise<number[]> {
  const boxes = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect()).map((b) => ({ top: b.top, bottom: b.bottom })));
  boxes.sort((a, b) => a.top - b.top);
  return boxes.slice(1).map((box, i) => Math.round(box.top - boxes[i].bottom));
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`a new user's first hour (${lang})`, () => {
    let e2e: E2E;
    let eventId: string;
    const text = TEXT[lang];
    beforeAll(async () => {
      e2e = await startE2E({ lang });
      const created = e2e.app.dispatcher.call('events.create', { name: '测试台风', startedAtMs: Date.now() - 3_600_000 }, ACTOR);
      if (!created.ok) throw new Error(created.error.message);
      eventId = (created.value as EventRecord).id;
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('keeps the log rows apart after entries of different heights are saved', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/log`);
      await page.waitForSelector('[data-testid="log-form"]');
      await expect.poll(() => page.getByTestId('log-row').count()).toBeGreaterThan(5);
      const long = Array.from({ length: 6 }, (_, i) => `第${i + 1}段：莲花路口积水漫过路牙，水深约三十厘米，已通知市政抽排并设置警示。`.repeat(3)).join('\n');
      await logEntry(page, long);
      await page.getByTestId('log-saved').waitFor();
      await expect.poll(() => page.getByTestId('log-row').first().textContent()).toContain('第6段');
      await logEntry(page, '短');
      await expect.poll(() => page.getByTestId('log-row').first().textContent()).toContain('短');
      // The list's own gap between rows is 4 px (the wrapper's padding); nothing else is allowed.
      await expect.poll(() => rowGaps(page)).toSatisfy((gaps: number[]) => gaps.length > 5 && gaps.every((gap) => gap >= 3 && gap <= 5));
      await e2e.screenshot(`newuser-log-rows-${lang}`);
    });

    it('asks before saving an entry far in the past, keeps the form on cancel and saves on confirm', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/log`);
      await page.waitForSelector('[data-testid="log-form"]');
      const content = `补记 2020 ${lang}`;
      await page.fill('input[name="receivedAt"]', '2020-07-01T09:30');
      await logEntry(page, content);
      const confirm = page.getByTestId('log-confirm-time');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('2020-07-01 09:30');
      await e2e.screenshot(`newuser-log-confirm-${lang}`);
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
      await e2e.screenshot(`newuser-log-confirm-${lang}-light`);
      await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      await confirm.getByRole('button', { name: text.cancel }).click();
      await expect.poll(() => confirm.count()).toBe(0);
      expect(await page.inputValue('textarea[name="content"]')).toBe(content);
      expect(await page.inputValue('input[name="receivedAt"]')).toBe('2020-07-01T09:30');
      const stored = () => e2e.app.db.prepare('SELECT count(*) FROM duty_log_entries WHERE content = ?').pluck().get(content);
      expect(stored()).toBe(0);

      await page.click('[data-testid="log-form"] button[type="submit"]');
      await confirm.getByRole('button', { name: text.confirmPast }).click();
      await page.getByTestId('log-saved').waitFor();
      expect(stored()).toBe(1);
    });

    it('says a bad ID number in a moved household in plain words, naming the household and the person', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/evac`);
      await page.getByTestId('evac-event').selectOption(eventId);
      await page.getByTestId('evac-tab-move').click();
      const form = page.getByTestId('move-form');
      await form.locator('input[name="sourceName"]').fill('梅林坳边坡');
      await form.locator('input[name="name-0"]').fill('陈建国');
      await form.getByTestId('add-member').click();
      await form.locator('input[name="name-1"]').fill('陈小红');
      await form.getByTestId('add-member').click();
      await form.locator('input[name="name-2"]').fill('陈一一');
      await form.getByTestId('member-row').nth(2).getByLabel(text.idNumber).fill('4403');
      await page.getByTestId('move-submit').click();
      const banner = page.locator('.error-banner');
      await banner.waitFor();
      expect(await banner.locator('li').allTextContents()).toEqual([text.badId]);
      await e2e.screenshot(`newuser-evac-id-${lang}`);
    });

    async function saveLatitude(page: Page, typed: string): Promise<Locator> {
      await page.goto(`${e2e.app.url}#/hazards/new`);
      await page.fill('input[name="name"]', '福华路下穿通道');
      await page.fill('input[name="lat"]', typed);
      await page.fill('input[name="lng"]', '114.0660');
      await page.getByTestId('hz-save-point').click();
      const banner = page.locator('.error-banner');
      await banner.waitFor();
      return banner;
    }

    it('says an empty latitude in plain words', async () => {
      const banner = await saveLatitude(e2e.page, ' ');
      expect(await banner.locator('li').allTextContents()).toEqual([text.badLat]);
      await e2e.screenshot(`newuser-hazard-lat-${lang}`);
    });

    it('shows an error once however often it is saved, and not on the next screen', async () => {
      const { page } = e2e;
      const banner = await saveLatitude(page, '北纬22度');
      // Saved again with the same mistake: the answer replaces the last one, it does not pile up.
      await page.getByTestId('hz-save-point').click();
      await page.getByTestId('hz-save-point').click();
      await expect.poll(() => page.getByTestId('hz-save-point').isEnabled()).toBe(true);
      await banner.first().waitFor();
      expect(await banner.count()).toBe(1);
      await page.click('a[data-section="duty"]');
      await page.waitForSelector('[data-testid="log-form"]');
      expect(await banner.count()).toBe(0);
    });

    it('counts down to a report deadline in hours and minutes', async () => {
      const { page } = e2e;
      const opened = e2e.app.dispatcher.call('duty.openIncident', { title: `倒计时 ${lang}`, receivedAtMs: Date.now() - 3 * 3_600_000 }, ACTOR);
      if (!opened.ok) throw new Error(opened.error.message);
      const dueMs = (opened.value as IncidentView).due!.dueMs;
      await page.goto(`${e2e.app.url}#/duty/incidents`);
      const timer = page.getByTestId('incident-list').locator('li', { hasText: `倒计时 ${lang}` }).getByTestId('countdown');
      await timer.waitFor();
      const shown = /(−?)(\d+):(\d{2})$/.exec((await timer.textContent())!.trim());
      expect(shown, (await timer.textContent())!).not.toBeNull();
      const overdueMinutes = Number(shown![2]) * 60 + Number(shown![3]);
      expect(shown![1]).toBe('−');
      expect(Math.abs(overdueMinutes - (Date.now() - dueMs) / 60_000)).toBeLessThan(2);
    });

    it('draws disabled buttons dimmed with a not-allowed cursor in both themes', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/log`);
      await page.waitForSelector('[data-testid="log-form"]');
      for (const theme of ['dark', 'light'] as const) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        const styles = await page.evaluate(() => {
          const probe = (cls: string, disabled: boolean) => {
            const b = document.createElement('button');
            b.className = cls;
            b.disabled = disabled;
            b.textContent = 'x';
            document.body.append(b);
            const s = getComputedStyle(b);
            const out = { opacity: s.opacity, color: s.color, background: s.backgroundColor, cursor: s.cursor };
            b.remove();
            return out;
          };
          return ['', 'primary', 'ghost'].map((cls) => ({ enabled: probe(cls, false), disabled: probe(cls, true) }));
        });
        for (const { enabled, disabled } of styles) {
          expect(disabled.cursor).toBe('not-allowed');
          expect(Number(disabled.opacity)).toBeLessThan(Number(enabled.opacity));
        }
      }
    });

    it('had no uncaught page errors', () => {
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
