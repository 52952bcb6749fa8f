import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { DamageRecord } from '../../core/contract/damage';
import type { EventRecord } from '../../core/contract/system';
import type { Actor } from '../../db/platform/context';
import { startE2E, type E2E } from './harness';

const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** A small real PNG (two-colour stripes), so the upload goes through the browser's decoder like a photo. */
function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(Math.floor(x / 8) % 2 ? [200, 120, 40] : [40, 90, 200], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const TEXT = {
  'zh-CN': { sourceLog: '值班记录', households: (n: number) => `${n}户`, theme: 'dark', nav: '灾情' },
  en: { sourceLog: 'Duty log', households: (n: number) => `${n} households`, theme: 'light', nav: 'Damage' },
} as const;

const recordId = (page: Page) => page.url().match(/#\/damage\/([0-9a-f-]{36})$/)?.[1];

async function detailShown(page: Page, versions: number): Promise<void> {
  await page.getByTestId('dmg-detail').waitFor();
  await expect.poll(() => page.getByTestId('dmg-version').count()).toBe(versions);
}

describe('the damage register in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ lang: 'zh-CN', theme: 'dark', viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    const text = TEXT[lang];
    const place = `E2E 倒塌民房 ${lang}`;

    it(`${lang}: records damage from a duty log entry in one click, and asks before a second record from it`, async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/duty/log`);
      if ((await page.getAttribute('html', 'lang')) !== lang) {
        await page.getByTestId('lang-toggle').click();
        await page.getByTestId('theme-toggle').click();
      }
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe(text.theme);
      expect(await page.locator('nav a[data-section="damage"]').textContent()).toBe(text.nav);
      await page.getByTestId('log-row').first().click();
      await page.getByTestId('log-record-damage').waitFor();
      await e2e.screenshot(`damage-log-detail-${lang}-${text.theme}`);

      const fromEntry = async () => {
        await page.getByTestId('log-record-damage').click();
        await page.getByTestId('dmg-form').waitFor();
        await expect.poll(() => page.inputValue('textarea[name="description"]')).not.toBe('');
        await page.selectOption('select[name="type"]', 'waterlogging');
        await page.fill('input[name="quantities.waterlogging_sites"]', '1');
        await page.getByTestId('dmg-save').click();
      };
      await fromEntry();
      // In the second language the entry already has the first language's records.
      await page.locator('[data-testid="dmg-detail"], [data-testid="dmg-another"]').first().waitFor();
      if (await page.getByTestId('dmg-another').isVisible()) await page.getByTestId('dmg-record-another').click();
      await detailShown(page, 1);
      expect(await page.getByTestId('dmg-detail').textContent()).toContain(text.sourceLog);

      await page.goto(`${e2e.app.url}#/duty/log`);
      await page.getByTestId('log-row').first().click();
      await page.getByTestId('log-record-damage').waitFor();
      await fromEntry();
      await page.getByTestId('dmg-another').waitFor();
      await e2e.screenshot(`damage-record-another-${lang}-${text.theme}`);
      await page.getByTestId('dmg-record-another').click();
      await detailShown(page, 1);
    });

    it(`${lang}: records damage with a place and a photo, corrects it (two versions) and verifies it`, async () => {
      const { page } = e2e;
      await page.goto(`${e2e.app.url}#/damage/new`);
      await page.getByTestId('dmg-form').waitFor();
      await page.selectOption('select[name="type"]', 'house_collapsed');
      // The required figure missing: said next to its field, in the user's language.
      await page.getByTestId('dmg-save').click();
      await expect.poll(() => page.evaluate(() => (document.querySelector('input[name="quantities.houses_collapsed_households"]') as HTMLInputElement).validity.valueMissing)).toBe(true);
      await page.fill('input[name="quantities.houses_collapsed_households"]', '1');
      await page.fill('input[name="quantities.houses_collapsed_rooms"]', '2');
      await page.fill('input[name="lossWan"]', '3.5');
      await page.fill('input[name="placeName"]', place);
      await page.fill('input[name="lat"]', '22.5535');
      await page.fill('input[name="lng"]', '114.0605');
      await page.getByTestId('dmg-photo').setInputFiles({ name: 'house.png', mimeType: 'image/png', buffer: makePng(64, 48) });
      await page.getByTestId('dmg-form').getByTestId('hz-thumb').locator('img').waitFor();
      await e2e.screenshot(`damage-form-${lang}-${text.theme}`);
      await page.getByTestId('dmg-save').click();
      await detailShown(page, 1);
      await page.getByTestId('dmg-photos').locator('img').waitFor();
      const id = recordId(page);
      expect(id).toBeTruthy();

      await page.getByTestId('dmg-correct').click();
      await page.getByTestId('dmg-correct-form').waitFor();
      expect(await page.inputValue('input[name="quantities.houses_collapsed_households"]')).toBe('1');
      expect(await page.getByTestId('dmg-save-correction').isDisabled()).toBe(true);
      await page.fill('input[name="quantities.houses_collapsed_households"]', '2');
      await page.fill('input[name="quantities.houses_collapsed_rooms"]', '3');
      await page.fill('input[name="reason"]', lang === 'zh-CN' ? '核查后户数更正' : 'Households recounted');
      await e2e.screenshot(`damage-correct-${lang}-${text.theme}`);
      await page.getByTestId('dmg-save-correction').click();
      await detailShown(page, 2);
      expect(await page.getByTestId('dmg-detail').getAttribute('data-status')).toBe('corrected');
      expect(await page.getByTestId('dmg-figures-shown').textContent()).toContain(text.households(2));

      await page.getByTestId('dmg-verify').click();
      await page.getByTestId('dmg-confirm-action').click();
      await detailShown(page, 3);
      expect(await page.getByTestId('dmg-detail').getAttribute('data-status')).toBe('verified');
      expect(recordId(page)).toBe(id);
      await e2e.screenshot(`damage-detail-${lang}-${text.theme}`);
    });

    it(`${lang}: the list and the totals agree with the records, and a figure lists the records behind it`, async () => {
      const { page } = e2e;
      const open = call<EventRecord[]>(e2e, 'events.list', { includeEnded: false })[0];
      const rows = call<{ rows: DamageRecord[] }>(e2e, 'damage.list', { eventId: open.id, limit: 500 }).rows;
      const collapsed = rows.filter((r) => (r.quantities.houses_collapsed_households ?? 0) > 0);
      const households = collapsed.reduce((sum, r) => sum + (r.quantities.houses_collapsed_households ?? 0), 0);
      const verified = collapsed.filter((r) => r.status === 'verified').reduce((sum, r) => sum + (r.quantities.houses_collapsed_households ?? 0), 0);

      await page.goto(`${e2e.app.url}#/damage`);
      await expect.poll(() => page.getByTestId('dmg-row').count()).toBe(rows.length);
      await page.getByTestId('dmg-filter-type').selectOption('house_collapsed');
      await expect.poll(() => page.getByTestId('dmg-row').count()).toBe(collapsed.length);
      await page.getByTestId('dmg-filter-type').selectOption('');
      await e2e.screenshot(`damage-list-${lang}-${text.theme}`);

      await page.goto(`${e2e.app.url}#/damage/totals`);
      const row = page.locator('[data-testid="dmg-total-row"][data-indicator="houses_collapsed_households"]');
      await row.waitFor();
      expect(await row.getByTestId('dmg-total-value').textContent()).toBe(text.households(households));
      expect(await row.getByTestId('dmg-total-verified').textContent()).toBe(text.households(verified));
      await row.getByTestId('dmg-total-value').click();
      await expect.poll(() => page.getByTestId('dmg-behind-row').count()).toBe(collapsed.length);
      await e2e.screenshot(`damage-totals-${lang}-${text.theme}`);
    });

    it(`${lang}: opens a record from its map popup`, async () => {
      const { page } = e2e;
      const open = call<EventRecord[]>(e2e, 'events.list', { includeEnded: false })[0];
      const mine = call<{ rows: DamageRecord[] }>(e2e, 'damage.list', { eventId: open.id, text: place, limit: 5 }).rows[0];
      await page.goto(`${e2e.app.url}#/map`);
      await page.waitForSelector('canvas.fd-points[data-points]');
      await page.getByTestId('map-search').fill(place);
      await page.getByTestId('map-search').press('Enter');
      const popup = page.getByTestId('map-popup');
      await popup.locator(`a[href="#/damage/${mine.id}"]`).click();
      await page.waitForSelector('main[data-section="damage"] [data-testid="dmg-detail"]');
      expect(recordId(page)).toBe(mine.id);
      expect(await page.locator('nav a[data-section="damage"]').getAttribute('aria-current')).toBe('page');
    });
  }

  it('had no uncaught page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
