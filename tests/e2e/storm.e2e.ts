import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { DamageDetail, StatReport, StatReportHeader } from '../../core/contract/damage';
import type { LogPage, WarningRecord, ResponseRecord, RotaMonthView, IncidentsOverview } from '../../core/contract/dutyShared';
import type { PersonRow, ShelterView } from '../../core/contract/evac';
import type { EventRecord } from '../../core/contract/system';
import { responseLevelLabel } from '../../core/domain/duty/warnings';
import { eventDisplayName } from '../../core/domain/events/name';
import { addDays, formatLocal } from '../../core/time';
import { translate, type TKey, type TParams } from '../../renderer/i18n';
import { startE2E, type E2E } from './harness';

/**
 * Issue #14's walk: a new desk with only its unit set, then one typhoon as a duty officer meets
 * it, every step through the UI. The statistics report's and the summary's figures are then
 * computed here from the records (API reads) and compared with the screen and the exported files.
 */

const ACTOR = { id: 'e2e', name: 'e2e', role: 'admin' as const };
const ZONE = 'Asia/Shanghai';
const UNIT = { zh: '福田区华富街道办事处', en: 'Huafu Subdistrict Office, Futian' };
const TYPHOON = { year: 2025, number: 6, name: '韦帕', nameEn: 'Wipha' };
const HOUSEHOLD = ['陈建国', '林秀英', '陈小红', '陈一一'];
const CALLS = [
  { channel: 'phone', from: '李女士', unit: '梅林一村', content: '梅林坳边坡有落石，坡下陈建国一家四口需转移', action: '已通知社区转移' },
  { channel: 'phone', from: '王先生', unit: '景田市政所', content: '景田北路口积水约40厘米，车辆无法通行', action: '已通知市政抽排' },
  { channel: 'message', from: '区三防办', unit: '', content: '各街道落实危险区域人员转移，18时前报送转移人数', action: '已转带班领导' },
] as const;

