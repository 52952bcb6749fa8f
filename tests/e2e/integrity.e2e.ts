import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServe } from '../../server/app';
import { damageTable } from '../support/damage';
import { startE2E } from './harness';

/** A demo office with one good backup, then a power cut and a failing disk: no clean-shutdown marker, one damaged table. */
async function damagedOffice(dataDir: string): Promise<void> {
  const app = await startServe({ dataDir, port: 0, host: '127.0.0.1', demo: true, appVersion: 'e2e', backupTimer: false });
  app.dispatcher.call('backup.create', {}, { id: 'e2e', name: 'e2e', role: 'admin' });
  await app.backups.idle();
  await app.integrity.idle();
  await app.close();
  rmSync(join(dataDir, 'flooddesk.sqlite.clean'));
  damageTable(join(dataDir, 'flooddesk.sqlite'), 'duty_log_gram_positions');
}

describe('a damaged data file found after start', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`says so in the status bar and refuses a change with the backup to restore (${lang})`, async () => {
      const e2e = await startE2E({ lang, prepare: damagedOffice });
      const { page } = e2e;
      try {
        await page.goto(e2e.app.url);
        await page.waitForSelector('[data-testid="log-form"]');
        const pill = page.locator('[data-testid="integrity"][data-state="damaged"]');
        // The status bar asks every 30 s; a reload asks at once, as a duty officer would.
        for (let tries = 0; (await pill.count()) === 0 && tries < 30; tries++) {
          await page.waitForTimeout(500);
          await page.reload();
          await page.waitForSelector('[data-testid="log-form"]');
        }
        expect(await pill.textContent()).toContain(lang === 'zh-CN' ? '数据文件已损坏' : 'Data file damaged');
        expect(await pill.getAttribute('role')).toBe('alert');

        await page.locator('textarea[name="content"]').fill(lang === 'zh-CN' ? '损坏后尝试记录' : 'An entry after the damage');
        await page.keyboard.press('Control+Enter');
        const banner = page.locator('.error-banner[data-error-key="errors.dbDamagedNoWrites"]');
        await banner.waitFor();
        expect(await banner.textContent()).toContain(join(e2e.app.paths.backupsDir));
        await e2e.screenshot(`integrity-damaged-${lang}`);
        // Everything else still reads.
        await page.getByRole('link', { name: lang === 'zh-CN' ? '隐患巡查' : 'Hazards' }).click();
        await page.waitForSelector('[data-section="hazards"][aria-current="page"]');
        expect(e2e.pageErrors).toEqual([]);
      } finally {
        await e2e.close();
      }
    });
  }
});
