import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
import type { MapLayers } from '../../core/contract/map';
import { pointAt, type MapPoint } from '../../core/contract/map-layers';
import type { PointRow, RouteRecord } from '../../core/contract/hazards';

const FIXTURES = join(process.cwd(), '..', 'shared', 'data', 'mbtiles');
const ACTOR = { id: 'e2e', name: 'e2e', role: 'admin' as const };
const CENTRE = { lat: 22.5533, lng: 114.0719 };

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Every point map.layers sends (as columns), one object each. */
const mapPoints = (e2e: E2E): MapPoint[] => call<MapLayers>(e2e, 'map.layers', {}).points.flatMap((c) => c.ids.map((_, i) => pointAt(c, i)));

const drawn = (page: Page, what: 'points' | 'clusters') => page.locator('canvas.fd-points').getAttribute(`data-${what}`).then(Number);

/**
 * Share of the map's pixels that differ from its blank background, from a real screenshot
 * decoded by the browser (so tiles are checked as pixels, not as DOM nodes).
 */
async function paintedShare(page: Page): Promise<number> {
  const png = (await page.locator('.fd-map').screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    // An <img> may load data: URLs under the app's CSP (img-src data:); fetch may not.
    const bitmap = new Image();
    bitmap.src = `data:image/png;base64,${data}`;
    await bitmap.decode();
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const bg = getComputedStyle(document.querySelector('.fd-map')!).backgroundColor.match(/\d+/g)!.map(Number);
    let painted = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - bg[0]) + Math.abs(px[i + 1] - bg[1]) + Math.abs(px[i + 2] - bg[2]) > 30) painted++;
    return painted / (px.length / 4);
  }, png);
}

/** Web Mercator pixels per degree at zoom 17 around the centre (256·2^17/360, and that over cos φ for latitude). */
const PX_PER_DEG = { lng: (256 * 2 ** 17) / 360, lat: (256 * 2 ** 17) / 360 / Math.cos((CENTRE.lat * Math.PI) / 180) };

/** Leaflet fades a popup in; a screenshot taken during the fade shows it half transparent. */
async function popupShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const popup = document.querySelector('.leaflet-popup');
    return popup !== null && getComputedStyle(popup).opacity === '1';
  });
}

async function mapCentre(page: Page): Promise<{ cx: number; cy: number }> {
  const box = (await page.locator('.fd-map').boundingBox())!;
  return { cx: box.x + box.width / 2, cy: box.y + box.height / 2 };
}

async function zoomTo(page: Page, zoom: number): Promise<void> {
  // The zoom buttons are the user's way; each click is one level.
  for (let i = 0; i < 25; i++) {
    const current = Number(await page.locator('.fd-map').getAttribute('data-zoom'));
    if (current === zoom) break;
    await page.locator(current > zoom ? '.leaflet-control-zoom-out' : '.leaflet-control-zoom-in').click();
    await expect.poll(() => page.locator('.fd-map').getAttribute('data-zoom').then(Number), { timeout: 5000 }).not.toBe(current);
  }
  await page.waitForTimeout(400);
}

