import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
import type { ShelterView } from '../../core/contract/evac';
import type { HazardPoint } from '../../core/contract/hazards';
import type { StationRecord } from '../../core/contract/rain';
import type { AuditRow } from '../../core/contract/system';
import { HAZARD_TYPE_LABELS } from '../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../core/domain/hazards/points';

const ACTOR = { id: 'e2e', name: 'e2e', role: 'admin' as const };
const CENTRE = { lat: 22.5533, lng: 114.0719 };
const ZOOM = 18;
/** Web Mercator pixels per degree at zoom 18 around the centre (256·2^18/360, and that over cos φ for latitude). */
const PX_PER_DEG = { lng: (256 * 2 ** ZOOM) / 360, lat: (256 * 2 ** ZOOM) / 360 / Math.cos((CENTRE.lat * Math.PI) / 180) };

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Leaflet fades a popup in; a screenshot taken during the fade shows it half transparent. */
async function popupShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const popup = document.querySelector('.leaflet-popup');
    return popup !== null && getComputedStyle(popup).opacity === '1';
  });
}

/** Finds a point by name as a user would (search, Enter), which flies to it and opens its popup. */
async function openByName(page: Page, name: string): Promise<void> {
  await page.getByTestId('map-search').fill(name);
  await page.getByTestId('map-search').press('Enter');
  await expect.poll(() => page.getByTestId('map-popup').locator('h3').textContent()).toBe(name);
  await popupShown(page);
  // The flight has landed once the map stops moving: the zoom is written on zoomend.
  await expect.poll(() => page.locator('.fd-map').getAttribute('data-zoom').then(Number)).toBe(ZOOM);
  await page.waitForTimeout(700);
}

/** Drags the yellow handle by (dx, dy) screen pixels in small steps, as a hand would; returns where it was dropped. */
async function dragHandle(page: Page, dx: number, dy: number): Promise<{ x: number; y: number }> {
  const handle = (await page.locator('.fd-drag-handle').boundingBox())!;
  const [hx, hy] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
  await page.mouse.move(hx, hy);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(hx + (i * dx) / 8, hy + (i * dy) / 8, { steps: 2 });
  await page.mouse.up();
  return { x: hx + dx, y: hy + dy };
}

