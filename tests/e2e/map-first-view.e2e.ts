import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MapView } from '../../core/contract/map';
import type { Actor } from '../../db/platform/context';
import { startE2E, type E2E } from './harness';

const ACTOR: Actor = { id: 'e2e', name: 'e2e', role: 'admin' };
const UNIT = { zh: '福田区华富街道办事处', en: 'Huafu Subdistrict Office, Futian District' };

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Every [lng, lat] pair in a GeoJSON object, however deeply nested. */
function positions(value: unknown): [number, number][] {
  if (Array.isArray(value) && typeof value[0] === 'number') return [[value[0], value[1] as number]];
  if (Array.isArray(value)) return value.flatMap(positions);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => (key === 'coordinates' || key === 'features' || key === 'geometry' || key === 'geometries' ? positions(v) : []));
  return [];
}

/** The map's visible bounds as Leaflet reports them (west, south, east, north). */
async function visibleBounds(page: Page): Promise<[number, number, number, number]> {
  const text = await page.locator('.fd-map').getAttribute('data-bounds');
  return text!.split(',').map(Number) as [number, number, number, number];
}

describe('the map and header for a new user', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ lang: 'en', theme: 'light', viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('en: first open shows the whole unit boundary, no Roads toggle without roads, and the unit named in English', async () => {
    const { page } = e2e;
    const view = call<MapView>(e2e, 'map.view', {});
    const boundary = positions(view.shapes.find((s) => s.kind === 'boundary')!.geojson);
    expect(boundary.length).toBeGreaterThan(2);
    await page.goto(`${e2e.app.url}#/map`);
    await page.waitForSelector('canvas.fd-points[data-points]');
    // The element carries the view from the first frame; the fit to the boundary lands a moment later.
    const outside = async () => {
      if ((await page.locator('.fd-map').getAttribute('data-bounds')) === null) return boundary;
      const [west, south, east, north] = await visibleBounds(page);
      return boundary.filter(([lng, lat]) => lng < west || lng > east || lat < south || lat > north);
    };
    await expect.poll(outside, { timeout: 10_000 }).toEqual([]);
    expect(view.viewSaved).toBe(false);
    expect(await page.locator('[data-layer="roads"]').count()).toBe(0);
    expect(await page.locator('[data-layer="boundary"]').count()).toBe(1);

    expect(await page.locator('.top-bar .unit-name').textContent()).toBe(UNIT.en);
    expect(await page.getByTestId('demo-banner').textContent()).toContain(UNIT.en);
    expect(await page.getByTestId('demo-banner').textContent()).not.toContain(UNIT.zh);
    await e2e.screenshot('map-first-view-en-light');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('zh-CN: imported roads are offered; a saved view wins over the boundary; the unit named in Chinese', async () => {
    const { page } = e2e;
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    call(e2e, 'map.importShape', { kind: 'roads', name: '华富路', text: JSON.stringify({ type: 'LineString', coordinates: [[114.068, 22.548], [114.078, 22.556]] }) });
    call(e2e, 'map.saveView', { center: { lat: 22.5533, lng: 114.0719 }, zoom: 18 });
    await page.reload();
    await page.waitForSelector('canvas.fd-points[data-points]');
    await expect.poll(() => page.locator('.fd-map').getAttribute('data-zoom')).toBe('18');
    const roads = page.locator('[data-layer="roads"]');
    expect(await roads.count()).toBe(1);
    expect(await roads.isChecked()).toBe(true);
    expect((await roads.locator('xpath=..').textContent())?.trim()).toBe('道路');
    expect(await page.locator('.top-bar .unit-name').textContent()).toBe(UNIT.zh);
    expect(await page.getByTestId('demo-banner').textContent()).toContain(UNIT.zh);
    await e2e.screenshot('map-saved-view-roads-zh-CN-dark');
    expect(e2e.pageErrors).toEqual([]);
  });
});