describe('map in Chromium', () => {
  let e2e: E2E;
  const hazardsNamed = (q: string) => call<{ rows: PointRow[] }>(e2e, 'hazards.listPoints', { filter: { q } }).rows;
  beforeAll(async () => {
    e2e = await startE2E({ viewport: { width: 1400, height: 900 } });
    // A dense patch of 300 markers in a ±0.0006° box around the centre, to cluster.
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let i = 0; i < 300; i++) call(e2e, 'map.addMarker', { name: `测试点${i}`, kind: 'note', lat: CENTRE.lat + rand() * 0.0006, lng: CENTRE.lng + rand() * 0.0006 });
    call(e2e, 'map.saveView', { center: CENTRE, zoom: 17 });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the boundary and layers with no tiles, clusters dense points and splits them when zoomed in', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.app.url}#/map`);
    await page.waitForSelector('canvas.fd-points[data-points]');
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('无底图');
    await expect.poll(() => drawn(page, 'clusters')).toBeGreaterThan(0);
    await e2e.screenshot('map-z17-clustered-zh-CN-dark');
    await zoomTo(page, 19);
    await expect.poll(() => drawn(page, 'clusters')).toBe(0);
    const all = await drawn(page, 'points');
    expect(all).toBeGreaterThan(300);
    await e2e.screenshot('map-z19-points-zh-CN-dark');

    // The 300 markers are all on screen at zoom 19; other layers' points stay.
    await page.locator('input[data-layer="markers"]').uncheck();
    await expect.poll(() => drawn(page, 'points')).toBeLessThanOrEqual(all - 300);
    await page.locator('input[data-layer="markers"]').check();
    await expect.poll(() => drawn(page, 'points')).toBe(all);
  });

  it('imports an MBTiles file and draws its tiles; refuses a bad file with a message', async () => {
    const { page } = e2e;
    await zoomTo(page, 3);
    const blank = await paintedShare(page);
    await page.getByTestId('mbtiles-input').setInputFiles(join(FIXTURES, 'plain_1.mbtiles'));
    await page.getByTestId('tileset').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length >= 4);
    await page.waitForTimeout(500);
    const tiled = await paintedShare(page);
    expect(blank).toBeLessThan(0.2);
    expect(tiled).toBeGreaterThan(0.6);
    await e2e.screenshot('map-z3-tiles-zh-CN-dark');

    await page.getByTestId('mbtiles-input').setInputFiles(join(FIXTURES, 'invalid.mbtiles'));
    const banner = page.locator('.error-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-error-key')).toBe('errors.map.notMbtiles');
    expect(await page.getByTestId('tileset').count()).toBe(1);
    await e2e.screenshot('map-invalid-mbtiles-zh-CN-dark');
    await page.locator('.error-banner button').first().click();
  });

  it('adds a point by clicking, selects by polygon and exports XLSX and PNG', async () => {
    const { page } = e2e;
    // Visibility is stored first, then shown: click, then wait for the saved state.
    await page.locator('.map-tilesets input[type="checkbox"]').click();
    await expect.poll(() => page.locator('.map-tilesets input[type="checkbox"]').isChecked()).toBe(false);
    // Back to the saved preset (zooming out to 3 and in again drifts by up to half a zoom-3 pixel).
    await page.reload();
    await page.waitForSelector('canvas.fd-points[data-points]');
    const box = (await page.locator('.fd-map').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;

    await page.getByTestId('tool-add').click();
    await page.mouse.click(cx + 250, cy - 150);
    await page.getByTestId('add-form').locator('input[data-what="marker"]').check();
    await page.getByTestId('add-form').locator('input[name="name"]').fill('新增易涝点');
    await page.getByTestId('add-form').locator('button[type="submit"]').click();
    const addedMarker = () => mapPoints(e2e).find((p) => p.layer === 'markers' && p.name === '新增易涝点');
    await expect.poll(() => addedMarker() !== undefined).toBe(true);
    const added = addedMarker()!;
    // 250 px east and 150 px north at zoom 17 is about 275 m and 165 m (1.10 m per pixel here).
    expect((added.lng - CENTRE.lng) * 102_800).toBeGreaterThan(240);
    expect((added.lat - CENTRE.lat) * 111_000).toBeGreaterThan(140);
    // The new marker's popup opened and panned the map to fit; back to the saved preset for the polygon.
    await expect.poll(() => page.getByTestId('map-popup').locator('h3').textContent()).toBe('新增易涝点');
    await page.reload();
    await page.waitForSelector('canvas.fd-points[data-points]');

    // Only the markers layer takes part, so the count is exactly what was generated.
    for (const layer of ['hazards', 'shelters', 'rainGauges', 'waterGauges', 'evacSources']) await page.locator(`input[data-layer="${layer}"]`).uncheck();
    await page.getByTestId('tool-select').click();
    for (const [dx, dy] of [[-110, -110], [110, -110], [110, 110], [-110, 110]]) await page.mouse.click(cx + dx, cy + dy);
    await page.getByTestId('finish-sketch').click();
    await page.getByTestId('selection').waitFor();
    // Exactly the 300 generated markers: the demo markers and the new one lie outside.
    expect(await page.locator('#map-selection-title').textContent()).toContain('300');
    await e2e.screenshot('map-selection-zh-CN-dark');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-selection').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.round(box.width));
  });

  it('works in English on the light theme', async () => {
    const { page } = e2e;
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Map');
    await page.getByTestId('map-search').fill('新增易涝点');
    await page.getByTestId('map-search').press('Enter');
    await page.getByTestId('map-popup').waitFor();
    await popupShown(page);
    await e2e.screenshot('map-popup-en-light');
    await page.locator('.leaflet-popup-close-button').click();
    await page.getByTestId('map-popup').waitFor({ state: 'detached' });
    await page.locator('.map-tilesets input[type="checkbox"]').click();
    await expect.poll(() => page.locator('.map-tilesets input[type="checkbox"]').isChecked()).toBe(true);
    call(e2e, 'map.saveView', { center: CENTRE, zoom: 4 });
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length >= 4);
    expect(await paintedShare(page)).toBeGreaterThan(0.6);
    await e2e.screenshot('map-z4-tiles-en-light');
  });

  it('draws an online base map through the local cache, and keeps working when it fails', async () => {
    const { page } = e2e;
    // The provider: real HTTP on 127.0.0.1, serving the fixture's tiles to the right key only.
    const mbtiles = new Database(join(FIXTURES, 'plain_1.mbtiles'), { readonly: true });
    const select = mbtiles.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
    const hits: string[] = [];
    const upstream: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://upstream');
      hits.push(url.pathname);
      const m = /^\/t[01]\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname);
      const tile = m && url.searchParams.get('tk') === 'e2e-key' ? (select.get(Number(m[1]), Number(m[2]), 2 ** Number(m[1]) - 1 - Number(m[3])) as Buffer | undefined) : undefined;
      if (tile) res.writeHead(200, { 'Content-Type': 'image/png' }).end(tile);
      else res.writeHead(404).end();
    });
    const base = await new Promise<string>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`)));
    try {
      // The imported base map is hidden so the online one stands in for it.
      await page.locator('.map-tilesets input[type="checkbox"]').click();
      await expect.poll(() => page.locator('.map-tilesets input[type="checkbox"]').isChecked()).toBe(false);
      await page.getByTestId('online-toggle').click();
      const form = page.getByTestId('online-form');
      await form.locator('input[name="url"]').fill(`${base}/t{s}/{z}/{x}/{y}.png?tk={key}`);
      await form.locator('input[name="subdomains"]').fill('01');
      await form.locator('input[name="key"]').fill('e2e-key');
      await form.locator('input[name="attribution"]').fill('E2E online tiles');
      // The stand-in provider is on loopback, which only a named intranet tile server may be.
      await form.locator('input[name="intranetHosts"]').fill('127.0.0.1');
      await e2e.screenshot('map-online-form-zh-CN-dark');
      await page.getByTestId('online-save').click();
      await expect.poll(() => call<{ online: { keySet: boolean } }>(e2e, 'map.view', {}).online.keySet).toBe(true);
      await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length >= 4);
      await page.waitForTimeout(500);
      expect(await paintedShare(page)).toBeGreaterThan(0.6);
      expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('E2E online tiles');
      expect(hits.length).toBeGreaterThan(0);
      // Tiles came through the app's origin (the CSP allows nothing else), never straight from the provider.
      expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/tiles/online/')).length)).toBeGreaterThan(0);
      await e2e.screenshot('map-online-zh-CN-dark');

      // The provider goes away: tiles fail with a message, the layers are still drawn.
      await new Promise((resolve) => upstream.close(resolve));
      upstream.closeAllConnections();
      call(e2e, 'map.saveOnline', { url: `${base}/t{s}/{z}/{x}/{y}.png?tk={key}&v=2`, subdomains: '01', attribution: 'E2E online tiles', intranetHosts: ['127.0.0.1'] });
      call(e2e, 'map.saveView', { center: CENTRE, zoom: 16 });
      // English and light were chosen in the test before, and the choice survives the reload.
      await page.reload();
      await page.getByTestId('online-errors').waitFor();
      expect(await page.getByTestId('online-errors').textContent()).toContain('could not be fetched');
      expect(Number(await page.locator('canvas.fd-points').getAttribute('data-points')) + Number(await page.locator('canvas.fd-points').getAttribute('data-clusters'))).toBeGreaterThan(0);
      await e2e.screenshot('map-online-failed-en-light');
    } finally {
      upstream.close();
      mbtiles.close();
    }
  });

  it('adds a hazard point by clicking: a real register entry, opened where it was clicked (en, light)', async () => {
    const { page } = e2e;
    call(e2e, 'map.saveOnline', { url: '' });
    call(e2e, 'map.saveView', { center: CENTRE, zoom: 17 });
    await page.reload();
    await page.waitForSelector('canvas.fd-points[data-points]');
    expect(await page.locator('main h1').textContent()).toBe('Map');
    const { cx, cy } = await mapCentre(page);
    await page.getByTestId('tool-add').click();
    await page.mouse.click(cx - 300, cy + 200);
    const addForm = page.getByTestId('add-form');
    // A hazard point is the first choice; the form asks for what the register needs.
    expect(await addForm.getAttribute('data-what')).toBe('hazard');
    await addForm.locator('input[name="name"]').fill('景华新村地下车库');
    await addForm.locator('select[name="hazardType"]').selectOption('basement');
    await addForm.locator('select[name="riskLevel"]').selectOption('high');
    await e2e.screenshot('map-add-hazard-form-en-light');
    await page.getByTestId('add-save').click();
    await expect.poll(() => hazardsNamed('景华新村').length).toBe(1);
    const [point] = hazardsNamed('景华新村');
    expect(point).toMatchObject({ hazardType: 'basement', riskLevel: 'high' });
    // 300 px west and 200 px south at zoom 17: 0.00322° of longitude, 0.00198° of latitude.
    expect(Math.abs((point.lng - CENTRE.lng) * PX_PER_DEG.lng + 300)).toBeLessThan(3);
    expect(Math.abs((point.lat - CENTRE.lat) * PX_PER_DEG.lat + 200)).toBeLessThan(3);
    // The layer reloads and the new point opens, so the user sees it landed.
    await expect.poll(() => page.getByTestId('map-popup').locator('h3').textContent()).toBe('景华新村地下车库');
    expect(await page.locator('canvas.fd-focus-ring').getAttribute('data-focused')).toBe(point.id);
    await popupShown(page);
    await e2e.screenshot('map-add-hazard-saved-en-light');

    // Dragged 80 px east to correct it: stored through hazards.updatePoint, everything else kept.
    await page.getByTestId('popup-move').click();
    const handle = (await page.locator('.fd-drag-handle').boundingBox())!;
    const [hx, hy] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
    await page.mouse.move(hx, hy);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(hx + i * 10, hy, { steps: 2 });
    await page.mouse.up();
    await page.getByTestId('confirm-move').click();
    await expect.poll(() => Math.round((hazardsNamed('景华新村')[0].lng - point.lng) * PX_PER_DEG.lng)).toBe(80);
    // A horizontal drag: the latitude stays within the pixel the point is drawn on (the map's pixel grid
    // depends on the window's layout, so it need not be the stored value to the last decimal).
    const moved = hazardsNamed('景华新村')[0];
    expect(Math.abs((moved.lat - point.lat) * PX_PER_DEG.lat)).toBeLessThan(1);
    expect(moved).toMatchObject({ riskLevel: 'high', hazardType: 'basement', name: '景华新村地下车库' });
  });

  it('starts a patrol from a polygon, in nearest-neighbour order from the chosen start (zh-CN, dark)', async () => {
    const { page } = e2e;
    // Four slope points south-east of the centre, away from the demo data; name order is not walking order.
    const spots: [string, number, number][] = [['巡查甲', -22, 22], ['巡查乙', -30, 40], ['巡查丙', -24, 29], ['巡查丁', -29, 35]];
    for (const [name, dLat, dLng] of spots) call(e2e, 'hazards.createPoint', { name, hazardType: 'slope', lat: CENTRE.lat + dLat / 10_000, lng: CENTRE.lng + dLng / 10_000 });
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('theme-toggle').click();
    await page.reload();
    await page.waitForSelector('canvas.fd-points[data-points]');
    expect(await page.locator('main h1').textContent()).toBe('地图');
    const { cx, cy } = await mapCentre(page);
    await page.getByTestId('tool-select').click();
    for (const [dLat, dLng] of [[-18, 18], [-18, 44], [-34, 44], [-34, 18]]) await page.mouse.click(cx + (dLng / 10_000) * PX_PER_DEG.lng, cy - (dLat / 10_000) * PX_PER_DEG.lat);
    await page.getByTestId('finish-sketch').click();
    await page.getByTestId('selection').waitFor();
    expect(await page.getByTestId('start-patrol').textContent()).toContain('4');
    await page.getByTestId('start-patrol').click();
    const form = page.getByTestId('patrol-form');
    await form.locator('input[name="name"]').fill('华富南片边坡巡查');
    await page.getByTestId('patrol-start').selectOption({ label: '巡查甲' });
    // By hand, metres from 甲: 丙 75, 丁 155, 乙 205; then from 丙: 丁 83, 乙 131.
    const walk = ['巡查甲', '巡查丙', '巡查丁', '巡查乙'];
    expect(await page.getByTestId('patrol-order').locator('li').allTextContents()).toEqual(walk);
    await e2e.screenshot('map-patrol-form-zh-CN-dark');
    await page.getByTestId('patrol-save').click();
    await page.getByTestId('patrol-saved').waitFor();
    const route = call<RouteRecord[]>(e2e, 'hazards.listRoutes', {}).find((r) => r.name === '华富南片边坡巡查');
    expect(route?.pointNames).toEqual(walk);
    await e2e.screenshot('map-patrol-saved-zh-CN-dark');
    await page.getByTestId('patrol-link').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/hazards/patrols');
    await page.getByText('华富南片边坡巡查').first().waitFor();
  });

  it('moves keyboard focus with the arrows, opens the popup with Enter and closes it with Escape', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.app.url}#/map`);
    await page.waitForSelector('canvas.fd-points[data-points]');
    await page.locator('input[data-layer="markers"]').uncheck();
    const map = page.locator('.fd-map');
    // The map is one tab stop, named and described for screen readers.
    expect(await map.getAttribute('tabindex')).toBe('0');
    expect(await map.getAttribute('aria-describedby')).toBe('map-kbd-help');
    await map.focus();
    const byId = new Map(mapPoints(e2e).map((p) => [p.id, p]));
    const focused = async () => byId.get((await page.locator('canvas.fd-focus-ring').getAttribute('data-focused')) ?? '');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focused())?.name).toBeTruthy();
    const first = (await focused())!;
    await expect.poll(() => page.getByTestId('map-live').textContent()).toContain(first.name);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focused())?.id).not.toBe(first.id);
    const second = (await focused())!;
    // East of the first, within 45° of due east (pixels at zoom 17).
    const east = (second.lng - first.lng) * PX_PER_DEG.lng;
    expect(east).toBeGreaterThan(0);
    expect(Math.abs((second.lat - first.lat) * PX_PER_DEG.lat)).toBeLessThanOrEqual(east);
    await expect.poll(() => page.getByTestId('map-live').textContent()).toContain(second.name);
    await e2e.screenshot('map-keyboard-focus-zh-CN-dark');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('map-popup').locator('h3').textContent()).toBe(second.name);
    await popupShown(page);
    await e2e.screenshot('map-keyboard-popup-zh-CN-dark');
    await page.keyboard.press('Escape');
    await page.getByTestId('map-popup').waitFor({ state: 'detached' });
    // Focus is back on the map, so the arrows go on from the same point.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('fd-map'))).toBe(true);
    expect((await focused())?.id).toBe(second.id);
  });

  it('had no uncaught page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
