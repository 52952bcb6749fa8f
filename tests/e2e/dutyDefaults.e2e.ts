import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogPage, WarningRecord } from '../../core/contract/dutyShared';
import type { TemplateRecord } from '../../core/contract/hazards-types';
import type { SystemStatus } from '../../core/contract/system';
import type { Settings } from '../../core/settings';
import type { Actor } from '../../db/platform/context';
import { startE2E, type E2E } from './harness';

const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };

const TEXT = {
  'zh-CN': {
    duplicate: '2026-10-02 已在列表中',
    both: '2026-10-10 不能既是节假日又是调休上班日',
    needZh: '第 8 项缺少中文名称',
    tplNeedEn: (n: number) => `第 ${n} 项缺少英文名称`,
    saved: '已保存',
  },
  en: {
    duplicate: '2026-10-02 is already listed',
    both: '2026-10-10 cannot be both a holiday and a make-up working day',
    needZh: 'Item 8 has no Chinese name',
    tplNeedEn: (n: number) => `Item ${n} has no English name`,
    saved: 'Saved',
  },
} as const;

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`duty defaults in Chromium (${lang})`, () => {
    let e2e: E2E;
    const text = TEXT[lang];
    beforeAll(async () => {
      e2e = await startE2E({ lang });
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('lists and offers people in pinyin order: 安娜, 李四, 吕布 (lǚ), 欧阳修, 张三', async () => {
      const { page } = e2e;
      for (const name of ['张三', '吕布', '欧阳修', '李四', '安娜']) call(e2e, 'duty.savePerson', { name, roles: ['officer', 'leader'] });
      const ours = (names: string[]) => names.filter((n) => ['张三', '吕布', '欧阳修', '李四', '安娜'].includes(n));
      await page.goto(`${e2e.app.url}#/duty/people`);
      await page.locator('.duty-people tbody tr').first().waitFor();
      await expect.poll(async () => ours(await page.locator('.duty-people tbody tr td:first-child button').allTextContents())).toEqual(['安娜', '李四', '吕布', '欧阳修', '张三']);
      await e2e.screenshot(`duty-people-pinyin-${lang}`);
      await page.goto(`${e2e.app.url}#/duty/handover`);
      const options = page.getByTestId('handover-signed-by').locator('option');
      await options.nth(1).waitFor({ state: 'attached' });
      await expect.poll(async () => ours(await options.allTextContents())).toEqual(['安娜', '李四', '吕布', '欧阳修', '张三']);
    });

    it('fills the recorder with the officer on duty now, not 本机值班员, and records them', async () => {
      const { page } = e2e;
      const officer = call<SystemStatus>(e2e, 'system.status', {}).officersOnDuty[0].name;
      await page.goto(`${e2e.app.url}#/duty`);
      const field = page.locator('[data-testid="log-form"] input[name="recordedBy"]');
      await field.waitFor();
      await expect.poll(() => field.inputValue()).toBe(officer);
      await page.fill('[data-testid="log-form"] textarea[name="content"]', `记录人默认测试${lang}`);
      await page.locator('[data-testid="log-form"] button[type="submit"]').click();
      await page.getByTestId('log-saved').waitFor();
      const saved = call<LogPage>(e2e, 'duty.listLog', { query: `记录人默认测试${lang}` }).rows[0];
      expect(saved.recordedBy).toBe(officer);
    });

    it('shows the event of a warning and an incident, starting on the open event, and lets it be changed', async () => {
      const { page } = e2e;
      const open = call<SystemStatus>(e2e, 'system.status', {}).openEvent!;
      await page.goto(`${e2e.app.url}#/duty/warnings`);
      const picker = page.getByTestId('warning-event');
      await expect.poll(() => picker.inputValue()).toBe(open.id);
      await expect.poll(() => page.getByTestId('response-event').inputValue()).toBe(open.id);
      await e2e.screenshot(`duty-warning-event-${lang}`);
      await picker.selectOption('');
      await page.selectOption('[data-testid="issue-warning-form"] select[name="type"]', 'flood');
      await page.fill('[data-testid="issue-warning-form"] input[name="issuedBy"]', `水务局${lang}`);
      await page.getByTestId('issue-warning').click();
      await expect.poll(() => call<{ recent: WarningRecord[] }>(e2e, 'duty.warnings', {}).recent.find((w) => w.issuedBy === `水务局${lang}`)?.eventId).toBeNull();

      await page.goto(`${e2e.app.url}#/duty/incidents`);
      await expect.poll(() => page.getByTestId('incident-event').inputValue()).toBe(open.id);
      await page.fill('input[name="title"]', `事件归属测试${lang}`);
      await page.locator('form:has([data-testid="incident-event"]) button[type="submit"]').click();
      await expect.poll(() => call<{ incidents: { title: string; eventId: string | null }[] }>(e2e, 'duty.incidents', {}).incidents.find((i) => i.title === `事件归属测试${lang}`)?.eventId).toBe(open.id);
    });

    it('edits the preloaded holidays by keyboard, says what is wrong, and resets to the published schedule', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/settings`);
      const holidays = page.getByTestId('duty-holidays');
      await holidays.getByRole('button', { name: lang === 'zh-CN' ? '删除 2026-10-01' : 'Remove 2026-10-01' }).waitFor();
      await e2e.screenshot(`duty-settings-holidays-${lang}`);
      await holidays.getByRole('button', { name: lang === 'zh-CN' ? '删除 2026-10-07' : 'Remove 2026-10-07' }).click();
      const add = holidays.locator('input[type="date"]');
      await add.fill('2026-10-02');
      await add.press('Enter');
      await expect.poll(() => holidays.getByRole('alert').textContent()).toBe(text.duplicate);
      await add.fill('2026-10-10');
      await add.press('Enter');
      await expect.poll(() => holidays.getByRole('alert').textContent()).toBe(text.both);
      await page.locator('[data-testid="duty-settings"] button[type="submit"]').click();
      await expect.poll(() => call<Settings>(e2e, 'settings.get', {}).duty.holidays.includes('2026-10-07')).toBe(false);
      expect(call<Settings>(e2e, 'settings.get', {}).duty.holidays).toContain('2026-10-01');
      await page.getByTestId('duty-holidays-reset').click();
      await page.locator('[data-testid="duty-settings"] button[type="submit"]').click();
      await expect.poll(() => call<Settings>(e2e, 'settings.get', {}).duty.holidays.includes('2026-10-07')).toBe(true);
      expect(call<Settings>(e2e, 'settings.get', {}).duty.workdays).toContain('2026-10-10');
    });

    it('edits the equipment checklist a row per item, reorders by keyboard and refuses a nameless item', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/settings`);
      const rows = page.getByTestId('duty-checklist');
      const names = () => rows.locator('input[name="itemZh"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      await expect.poll(names).toEqual(['值班电话', '传真机', '视频会议系统', '对讲机/卫星电话', '备用电源', '手电筒', '雨具']);
      await rows.locator('input[name="itemZh"]').first().focus();
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(names).toEqual(['传真机', '值班电话', '视频会议系统', '对讲机/卫星电话', '备用电源', '手电筒', '雨具']);
      // Focus followed the item: a second press moves it again.
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(names).toEqual(['传真机', '视频会议系统', '值班电话', '对讲机/卫星电话', '备用电源', '手电筒', '雨具']);
      await rows.getByRole('button', { name: lang === 'zh-CN' ? '添加一项' : 'Add an item' }).click();
      await page.locator('[data-testid="duty-settings"] button[type="submit"]').click();
      await expect.poll(() => page.getByTestId('duty-checklist-problems').textContent()).toBe(text.needZh);
      await e2e.screenshot(`duty-settings-checklist-${lang}`);
      await rows.locator('input[name="itemZh"]').last().fill('应急照明');
      await rows.locator('input[name="itemEn"]').last().fill('Emergency lights');
      await page.locator('[data-testid="duty-settings"] button[type="submit"]').click();
      await expect.poll(() => call<Settings>(e2e, 'settings.get', {}).duty.equipmentChecklist.map((i) => i.label.zh)).toEqual(['传真机', '视频会议系统', '值班电话', '对讲机/卫星电话', '备用电源', '手电筒', '雨具', '应急照明']);
      const checklist = call<Settings>(e2e, 'settings.get', {}).duty.equipmentChecklist;
      // Keys stay with their items, and the new one gets a fresh key nobody typed.
      expect(checklist.find((i) => i.label.zh === '值班电话')!.key).toBe('phone');
      expect(checklist.at(-1)!.key).toBe('item_1');
    });

    it('edits a hazard checklist template a row per item with hidden keys', async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/hazards/templates`);
      const rows = page.getByTestId('hazard-template-rows');
      await rows.locator('input[name="itemZh"]').first().waitFor();
      const before = await rows.locator('input[name="itemZh"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      expect(await rows.locator('input[name="key"], input[aria-label="标识"], input[aria-label="Key"]').count()).toBe(0);
      await rows.locator('input[name="itemEn"]').nth(1).focus();
      await page.keyboard.press('Alt+ArrowUp');
      await rows.getByRole('button', { name: lang === 'zh-CN' ? '添加检查项' : 'Add item' }).click();
      const added = before.length + 1;
      await rows.locator('input[name="itemZh"]').last().fill('排水沟盖板');
      await page.getByTestId('hazard-template-save').click();
      await expect.poll(() => page.getByTestId('hazard-template-problems').textContent()).toBe(text.tplNeedEn(added));
      await e2e.screenshot(`hazards-template-rows-${lang}`);
      await rows.locator('input[name="itemEn"]').last().fill('Drain covers');
      await page.getByTestId('hazard-template-save').click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: text.saved }).count()).toBeGreaterThan(0);
      const [latest] = call<TemplateRecord[]>(e2e, 'hazards.templateHistory', { hazardType: 'basement' });
      expect(latest.items.map((i) => i.labelZh)).toEqual([before[1], before[0], ...before.slice(2), '排水沟盖板']);
      expect(latest.items.at(-1)!.key).toMatch(/^item_\d+$/);
    });

    it('had no uncaught page errors', () => {
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}