function call<T>(e2e: E2E, method: string, input: unknown): T {
  const result = e2e.app.dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** A real JPEG made by others (a world-map tile from the shared test data), so the upload is a photo the browser decodes. */
function realJpeg(): Buffer {
  const db = new Database(join(process.cwd(), '..', 'shared', 'data', 'mbtiles', 'geography-class-jpg.mbtiles'), { readonly: true });
  try {
    return db.prepare('SELECT tile_data FROM tiles ORDER BY zoom_level DESC LIMIT 1').pluck().get() as Buffer;
  } finally {
    db.close();
  }
}

/** Polls with room for a busy two-core CI machine (the default second is too short there). */
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** Clicks the first enabled submit of a form and waits until `done` holds (written state, read back through the API). */
async function submitUntil(page: Page, testId: string, done: () => boolean): Promise<void> {
  await page.getByTestId(testId).click();
  await until(done).toBe(true);
}

/** The figures the summary must show, each computed from the stored records of the event. */
function expectedFigures(e2e: E2E, event: EventRecord, toDay: string): Record<string, number> {
  const fromDay = formatLocal(event.startedAtMs, 'yyyy-MM-dd', ZONE);
  const days: string[] = [];
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) days.push(d);
  const rota = [...new Set(days.map((d) => d.slice(0, 7)))].flatMap((month) => call<RotaMonthView>(e2e, 'duty.rotaMonth', { month }).days.filter((d) => days.includes(d.date)));
  const links = call<{ warnings: WarningRecord[]; responses: ResponseRecord[] }>(e2e, 'duty.eventLinks', { eventId: event.id });
  const incidents = call<IncidentsOverview>(e2e, 'duty.incidents', { includeClosed: true, limit: 500 }).incidents.filter((i) => i.eventId === event.id);
  const people = call<{ rows: PersonRow[] }>(e2e, 'evac.listPeople', { eventId: event.id }).rows;
  return {
    'reports.fig.days': days.length,
    'reports.fig.rotaDays': rota.filter((d) => d.leader || d.officers.length).length,
    'reports.fig.leaderDays': rota.filter((d) => d.leader).length,
    'reports.fig.logEntries': call<LogPage>(e2e, 'duty.listLog', { eventId: event.id, limit: 1 }).total,
    'reports.fig.calls': call<LogPage>(e2e, 'duty.listLog', { eventId: event.id, channel: 'phone', limit: 1 }).total,
    'reports.fig.warnings': links.warnings.length,
    'reports.fig.warningsLifted': links.warnings.filter((w) => w.liftedAtMs !== null).length,
    'reports.fig.incidents': incidents.length,
    'reports.fig.movedPeople': people.length,
    'reports.fig.movedHouseholds': new Set(people.map((p) => p.householdId)).size,
    'reports.fig.vulnerable': people.filter((p) => p.flags.length > 0).length,
    'reports.fig.stillOut': call<{ total: number }>(e2e, 'evac.listPeople', { eventId: event.id, status: 'out' }).total,
    'reports.fig.sheltersUsed': new Set(people.map((p) => p.shelterId).filter(Boolean)).size,
  };
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`a whole storm on a new desk in Chromium (${lang})`, () => {
    let e2e: E2E;
    let page: Page;
    let event: EventRecord;
    let shelter: ShelterView;
    const t = (key: TKey, params?: TParams) => translate(lang, key, params);
    const shot = (step: string) => e2e.screenshot(`storm-${step}-${lang}-dark`);
    const logOf = (input: object = {}) => call<LogPage>(e2e, 'duty.listLog', { eventId: event.id, ...input });
    const links = () => call<{ warnings: WarningRecord[]; responses: ResponseRecord[] }>(e2e, 'duty.eventLinks', { eventId: event.id });
    const people = (status: string | null = null) => call<{ rows: PersonRow[] }>(e2e, 'evac.listPeople', { eventId: event.id, status }).rows;
    const damage = () => call<{ rows: DamageDetail['record'][] }>(e2e, 'damage.list', { eventId: event.id }).rows;

    beforeAll(async () => {
      // A new desk: no demo records. Nothing is seeded through the API; every record below is made in the UI.
      e2e = await startE2E({ demo: false, lang, theme: 'dark', viewport: { width: 1440, height: 1000 } });
      page = e2e.page;
    });
    afterAll(async () => {
      await e2e?.close();
    });

    it('1. sets the unit up and creates the typhoon, which the status bar then shows', async () => {
      await page.goto(`${e2e.app.url}#/settings`);
      // The fields take keys before the stored settings arrive, and then lose them: wait for the example name.
      await until(() => page.inputValue('input[name="unitName"]')).not.toBe('');
      await page.fill('input[name="unitName"]', UNIT.zh);
      await page.fill('input[name="unitNameEn"]', UNIT.en);
      await page.locator('input[name="unitName"]').press('Enter');
      await until(() => call<{ general: { unitName: string } }>(e2e, 'settings.get', {}).general.unitName).toBe(UNIT.zh);

      await page.goto(`${e2e.app.url}#/duty/events`);
      await page.getByTestId('event-new').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="event-form"] select:focus');
      for (const value of [TYPHOON.year, TYPHOON.number, TYPHOON.name, TYPHOON.nameEn]) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Control+a');
        await page.keyboard.type(String(value));
      }
      await shot('1-event-form');
      await page.keyboard.press('Enter');
      await until(() => call<EventRecord[]>(e2e, 'events.list', {}).length).toBe(1);
      event = call<EventRecord[]>(e2e, 'events.list', {})[0];
      expect(event).toMatchObject({ kind: 'typhoon', typhoonYear: TYPHOON.year, typhoonNumber: TYPHOON.number, name: TYPHOON.name, nameEn: TYPHOON.nameEn, endedAtMs: null });
      await until(() => page.getByTestId('status-event').textContent()).toContain(eventDisplayName(event, lang === 'en' ? 'en' : 'zh'));
      await shot('1-event');
    });

    it('2. raises an orange rainstorm warning and a response from Ⅳ to Ⅲ, all under the event', async () => {
      await page.goto(`${e2e.app.url}#/duty/warnings`);
      const form = page.getByTestId('issue-warning-form');
      await form.locator('select[name="type"]').selectOption('rainstorm');
      await form.locator('select[name="colour"]').selectOption('orange');
      await form.locator('input[name="issuedBy"]').fill('深圳市气象台');
      await submitUntil(page, 'issue-warning', () => links().warnings.length === 1);
      expect(links().warnings[0]).toMatchObject({ type: 'rainstorm', colour: 'orange', eventId: event.id, liftedAtMs: null });
      await until(() => page.getByTestId('active-warnings').textContent()).toContain(t('duty.warn.colour.orange'));

      const panel = page.getByTestId('response-panel');
      await panel.getByLabel(t('duty.resp.declaredBy')).fill('区防汛指挥部');
      for (const level of [4, 3] as const) {
        await panel.getByLabel(t('duty.resp.level')).selectOption(String(level));
        await panel.getByRole('button', { name: t('duty.resp.declare') }).click();
        await until(() => links().responses.map((r) => r.level).at(-1)).toBe(level);
      }
      expect(links().responses.map((r) => [r.level, r.eventId])).toEqual([[4, event.id], [3, event.id]]);
      await until(() => panel.locator('p.big').textContent()).toContain('Ⅲ');
      await shot('2-warnings');
    });

    it('3. logs the calls under the event by keyboard', async () => {
      await page.goto(`${e2e.app.url}#/duty/log`);
      await until(() => page.getByTestId('log-event').inputValue()).toBe(event.id);
      for (const entry of CALLS) {
        const before = logOf().total;
        await page.selectOption('select[name="channel"]', entry.channel);
        await page.focus('select[name="channel"]');
        for (const text of [entry.from, entry.unit, entry.content, entry.action]) {
          await page.keyboard.press('Tab');
          await page.keyboard.type(text);
        }
        await page.keyboard.press('Control+Enter');
        await until(() => logOf().total).toBe(before + 1);
      }
      for (const entry of CALLS) expect(logOf({ query: entry.content.slice(0, 6) }).rows.map((r) => [r.channel, r.eventId])).toEqual([[entry.channel, event.id]]);
      await until(() => page.getByTestId('log-row').count()).toBe(logOf().total);
      await shot('3-log');
    });

    it('4. opens a shelter, moves the household from the slope, shelters three and sends one to relatives', async () => {
      await page.goto(`${e2e.app.url}#/evac`);
      await until(() => page.getByTestId('evac-event').inputValue()).toBe(event.id);
      await page.getByTestId('evac-tab-shelters').click();
      await page.getByTestId('shelter-new').click();
      const shelterForm = page.getByTestId('shelter-form');
      await shelterForm.locator('input[name="name"]').fill('华富小学');
      await shelterForm.locator('select[name="type"]').selectOption('school');
      await shelterForm.locator('input[name="area"]').fill('300');
      await submitUntil(page, 'shelter-save', () => call<ShelterView[]>(e2e, 'evac.listShelters', {}).length === 1);
      shelter = call<ShelterView[]>(e2e, 'evac.listShelters', {})[0];
      expect(shelter.capacity).toBe(200);

      await page.getByTestId('evac-tab-move').click();
      const form = page.getByTestId('move-form');
      await form.locator('select[name="sourceKind"]').selectOption('hazard_point');
      await form.locator('input[name="sourceName"]').fill('梅林坳边坡');
      await form.locator('input[name="sourceId"]').fill('HF-ML-001');
      await form.locator('input[name="headName"]').fill(HOUSEHOLD[0]);
      for (const [i, name] of HOUSEHOLD.entries()) {
        if (i > 0) await form.getByTestId('add-member').click();
        await form.locator(`input[name="name-${i}"]`).fill(name);
      }
      await form.getByTestId('member-row').nth(1).getByLabel(t('evac.flag.elderly')).check();
      await shot('4-move');
      await page.getByTestId('move-submit').click();
      await until(() => page.getByTestId('move-done').textContent()).toBe(t('evac.move.done', { moved: HOUSEHOLD.length, again: 0, dup: 0 }));

      await page.getByTestId('evac-tab-people').click();
      // Every row names the household head too, so a person is found by their own checkbox.
      const tick = (name: string) => page.getByTestId('people-list').getByRole('checkbox', { name, exact: true });
      const row = (name: string) => page.getByTestId('person-row').filter({ has: page.getByRole('checkbox', { name, exact: true }) });
      await until(() => page.getByTestId('person-row').count()).toBe(HOUSEHOLD.length);
      for (const name of HOUSEHOLD.slice(0, 3)) await tick(name).check();
      await page.locator('select[name="target"]').selectOption(shelter.id);
      await page.getByTestId('do-checkin').click();
      await until(() => people('in_shelter').length).toBe(3);
      await tick(HOUSEHOLD[3]).check();
      await page.getByTestId('bulk-actions').getByRole('button', { name: t('evac.people.disperse') }).click();
      await until(() => people('dispersed').map((p) => p.name)).toEqual([HOUSEHOLD[3]]);
      await until(() => row(HOUSEHOLD[3]).textContent()).toContain(t('evac.status.dispersed'));
      expect(people('in_shelter').every((p) => p.shelterId === shelter.id)).toBe(true);
      await shot('4-people');
    });

    it('5. records damage in one click from the call, and at a point found on the map with a photo', async () => {
      await page.goto(`${e2e.app.url}#/duty/log`);
      const entry = logOf({ query: CALLS[1].content.slice(0, 6) }).rows[0];
      await page.getByTestId('log-row').filter({ hasText: CALLS[1].content }).click();
      await page.getByTestId('log-record-damage').click();
      await until(() => page.inputValue('textarea[name="description"]')).toBe(CALLS[1].content);
      await page.selectOption('select[name="type"]', 'waterlogging');
      await page.fill('input[name="quantities.waterlogging_sites"]', '1');
      await page.fill('input[name="placeName"]', '景田北路口');
      await shot('5-damage-from-log');
      await submitUntil(page, 'dmg-save', () => damage().length === 1);
      expect(damage()[0]).toMatchObject({ source: { kind: 'log_entry', id: entry.entryId }, quantities: { waterlogging_sites: 1 } });

      // On the map: click where the house stands, choose Damage, and the damage form opens at that point.
      const place = '梅林坳边坡坡下民房';
      await page.goto(`${e2e.app.url}#/map`);
      await page.waitForSelector('canvas.fd-points[data-points]');
      const box = (await page.locator('.fd-map').boundingBox())!;
      await page.getByTestId('tool-add').click();
      await page.mouse.click(box.x + box.width / 2 + 120, box.y + box.height / 2 - 80);
      const addForm = page.getByTestId('add-form');
      await addForm.locator('input[data-what="damage"]').check();
      const form = addForm.getByTestId('dmg-form');
      await form.waitFor();
      await until(() => form.locator('select[name="eventId"]').inputValue()).toBe(event.id);
      const lat = Number(await form.locator('input[name="lat"]').inputValue());
      const lng = Number(await form.locator('input[name="lng"]').inputValue());
      await form.locator('select[name="type"]').selectOption('house_collapsed');
      await form.locator('input[name="quantities.houses_collapsed_households"]').fill('1');
      await form.locator('input[name="quantities.houses_collapsed_rooms"]').fill('2');
      await form.locator('input[name="lossWan"]').fill('3.5');
      await form.locator('input[name="placeName"]').fill(place);
      await form.getByTestId('dmg-photo').setInputFiles({ name: 'slope-house.jpg', mimeType: 'image/jpeg', buffer: realJpeg() });
      await form.getByTestId('hz-thumb').locator('img').waitFor();
      await shot('5-damage-form');
      await submitUntil(page, 'dmg-save', () => damage().length === 2);
      const mapped = damage().find((r) => r.place.name === place)!;
      expect(mapped).toMatchObject({ source: { kind: 'map_point' }, photoCount: 1, place: { lat, lng }, quantities: { houses_collapsed_households: 1, houses_collapsed_rooms: 2 } });
      // On the damage layer at once, its popup leading to the record.
      await page.getByTestId('map-popup').locator(`a[href="#/damage/${mapped.id}"]`).waitFor();
      await shot('5-map-damage');
    });

    it('6. files the statistics quick report (初报) and exports it, every figure equal to the records', async () => {
      await page.goto(`${e2e.app.url}#/damage/stats`);
      await page.getByTestId('dmg-stat-table').waitFor();
      await until(() => page.getByTestId('dmg-event').inputValue()).toBe(event.id);
      const records = damage();
      const sum = (indicator: string) => records.reduce((total, r) => total + ((r.quantities as Record<string, number>)[indicator] ?? 0), 0);
      const expected: Record<string, number> = {
        collapsed_households: sum('houses_collapsed_households'),
        collapsed_rooms: sum('houses_collapsed_rooms'),
        dead: sum('people_dead'),
        missing: sum('people_missing'),
        direct_loss_wan: records.reduce((total, r) => total + r.lossWan, 0),
        // 紧急转移安置: placed in a shelter or with relatives; 转移避险: everyone moved.
        relocated: people('in_shelter').length + people('dispersed').length,
        moved_precaution: people().length,
      };
      expect(expected).toMatchObject({ collapsed_households: 1, relocated: HOUSEHOLD.length });
      const row = (id: string) => page.locator(`[data-testid="dmg-stat-row"][data-row="${id}"]`);
      for (const [id, value] of Object.entries(expected)) await until(() => row(id).getByTestId('dmg-stat-value').textContent()).toBe(String(value));

      // 受灾人口 has no record behind it: the officer enters it.
      await row('affected_people').getByTestId('dmg-stat-edit').click();
      await row('affected_people').getByTestId('dmg-stat-edit-value').fill(String(HOUSEHOLD.length));
      await row('affected_people').getByTestId('dmg-stat-edit-value').press('Enter');
      await until(() => row('affected_people').getByTestId('dmg-stat-value').textContent()).toBe(String(HOUSEHOLD.length));
      await shot('6-stats');
      await submitUntil(page, 'dmg-stat-save', () => call<StatReportHeader[]>(e2e, 'damage.statReports', { eventId: event.id }).length === 1);
      const [kept] = call<StatReportHeader[]>(e2e, 'damage.statReports', { eventId: event.id });
      expect(kept.stage).toBe('initial');
      const report = call<StatReport>(e2e, 'damage.statReport', { id: kept.id });
      for (const [id, value] of Object.entries(expected)) expect([id, report.rows.find((r) => r.row === id)?.reported]).toEqual([id, value]);

      await page.getByTestId('dmg-stat-version').first().getByRole('button').click();
      await page.getByTestId('dmg-stat-viewing').waitFor();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download(page, 'dmg-stat-xlsx')) as unknown as ArrayBuffer);
      const cells = (book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
      for (const figure of report.rows.filter((r) => r.reported !== null)) expect([figure.row, cells.some((r) => r[2] === figure.reported)]).toEqual([figure.row, true]);
      await page.getByTestId('dmg-stat-back').click();
    });

    it('7. drafts the summary and exports Word and the sheet, every figure equal to the records', async () => {
      const dayBefore = formatLocal(Date.now(), 'yyyy-MM-dd', ZONE);
      await page.goto(`${e2e.app.url}#/reports`);
      const draft = page.getByTestId('reports-draft');
      await until(() => draft.inputValue()).toContain(t('reports.section.next'));
      // In English the report is drafted in both languages; this walk files it in English alone.
      if (lang === 'en') {
        await page.getByTestId('reports-lang').selectOption('en');
        await until(() => draft.inputValue()).toMatch(/^\(Typhoon/);
      }
      const text = await draft.inputValue();
      // The report runs to the day it was drafted: read back from its scope line, as the clock may pass midnight.
      const toDay = text.match(/\d{4}-\d{2}-\d{2}/g)!.at(-1)!;
      expect([dayBefore, formatLocal(Date.now(), 'yyyy-MM-dd', ZONE)]).toContain(toDay);
      const figures = expectedFigures(e2e, event, toDay);
      const docLang = lang === 'en' ? 'en' : 'zh-CN';
      const label = (key: string) => translate(docLang, key as TKey);

      expect(text).toContain(translate(docLang, 'reports.draft.dutyLog', { n: figures['reports.fig.logEntries'], calls: figures['reports.fig.calls'] }));
      expect(text).toContain(translate(docLang, 'reports.draft.dutyResponse', { level: responseLevelLabel(Math.min(...links().responses.map((r) => r.level)) as 1)[lang === 'en' ? 'en' : 'zh'] }));
      expect(text).toContain(translate(docLang, 'reports.draft.shelters', { n: figures['reports.fig.sheltersUsed'], list: lang === 'en' ? shelter.nameEn || shelter.name : shelter.name }));

      const shown = async (section: string) =>
        Object.fromEntries(await page.getByTestId(`reports-section-${section}`).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, Number(r.querySelector('td')!.textContent)])));
      const onScreen = { ...(await shown('duty')), ...(await shown('response')) };
      for (const [key, value] of Object.entries(figures)) expect([key, onScreen[t(key as TKey)]]).toEqual([key, value]);
      // The damage paragraph quotes the statistics report just filed.
      const loss = call<StatReport>(e2e, 'damage.statReport', { id: call<StatReportHeader[]>(e2e, 'damage.statReports', { eventId: event.id })[0].id }).rows.find((r) => r.row === 'direct_loss_wan')!.reported;
      expect(await page.getByTestId('reports-damage').textContent()).toContain(lang === 'zh-CN' ? `直接经济损失${loss}万元` : `direct economic loss ${loss} (10k yuan)`);
      await shot('7-reports');

      const docx = await download(page, 'reports-docx');
      const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
      const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
      expect(words).toContain(lang === 'en' ? UNIT.en : UNIT.zh);
      for (const [key, value] of Object.entries(figures)) expect(words).toContain(`${label(key)}\n${value}\n`);

      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download(page, 'reports-xlsx')) as unknown as ArrayBuffer);
      const rows = book.getWorksheet(label('reports.sheet.figures'))!.getSheetValues().filter(Boolean) as unknown[][];
      for (const [key, value] of Object.entries(figures)) expect([key, rows.find((r) => r[2] === label(key))?.[3]]).toEqual([key, value]);
    });

    it('had no page errors', () => {
      expect(e2e.pageErrors).toEqual([]);
    });
  });
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync(await file.path());
}
