import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

const ACTOR = { id: 't', name: 't', role: 'admin' as const };

describe('backups card in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('backs up by keyboard, restores after a confirmation that shows date and counts', async () => {
    const { page, app } = e2e;
    await page.goto(`${app.url}#/settings`);
    const card = page.getByTestId('backups-card');
    await card.waitFor();
    await page.getByTestId('backup-now').focus();
    await page.keyboard.press('Enter');
    await card.locator('tbody tr').first().waitFor();
    const eventsBefore = (app.dispatcher.call('events.list', {}, ACTOR) as { value: unknown[] }).value.length;

    // A record made after the backup disappears with the restore.
    expect(app.dispatcher.call('events.create', { name: '恢复后应消失', startedAtMs: 1 }, ACTOR).ok).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await e2e.screenshot('backups-list-zh');

    const restore = card.locator('tbody tr').first().getByRole('button');
    await restore.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('restore-confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await dialog.textContent()).toContain(`事件 ${eventsBefore}`);
    expect(await dialog.textContent()).toContain('审计记录');
    await e2e.screenshot('backups-confirm-zh');
    // Escape cancels; nothing happens.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await restore.click();
    await page.getByTestId('restore-confirm').getByRole('button', { name: '确认恢复' }).click();
    await page.waitForEvent('load');
    await page.getByTestId('backups-card').locator('tbody tr').nth(1).waitFor();
    const after = app.dispatcher.call('events.list', {}, ACTOR) as { ok: boolean; value: unknown[] };
    expect(after.value).toHaveLength(eventsBefore);
    const restoredCard = page.getByTestId('backups-card');
    expect(await restoredCard.textContent()).toContain('恢复前');
    await restoredCard.scrollIntoViewIfNeeded();
    await e2e.screenshot('backups-restored-zh');
  });

  it('had no uncaught page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