describe('dragging shelters and gauges on the map', () => {
  let e2e: E2E;
  let shelter: ShelterView;
  let gauge: StationRecord;
  let hazard: HazardPoint;
  const shelterNow = () => call<ShelterView[]>(e2e, 'evac.listShelters', { includeClosed: true }).find((s) => s.id === shelter.id)!;
  const gaugeNow = () => call<StationRecord[]>(e2e, 'rain.listStations', {}).find((s) => s.id === gauge.id)!;
  const history = (entity: string, entityId: string) => call<{ rows: AuditRow[] }>(e2e, 'audit.list', { entity, entityId }).rows;

  beforeAll(async () => {
    e2e = await startE2E({ demo: false, viewport: { width: 1400, height: 900 } });
    // A few hundred metres apart, so each fills the screen alone at zoom 18.
    shelter = call<ShelterView>(e2e, 'evac.createShelter', { name: '华富小学安置点', type: 'school', capacity: 180, lat: CENTRE.lat, lng: CENTRE.lng });
    gauge = call<StationRecord>(e2e, 'rain.saveStation', { code: 'FT-R09', name: '莲花山雨量站', type: 'rain', lat: CENTRE.lat + 0.004, lng: CENTRE.lng + 0.004 });
    hazard = call<{ point: HazardPoint }>(e2e, 'hazards.createPoint', { name: '景田北下穿通道', hazardType: 'underpass', riskLevel: 'critical', lat: CENTRE.lat - 0.004, lng: CENTRE.lng - 0.004 }).point;
    call(e2e, 'map.saveView', { center: CENTRE, zoom: ZOOM });
    await e2e.page.goto(`${e2e.app.url}#/map`);
    await e2e.page.waitForSelector('canvas.fd-points[data-points]');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('moves a shelter after confirmation: stored, drawn there, and in its history (zh-CN, dark)', async () => {
    const { page } = e2e;
    await openByName(page, shelter.name);
    await page.getByTestId('popup-move').click();
    const drop = await dragHandle(page, 80, -40);
    await page.getByTestId('confirm-move').waitFor();
    await e2e.screenshot('map-move-shelter-confirm-zh-CN-dark');
    await page.getByTestId('confirm-move').click();
    await expect.poll(() => shelterNow().lng !== shelter.lng).toBe(true);
    const moved = shelterNow();
    // 80 px east and 40 px north at zoom 18, to within a pixel; nothing else of the shelter changed.
    expect(Math.abs((moved.lng! - shelter.lng!) * PX_PER_DEG.lng - 80)).toBeLessThan(1.5);
    expect(Math.abs((moved.lat! - shelter.lat!) * PX_PER_DEG.lat - 40)).toBeLessThan(1.5);
    expect(moved).toMatchObject({ name: shelter.name, type: 'school', capacitySet: 180 });
    const [last] = history('evac_shelter', shelter.id);
    expect(last.method).toBe('evac.updateShelter');
    expect(last.before).toMatchObject({ lat: shelter.lat, lng: shelter.lng });
    expect(last.after).toMatchObject({ lat: moved.lat, lng: moved.lng });

    // The reloaded layer draws it where it was dropped: a click there opens it.
    await page.getByTestId('confirm-move').waitFor({ state: 'detached' });
    await page.locator('.fd-drag-handle').waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        await page.mouse.click(drop.x, drop.y);
        return page.getByTestId('map-popup').locator('h3').textContent({ timeout: 500 }).catch(() => null);
      })
      .toBe(shelter.name);
    await popupShown(page);
    await e2e.screenshot('map-move-shelter-saved-zh-CN-dark');
    await page.locator('.leaflet-popup-close-button').click();
  });

  it('moves a gauge after confirmation, and keeps its history (en, light)', async () => {
    const { page } = e2e;
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Map');
    await openByName(page, gauge.name);
    await page.getByTestId('popup-move').click();
    await dragHandle(page, -60, 30);
    await page.getByTestId('confirm-move').waitFor();
    await e2e.screenshot('map-move-gauge-confirm-en-light');
    await page.getByTestId('confirm-move').click();
    await expect.poll(() => gaugeNow().lng !== gauge.lng).toBe(true);
    const moved = gaugeNow();
    expect(Math.abs((moved.lng! - gauge.lng!) * PX_PER_DEG.lng + 60)).toBeLessThan(1.5);
    expect(Math.abs((moved.lat! - gauge.lat!) * PX_PER_DEG.lat + 30)).toBeLessThan(1.5);
    expect(moved).toMatchObject({ code: 'FT-R09', name: gauge.name, type: 'rain' });
    const [last] = history('rain_station', gauge.id);
    expect(last.method).toBe('rain.saveStation');
    expect(last.before).toMatchObject({ lat: gauge.lat, lng: gauge.lng });
    expect(last.after).toMatchObject({ lat: moved.lat, lng: moved.lng });
  });

  it('cancelling a drag, by the button or by Escape, moves nothing and records nothing', async () => {
    const { page } = e2e;
    const before = { shelter: shelterNow(), gauge: gaugeNow(), audit: call<{ total: number }>(e2e, 'audit.list', { limit: 1 }).total };
    await openByName(page, gauge.name);
    await page.getByTestId('popup-move').click();
    await dragHandle(page, 120, 60);
    await page.getByTestId('cancel-move').waitFor();
    await e2e.screenshot('map-move-cancel-en-light');
    await page.getByTestId('cancel-move').click();
    await page.locator('.fd-drag-handle').waitFor({ state: 'detached' });
    expect(await page.getByTestId('confirm-move').count()).toBe(0);

    await openByName(page, before.shelter.name);
    await page.getByTestId('popup-move').click();
    await dragHandle(page, -100, -50);
    await page.getByTestId('confirm-move').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.fd-drag-handle').waitFor({ state: 'detached' });
    expect(await page.getByTestId('confirm-move').count()).toBe(0);

    expect(gaugeNow()).toEqual(before.gauge);
    expect(shelterNow()).toEqual(before.shelter);
    expect(call<{ total: number }>(e2e, 'audit.list', { limit: 1 }).total).toBe(before.audit);
  });

  it('shows a hazard point’s facts in the language chosen', async () => {
    const { page } = e2e;
    await openByName(page, hazard.name);
    const facts = page.getByTestId('popup-facts');
    await expect.poll(() => facts.textContent()).toContain(HAZARD_TYPE_LABELS.underpass.en);
    expect(await facts.textContent()).toContain(RISK_LEVEL_LABELS.critical.en);
    expect(await facts.textContent()).not.toContain(HAZARD_TYPE_LABELS.underpass.zh);
    await popupShown(page);
    await e2e.screenshot('map-popup-hazard-en-light');
    await page.locator('.leaflet-popup-close-button').click();
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('theme-toggle').click();
    await openByName(page, hazard.name);
    await expect.poll(() => facts.textContent()).toContain(HAZARD_TYPE_LABELS.underpass.zh);
    expect(await facts.textContent()).toContain(RISK_LEVEL_LABELS.critical.zh);
    await popupShown(page);
    await e2e.screenshot('map-popup-hazard-zh-CN-dark');
  });

  it('had no uncaught page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
