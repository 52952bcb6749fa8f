import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../db/demo';
import type { Dispatcher } from '../../db/platform/dispatch';
import { DEMO_ACTOR } from '../../db/platform/seed';
import { pointAt, type PointLayerId } from '../../core/contract/map-layers';
import type { MapLayers } from '../../core/contract/map';
import { createTestDb } from '../support/db';
import { startE2E, type E2E } from './harness';

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
const ACTOR = { id: 'e2e', name: 'e2e', role: 'admin' as const };

/**
 * What a user typed into the demo: every string the demo seeder sends through the contract
 * (names, addresses, notes, log text). These may stay Chinese in English mode; anything else
 * Chinese on screen was written by the app and is a leak. Taken from the seeder's own calls,
 * so text the backend composes or a catalogue label can never pass as data.
 */
function demoTypedValues(nowMs: number): string[] {
  const test = createTestDb(nowMs);
  const values = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (CJK.test(value)) values.add(value.trim());
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const recording: Dispatcher = {
    ...test.dispatcher,
    call: (method, input, actor) => {
      collect(input);
      return test.dispatcher.call(method, input, actor);
    },
  } as Dispatcher;
  try {
    seedDemo(test.db, recording, nowMs);
  } finally {
    test.close();
  }
  return [...values];
}

/**
 * Chinese on purpose, and why:
 * - lang="zh-CN": text in Chinese by design (the logo glyph, the language's own name, the Chinese
 *   label field of a bilingual editor), declared so for screen readers too;
 * - data-user-text: an editor whose content is the user's own catalogue, in both languages at once;
 * - .log-content: a duty-log entry as stored. Entries the app writes itself (a warning received or
 *   lifted, a response declared) are composed in Chinese into the legal record; translating them needs
 *   the entry's origin stored with it (a migration), not done here.
 */
const SKIPPED = ['[lang^="zh"]', '[data-user-text]', '.log-content'];

interface Leak {
  where: string;
  text: string;
}

/**
 * Chinese left in the visible interface after every typed value is taken out: text of visible
 * elements (options of visible selects too), and the placeholder, title, aria-label, alt and value
 * of visible elements, outside the SKIPPED ones.
 */
function visibleLeaks(page: Page, typed: string[]): Promise<Leak[]> {
  return page.evaluate(
    ({ typed, cjk, skipped }) => {
      const CJK_RE = new RegExp(cjk);
      const SKIPPED = skipped.join(', ');
      const longestFirst = [...typed].sort((a, b) => b.length - a.length);
      // A whole value is taken out wherever it appears; what remains may still hold a value cut short
      // on screen (a handover line is shortened with "…"): a run of two or more Chinese characters
      // found inside a typed value is data too. A lone character (a unit, a colon) never is.
      const RUNS = new RegExp(`(?:${cjk})+`, 'g');
      const leftover = (text: string): string => {
        let rest = text;
        for (const value of longestFirst) if (rest.includes(value)) rest = rest.split(value).join(' ');
        return rest.replace(RUNS, (run) => (run.length >= 2 && typed.some((value) => value.includes(run)) ? ' ' : run));
      };
      const shown = (el: Element): boolean => {
        const host = el.closest('option, optgroup') ? el.closest('select') : el;
        return host instanceof HTMLElement && host.checkVisibility({ visibilityProperty: true, opacityProperty: false }) && !el.closest(SKIPPED);
      };
      const leaks: { where: string; text: string }[] = [];
      const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${Array.from(el.classList).join('.')}`;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const parent = node.parentElement;
        if (!parent || !CJK_RE.test(text) || parent.closest('script, style')) continue;
        if (!shown(parent)) continue;
        if (CJK_RE.test(leftover(text))) leaks.push({ where: describe(parent), text: text.trim().slice(0, 120) });
      }
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (!shown(el)) continue;
        for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
          const value = el.getAttribute(name);
          if (value && CJK_RE.test(leftover(value))) leaks.push({ where: `${describe(el)}@${name}`, text: value.slice(0, 120) });
        }
        if ((el instanceof HTMLInputElement && el.type !== 'file') || el instanceof HTMLTextAreaElement) {
          if (CJK_RE.test(leftover(el.value))) leaks.push({ where: `${describe(el)}@value`, text: el.value.slice(0, 120) });
        }
      }
      return leaks;
    },
    { typed, cjk: CJK.source, skipped: SKIPPED },
  );
}

describe('English mode with demo data: no interface Chinese', () => {
  let e2e: E2E;
  let typed: string[];
  const found = new Map<string, Leak[]>();
  const call = <T>(method: string, input: unknown): T => {
    const result = e2e.app.dispatcher.call(method, input, ACTOR);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const check = async (screen: string) => {
    const { page } = e2e;
    // Lazy panels and queries settle before the text is read.
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.body.innerText.includes('Loading'));
    const leaks = await visibleLeaks(page, typed);
    if (leaks.length) found.set(screen, leaks);
  };

  beforeAll(async () => {
    const now = Date.now();
    typed = [...demoTypedValues(now), DEMO_ACTOR.name];
    e2e = await startE2E({ lang: 'en', clock: () => now });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('visits every section and tab', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.app.url}#/duty`);
    await page.waitForSelector('main[data-section="duty"] h1');
    for (const tab of ['log', 'events', 'rota', 'warnings', 'handover', 'equipment', 'incidents', 'people', 'settings']) {
      await page.locator(`[role="tab"][data-tab="${tab}"]`).click();
      await page.waitForSelector(`[data-duty-tab="${tab}"]`);
      await check(`duty/${tab}`);
    }
    for (const tab of ['today', 'list', 'rects', 'patrols', 'summary', 'import', 'templates']) {
      await page.goto(`${e2e.app.url}#/hazards/${tab === 'list' ? '' : tab}`);
      await page.waitForSelector(`.hz[data-view="${tab}"]`);
      await check(`hazards/${tab}`);
    }
    for (const tab of ['dashboard', 'move', 'people', 'shelters']) {
      await page.goto(`${e2e.app.url}#/evac`);
      await page.getByTestId(`evac-tab-${tab}`).click();
      await check(`evac/${tab}`);
    }
    for (const section of ['damage', 'rain', 'map', 'reports', 'settings']) {
      await page.goto(`${e2e.app.url}#/${section}`);
      await page.waitForSelector(`main[data-section="${section}"] h1`);
      await check(section);
    }
    await page.goto(`${e2e.app.url}#/map`);
    await page.getByTestId('map-search').waitFor();
    const layers = call<MapLayers>('map.layers', {});
    for (const columns of layers.points) {
      const point = pointAt(columns, 0);
      await page.getByTestId('map-search').fill(point.name);
      await page.getByTestId('map-search').press('Enter');
      await page.getByTestId('map-popup').waitFor();
      await check(`map/popup/${columns.layer as PointLayerId}`);
      // A search can leave the previous point's popup behind the new one: close them all.
      await page.keyboard.press('Escape');
      await page.locator('.leaflet-popup').first().waitFor({ state: 'detached' });
    }
    // Still open, and named here so the test fails (and this goes) once it is fixed: the handover
    // composes its rectification lines and its text on the server from the order's stored Chinese
    // description; translating them needs the checklist item there (see renderer/sections/hazards/rectText.ts).
    const handover = found.get('duty/handover') ?? [];
    expect(handover.length).toBeGreaterThan(0);
    expect(handover.every((leak) => leak.text.includes('安全等级：C 级') || leak.where.startsWith('textarea'))).toBe(true);
    found.delete('duty/handover');
    expect(Object.fromEntries(found)).toEqual({});
  });
});
