import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InspectionRecord, PhotoMeta, RectificationRecord, TemplateRecord } from '../../../core/contract/hazards-types';
import { hazardsMapLayer } from '../../../db/hazards/hazards.handlers';
import { counts, createPoint, PNG_1x1, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

// 2026-07-01 12:00 in Shanghai.
const NOON = Date.UTC(2026, 6, 1, 4, 0);
const HOUR = 3_600_000;

const basementAnswers = (fail: string | null) =>
  ['water_barrier', 'sandbags', 'pump_test', 'drains_clear', 'power_cutoff', 'evacuation_signs'].map((itemKey) => ({ itemKey, result: itemKey === fail ? 'fail' : 'pass', ...(itemKey === fail ? { note: '挡水板缺失两块' } : {}) }));

type Recorded = { inspection: InspectionRecord; rectifications: RectificationRecord[] };

describe('inspections and checklist versions', () => {
  it('keeps the version an inspection was made with after the checklist is revised', () => {
    const t = testDb(cleanups, NOON);
    const p = createPoint(t);
    const first = t.call<Recorded>('hazards.recordInspection', { pointId: p.id, inspectors: ['张伟'], atMs: NOON, answers: basementAnswers(null) });
    expect(first.inspection).toMatchObject({ overall: 'pass', template: { templateId: 'default.basement', version: 1 } });
    const [current] = t.call<TemplateRecord[]>('hazards.templateHistory', { hazardType: 'basement' });
    const revised = t.call<TemplateRecord>('hazards.reviseTemplate', { hazardType: 'basement', items: [...current.items, { key: 'flood_gate', labelZh: '防洪闸门', labelEn: 'Flood gate', kind: 'check', required: true }] });
    expect(revised.version).toBe(2);
    expect(t.fail('hazards.reviseTemplate', { hazardType: 'basement', items: revised.items }).key).toBe('errors.hazards.templateUnchanged');
    const old = t.call<{ template: TemplateRecord }>('hazards.getInspection', { id: first.inspection.id });
    expect(old.template.version).toBe(1);
    expect(old.template.items.map((i) => i.key)).not.toContain('flood_gate');
    // The new version now applies: the old answers miss the new required item.
    t.setNow(NOON + HOUR);
    const second = t.call<Recorded>('hazards.recordInspection', { pointId: p.id, inspectors: ['张伟'], atMs: NOON + HOUR, answers: basementAnswers(null) });
    expect(second.inspection).toMatchObject({ overall: 'incomplete', template: { version: 2 } });
  });

  it('opens a rectification order for a failed item in the same step and refuses unknown items', () => {
    const t = testDb(cleanups, NOON);
    const p = createPoint(t);
    const before = counts(t);
    expect(t.fail('hazards.recordInspection', { pointId: p.id, inspectors: ['张伟'], atMs: NOON, answers: [{ itemKey: 'nonsense', result: 'pass' }] }).key).toBe('errors.hazards.unknownItems');
    expect(t.fail('hazards.recordInspection', { pointId: p.id, inspectors: ['张伟'], atMs: NOON + 2 * HOUR, answers: basementAnswers(null) }).key).toBe('errors.hazards.futureTime');
    expect(counts(t)).toEqual(before);
    const { inspection, rectifications } = t.call<Recorded>('hazards.recordInspection', { pointId: p.id, inspectors: ['张伟', '李梅'], atMs: NOON, answers: basementAnswers('water_barrier') });
    expect(inspection.overall).toBe('fail');
    expect(rectifications).toHaveLength(1);
    expect(rectifications[0]).toMatchObject({ status: 'pending', itemKey: 'water_barrier', deadline: '2026-07-04', responsiblePerson: '王建国', noticeNo: '2026-0001', description: '挡水板：挡水板缺失两块' });
    const detail = t.call<{ point: { lastResult: string; nextDueMs: number } }>('hazards.getPoint', { id: p.id });
    expect(detail.point.lastResult).toBe('fail');
    // Weekly by default: due at the end of the duty day a week after this one (08:00 on 9 July, Shanghai).
    expect(detail.point.nextDueMs).toBe(Date.UTC(2026, 6, 9, 0, 0));
  });
});

describe('rectification flow and overdue count', () => {
  function openOrder() {
    const t = testDb(cleanups, NOON);
    const p = createPoint(t);
    const order = t.call<RectificationRecord>('hazards.openRectification', { pointId: p.id, description: '排水沟堵塞', deadline: '2026-07-02' });
    return { t, order };
  }

  it('walks 待整改→整改中→待复查→已销号 and refuses a re-check by the fixer', () => {
    const { t, order } = openOrder();
    const act = (action: string, actor: string) => t.call<RectificationRecord>('hazards.actOnRectification', { id: order.id, action, actor });
    expect(t.fail('hazards.actOnRectification', { id: order.id, action: 'pass', actor: '李梅' }).key).toBe('errors.hazards.rectification.illegal_transition');
    expect(t.fail('hazards.actOnRectification', { id: order.id, action: 'start', actor: ' ' }).key).toBe('errors.hazards.rectification.missing_actor');
    act('start', '王建国');
    act('submit', '王建国');
    const before = counts(t);
    expect(t.fail('hazards.actOnRectification', { id: order.id, action: 'pass', actor: '王建国' }).key).toBe('errors.hazards.rectification.same_person_recheck');
    expect(counts(t)).toEqual(before);
    expect(act('fail', '李梅').status).toBe('in_progress');
    act('submit', '王建国');
    const closed = act('pass', '李梅');
    expect(closed).toMatchObject({ status: 'closed', fixedBy: '王建国' });
    expect(closed.history.map((h) => h.action)).toEqual(['start', 'submit', 'fail', 'submit', 'pass']);
    expect(t.fail('hazards.actOnRectification', { id: order.id, action: 'start', actor: '李梅' }).key).toBe('errors.hazards.rectification.already_closed');
  });

  it('allows the fixer to re-check when the setting says so', () => {
    const { t, order } = openOrder();
    t.call('settings.update', { section: 'hazards', values: { recheckBySomeoneElse: false } });
    for (const action of ['start', 'submit', 'pass']) t.call('hazards.actOnRectification', { id: order.id, action, actor: '王建国' });
  });

  it('becomes overdue only when the duty day after the deadline starts (08:00), in the status bar too', () => {
    const { t, order } = openOrder();
    const overdue = () => t.call<{ overdueRectifications: number }>('system.status').overdueRectifications;
    // 07:59 on 3 July is still duty day 2 July, the deadline.
    t.setNow(Date.UTC(2026, 6, 2, 23, 59));
    expect(overdue()).toBe(0);
    t.setNow(Date.UTC(2026, 6, 3, 0, 0));
    expect(overdue()).toBe(1);
    expect(t.call<{ rows: RectificationRecord[] }>('hazards.listRectifications', { overdueOnly: true }).rows[0]).toMatchObject({ id: order.id, overdue: true, daysOverdue: 1 });
    const layer = hazardsMapLayer({ db: t.db, nowMs: Date.UTC(2026, 6, 3, 0, 0), settings: () => t.call('settings.get') } as never);
    expect(layer.points.map((columns) => columns.alerts)).toEqual([[0]]);
    // Handed in late, it still counts while it waits; closed, it never does.
    t.call('hazards.actOnRectification', { id: order.id, action: 'start', actor: '王建国' });
    t.call('hazards.actOnRectification', { id: order.id, action: 'submit', actor: '王建国' });
    expect(overdue()).toBe(1);
    t.call('hazards.actOnRectification', { id: order.id, action: 'pass', actor: '李梅' });
    expect(overdue()).toBe(0);
  });

  it('does not count a fix handed in on time as overdue while it waits for the re-check', () => {
    const { t, order } = openOrder();
    t.call('hazards.actOnRectification', { id: order.id, action: 'start', actor: '王建国' });
    t.call('hazards.actOnRectification', { id: order.id, action: 'submit', actor: '王建国' });
    t.setNow(Date.UTC(2026, 6, 10, 0, 0));
    expect(t.call<{ overdueRectifications: number }>('system.status').overdueRectifications).toBe(0);
  });
});

describe('photos', () => {
  const upload = (t: ReturnType<typeof testDb>, data = PNG_1x1) =>
    t.call<{ photo: PhotoMeta; deduplicated: boolean }>('hazards.uploadPhoto', { dataBase64: data, thumbBase64: PNG_1x1, mime: 'image/png', originalName: 'a.png' });

  it('stores one file per content, attaches it once, and serves it as a data URL', () => {
    const t = testDb(cleanups, NOON);
    const p = createPoint(t);
    const a = upload(t);
    const b = upload(t);
    expect([a.deduplicated, b.deduplicated]).toEqual([false, true]);
    expect(a.photo.sha256).toBe(b.photo.sha256);
    const folder = join(t.dir, 'files', a.photo.sha256.slice(0, 2));
    expect(readdirSync(folder).sort()).toEqual([`${a.photo.sha256}.png`, `${a.photo.sha256}.thumb.jpg`]);
    const rec = t.call<Recorded>('hazards.recordInspection', {
      pointId: p.id, inspectors: ['张伟'], atMs: NOON,
      answers: basementAnswers('pump_test').map((ans) => (ans.itemKey === 'pump_test' ? { ...ans, photoIds: [a.photo.id] } : ans)),
    });
    const got = t.call<{ photos: PhotoMeta[] }>('hazards.getInspection', { id: rec.inspection.id });
    expect(got.photos).toMatchObject([{ id: a.photo.id, itemKey: 'pump_test', ownerKind: 'inspection' }]);
    expect(t.fail('hazards.attachPhotos', { pointId: p.id, photoIds: [a.photo.id] }).key).toBe('errors.hazards.photoUnavailable');
    expect(t.call<{ dataUrl: string }>('hazards.photo', { id: a.photo.id, variant: 'full' }).dataUrl).toBe(`data:image/png;base64,${PNG_1x1}`);
    expect(existsSync(join(folder, `${a.photo.sha256}.png`))).toBe(true);
  });

  it('refuses files that are not images and photos over the size limit, saving nothing', () => {
    const t = testDb(cleanups, NOON);
    const before = counts(t);
    expect(t.fail('hazards.uploadPhoto', { dataBase64: Buffer.from('%PDF-1.7 not a photo').toString('base64'), thumbBase64: PNG_1x1, mime: 'image/jpeg' }).key).toBe('errors.hazards.notImage');
    t.call('settings.update', { section: 'hazards', values: { photoMaxMb: 0.5 } });
    const big = Buffer.alloc(600_000, 1);
    big.set([0xff, 0xd8, 0xff], 0);
    expect(t.fail('hazards.uploadPhoto', { dataBase64: big.toString('base64'), thumbBase64: PNG_1x1, mime: 'image/jpeg' }).key).toBe('errors.hazards.photoTooLarge');
    expect(t.fail('hazards.uploadPhoto', { dataBase64: 'not base64!', thumbBase64: PNG_1x1, mime: 'image/png' }).key).toBe('errors.hazards.photoCorrupt');
    expect({ ...counts(t), audit_log: before.audit_log }).toEqual(before);
    expect(existsSync(join(t.dir, 'files'))).toBe(false);
  });
});

describe('patrols', () => {
  it('records a run with times and findings and flags missed points', () => {
    const t = testDb(cleanups, NOON);
    const [a, b, c] = ['华富村地下车库', '笔架山边坡', '彩田路下穿通道'].map((name, i) => createPoint(t, { name, lat: 22.55 + i / 100 }));
    const route = t.call<{ id: string; due: boolean }>('hazards.saveRoute', { name: '华富北线', pointIds: [a.id, b.id, c.id], assignees: ['张伟'], frequency: { kind: 'days', every: 1 } });
    expect(route.due).toBe(true);
    expect(t.fail('hazards.saveRoute', { name: 'x', pointIds: [a.id, a.id], frequency: { kind: 'days', every: 1 } }).key).toBe('errors.hazards.routeInvalid');
    const run = t.call<{ missed: string[]; summary: { findings: unknown[]; complete: boolean } }>('hazards.recordRun', {
      routeId: route.id, patroller: '张伟', startedAtMs: NOON - 2 * HOUR,
      visits: [{ pointId: a.id, atMs: NOON - 2 * HOUR + 600_000 }, { pointId: c.id, atMs: NOON - HOUR, finding: '积水约 10 厘米' }],
    });
    expect(run.missed).toEqual([b.id]);
    expect(run.summary).toMatchObject({ complete: false, findings: [{ pointId: c.id, finding: '积水约 10 厘米' }] });
    const [listed] = t.call<{ due: boolean; lastRunMs: number }[]>('hazards.listRoutes');
    expect(listed).toMatchObject({ due: false, lastRunMs: NOON - 2 * HOUR });
    const layer = hazardsMapLayer({ db: t.db, nowMs: NOON, settings: () => t.call('settings.get') } as never);
    expect(layer.lines[0].path).toHaveLength(3);
  });
});

describe('staged import', () => {
  const row = (i: number) => ({ name: `测试点${i}`, hazardType: i % 2 ? '边坡/山体' : 'basement', lat: String(22.5 + i / 10000), lng: '114.07', riskLevel: '高风险', letterSigned: '否', community: '华富村社区' });

  it('saves nothing from 1,000 rows when one is bad, names the row, then imports the fixed file', () => {
    const t = testDb(cleanups, NOON);
    const before = counts(t);
    const { importId } = t.call<{ importId: string }>('hazards.importBegin', { fileName: 'points.xlsx' });
    const rows = Array.from({ length: 1000 }, (_, i) => row(i));
    rows[736] = { ...rows[736], lat: '北纬22度' };
    const first = t.call<{ issues: { row: number; errors: { field: string }[] }[] }>('hazards.importChunk', { importId, startRow: 2, rows: rows.slice(0, 500) });
    const second = t.call<{ issues: { row: number; errors: { field: string }[] }[] }>('hazards.importChunk', { importId, startRow: 502, rows: rows.slice(500) });
    expect([...first.issues, ...second.issues].filter((i) => i.errors.length)).toMatchObject([{ row: 738, errors: [{ field: 'lat' }] }]);
    const error = t.fail('hazards.importCommit', { importId });
    expect(error).toMatchObject({ key: 'errors.hazards.importHasErrors', params: { count: 1, rows: '738' } });
    expect(counts(t).hazard_points).toBe(before.hazard_points);
    t.call('hazards.importChunk', { importId, startRow: 738, rows: [row(736)] });
    expect(t.call('hazards.importCommit', { importId })).toEqual({ created: 1000 });
    expect(t.call<{ total: number }>('hazards.listPoints', { filter: { hazardType: 'slope' } }).total).toBe(500);
    expect(t.db.prepare('SELECT count(*) FROM hazard_import_rows').pluck().get()).toBe(0);
  });
});

describe('status and summary', () => {
  it('summarises per type and per community', () => {
    const t = testDb(cleanups, NOON);
    createPoint(t);
    createPoint(t, { name: '笔架山边坡', hazardType: 'slope', community: '福新社区', residents: 12, vulnerable: 3, riskLevel: 'critical' });
    const s = t.call<{ byType: { key: string; points: number; highRisk: number }[]; byCommunity: { key: string; residents: number }[]; total: { points: number } }>('hazards.summary');
    expect(s.total.points).toBe(2);
    expect(s.byType.map((r) => [r.key, r.points, r.highRisk])).toEqual([['basement', 1, 1], ['slope', 1, 1]]);
    expect(s.byCommunity.find((r) => r.key === '福新社区')?.residents).toBe(12);
  });
});
