import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DamageRecord } from '../../core/contract/damage';
import type { MapLayers } from '../../core/contract/map';
import { pointAt } from '../../core/contract/map-layers';
import type { Actor } from '../../db/platform/context';
import { startE2E, type E2E } from './harness';

const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };
const CENTRE = { lat: 22.5533, lng: 114.0719 };
/** Web Mercator pixels per degree at zoom 17 around the centre. */
const PX_PER_DEG = { lng: (256 * 2 ** 17) / 360, lat: (256 * 2 ** 17) / 360 / Math.cos((CENTRE.lat * Math.PI) / 180) };

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const TEXT = {
  'zh-CN': { choice: '灾情', theme: 'dark', offset: { x: 160, y: -90 } },
  en: { choice: 'Damage', theme: 'light', offset: { x: -220, y: 130 } },
} as const;

async function useLanguage(page: Page, lang: 'zh-CN' | 'en', theme: string): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) !== lang) await page.getByTestId('lang-toggle').click();
  if ((await page.getAttribute('html', 'data-theme')) !== theme) await page.getByTestId('theme-toggle').click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
}

describe('recording damage at a point on the map', () => {
  let e2e: E2E;
  const mapDamage = () => call<{ rows: DamageRecord[] }>(e2e, 'damage.list', { limit: 500 }).rows.filter((r) => r.source.kind === 'map_point');
  const damageLayerIds = () =>
    call<MapLayers>(e2e, 'map.layers', {})
      .points.filter((c) => c.layer === 'damage')
      .flatMap((c) => c.ids.map((_, i) => pointAt(c, i)));

  beforeAll(async () => {
    e2e = await startE2E({ viewport: { width: 1400, height: 900 } });
    call(e2e, 'map.saveOnline', { url: '' });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    const text = TEXT[lang];
    it(`${lang}: click the map, choose damage, fill the type and figures, save: a map_point record where clicked, on the damage layer`, async () => {
      const { page } = e2e;
      call(e2e, 'map.saveView', { center: CENTRE, zoom: 17 });
      await page.goto(`${e2e.app.url}#/map`);
      await useLanguage(page, lang, text.theme);
      await page.reload();
      await page.waitForSelector('canvas.fd-points[data-points]');
      const before = mapDamage().length;
      const box = (await page.locator('.fd-map').boundingBox())!;
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];

      await page.getByTestId('tool-add').click();
      await page.mouse.click(cx + text.offset.x, cy + text.offset.y);
      const addForm = page.getByTestId('add-form');
      const damageChoice = addForm.locator('input[data-what="damage"]');
      expect((await damageChoice.locator('xpath=..').textContent())?.trim()).toBe(text.choice);
      // Keyboard: the choices are one radio group, the focused one starts on a hazard point.
      await addForm.locator('input[data-what="hazard"]').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => addForm.getAttribute('data-what')).toBe('damage');
      const form = addForm.getByTestId('dmg-form');
      await form.waitFor();
      // The clicked point and the open event are filled in.
      const typedLat = Number(await form.locator('input[name="lat"]').inputValue());
      const typedLng = Number(await form.locator('input[name="lng"]').inputValue());
      expect(await form.locator('select[name="eventId"]').inputValue()).not.toBe('');
      await form.locator('select[name="type"]').selectOption('house_collapsed');
      await form.locator('input[name="quantities.houses_collapsed_households"]').fill('2');
      await form.locator('input[name="quantities.houses_collapsed_rooms"]').fill('5');
      await form.locator('input[name="placeName"]').fill(`地图登记 ${lang}`);
      await form.getByTestId('dmg-photo').setInputFiles({ name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') });
      await form.getByTestId('hz-thumb').locator('img').waitFor();
      await e2e.screenshot(`damage-map-form-${lang}-${text.theme}`);
      await form.getByTestId('dmg-save').click();

      await expect.poll(() => mapDamage().length).toBe(before + 1);
      const record = mapDamage().find((r) => r.place.name === `地图登记 ${lang}`)!;
      expect(record).toMatchObject({ source: { kind: 'map_point' }, type: 'house_collapsed', quantities: { houses_collapsed_households: 2, houses_collapsed_rooms: 5 }, photoCount: 1 });
      expect(record.place.lat).toBe(typedLat);
      expect(record.place.lng).toBe(typedLng);
      // Where it was clicked, within a few pixels at zoom 17.
      expect(Math.abs((record.place.lng! - CENTRE.lng) * PX_PER_DEG.lng - text.offset.x)).toBeLessThan(3);
      expect(Math.abs((record.place.lat! - CENTRE.lat) * PX_PER_DEG.lat + text.offset.y)).toBeLessThan(3);
      // On the damage layer at once, opened where it was clicked.
      expect(damageLayerIds().map((p) => p.id)).toContain(record.id);
      await expect.poll(() => page.locator('canvas.fd-focus-ring').getAttribute('data-focused')).toBe(record.id);
      await expect.poll(() => page.getByTestId('map-popup').isVisible()).toBe(true);
      await expect.poll(() => page.locator('[data-layer="damage"]').isChecked()).toBe(true);
      await e2e.screenshot(`damage-map-saved-${lang}-${text.theme}`);
      expect(e2e.pageErrors).toEqual([]);
    });
  }
});
