import { afterEach, describe, expect, it } from 'vitest';
import type { DamageRecord, StatDraft, StatReport, StatReportHeader } from '../../../core/contract/damage';
import type { MoveResult } from '../../../core/contract/evac';
import { draftDescription } from '../../../core/domain/damage/statText';
import { collapsed, HOUR, NOW, openEvent, testDb } from './support';
import { TEST_ACTOR, type TestDb } from '../../support/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const draft = (t: TestDb, input: Record<string, unknown>) => t.call<StatDraft>('damage.statDraft', input);
const value = (rows: StatDraft['rows'], row: string) => rows.find((r) => r.row === row);
const tableCount = (t: TestDb, table: string) => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function moveThree(t: TestDb, eventId: string, atMs: number): MoveResult {
  return t.call<MoveResult>('evac.moveGroup', {
    eventId, source: { kind: 'address', address: '华富村 3 栋' }, atMs, households: [{ members: [{ name: '陈建国' }, { name: '陈小红' }, { name: '陈大明' }] }],
  });
}

describe('statistics quick report: draft, save, versions', () => {
  it('drafts every row from the records as of an instant: damage totals with their records, relocated vs moved, hand rows empty', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const house = collapsed(t, event.id);
    const moved = moveThree(t, event.id, NOW - 3 * HOUR);
    t.call('evac.place', { eventId: event.id, personIds: [moved.moved[0].personId], kind: 'dispersed', where: '亲戚家', atMs: NOW - 2 * HOUR });
    t.call('evac.place', { eventId: event.id, personIds: [moved.moved[1].personId], kind: 'elsewhere', where: '单位宿舍', atMs: NOW - 2 * HOUR });
    const d = draft(t, { eventId: event.id });
    expect(d).toMatchObject({ stage: 'initial', asOfMs: NOW, records: 1, refusal: null, kept: [] });
    expect(value(d.rows, 'collapsed_households')).toMatchObject({ computed: 2, reported: 2, verified: 0, recordIds: [house.id], unverified: false });
    expect(value(d.rows, 'collapsed_rooms')).toMatchObject({ computed: 5, unit: 'room' });
    expect(value(d.rows, 'direct_loss_wan')).toMatchObject({ computed: 12.5, unit: 'wan_yuan' });
    expect(value(d.rows, 'relocated')).toMatchObject({ computed: 1, recordIds: [] });
    expect(value(d.rows, 'moved_precaution')).toMatchObject({ computed: 3 });
    expect(value(d.rows, 'affected_people')).toMatchObject({ computed: null, reported: null });
    const described = draftDescription(d, Object.fromEntries(d.rows.map((r) => [r.row, r.reported])), 'zh');
    expect(described).toContain('倒塌房屋2户5间');
    expect(described).toContain('受灾人口、需紧急生活救助人口待统计填报');
    expect(described).toContain('一、灾害基本情况：台风“苏拉”自');
    // Before the dispersal, nobody was resettled yet; before the move, nobody was moved.
    expect(value(draft(t, { eventId: event.id, asOfMs: NOW - 2.5 * HOUR }).rows, 'relocated')?.computed).toBe(0);
    expect(value(draft(t, { eventId: event.id, asOfMs: NOW - 4 * HOUR }).rows, 'moved_precaution')?.computed).toBe(0);
    // A record written after the instant is not in the figures of that instant.
    expect(value(draft(t, { eventId: event.id, asOfMs: NOW - 1 }).rows, 'collapsed_households')?.computed).toBe(0);
    // A 核报 flags figures that rest on unverified records.
    expect(value(draft(t, { eventId: event.id, stage: 'final' }).rows, 'collapsed_households')?.unverified).toBe(true);
  });

  it('keeps 初报 then 续报 with edits and reasons, audited, read back as sent even after the records change', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const house = collapsed(t, event.id);
    const first = t.call<StatReport>('damage.statSave', {
      eventId: event.id, stage: 'initial', asOfMs: NOW, expectedSeq: 0, description: '初报说明',
      figures: [{ row: 'affected_people', value: 120, reason: '' }, { row: 'collapsed_households', value: 3, reason: '社区电话补报1户' }],
    });
    expect(first.header).toMatchObject({ stage: 'initial', seq: 1, asOfMs: NOW, description: '初报说明', createdBy: '测试员', edits: 1 });
    expect(value(first.rows, 'collapsed_households')).toMatchObject({ computed: 2, reported: 3, reason: '社区电话补报1户', recordIds: [house.id] });
    expect(value(first.rows, 'affected_people')).toMatchObject({ computed: null, reported: 120, reason: '' });
    expect(value(first.rows, 'needing_aid')).toMatchObject({ reported: null });
    const audit = t.call<{ rows: { entityId: string; method: string }[] }>('audit.list', { entity: 'damage_stat_report' }).rows;
    expect(audit).toMatchObject([{ entityId: first.header.id, method: 'damage.statSave' }]);

    t.setNow(NOW + HOUR);
    t.call<DamageRecord>('damage.correct', { id: house.id, expectedVersion: 1, reason: '核查为3户', patch: { quantities: { houses_collapsed_households: 3, houses_collapsed_rooms: 6 } } });
    const update = t.call<StatReport>('damage.statSave', { eventId: event.id, stage: 'update', asOfMs: NOW + HOUR, expectedSeq: 1 });
    expect(update.header).toMatchObject({ stage: 'update', seq: 2, edits: 0 });
    expect(value(update.rows, 'collapsed_households')).toMatchObject({ computed: 3, reported: 3, reason: '' });
    // The 初报 still reads as it was sent, with the records behind it as they stood then.
    const again = t.call<StatReport>('damage.statReport', { id: first.header.id });
    expect(value(again.rows, 'collapsed_households')).toMatchObject({ computed: 2, reported: 3, recordIds: [house.id] });
    expect(t.call<StatReportHeader[]>('damage.statReports', { eventId: event.id }).map((h) => [h.seq, h.stage])).toEqual([[1, 'initial'], [2, 'update']]);
  });

  it('refuses out-of-order stages, a stale seq (409 with the latest version), an edit without a reason, and a 核报 with rows missing, writing nothing', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    collapsed(t, event.id);
    const save = (input: Record<string, unknown>) => t.fail('damage.statSave', { eventId: event.id, asOfMs: NOW, expectedSeq: 0, ...input });
    expect(save({ stage: 'update' }).key).toBe('errors.damage.stat.initialFirst');
    expect(save({ stage: 'final' }).key).toBe('errors.damage.stat.initialFirst');
    const edit = save({ stage: 'initial', figures: [{ row: 'collapsed_households', value: 4, reason: '' }] });
    expect(edit).toMatchObject({ key: 'errors.damage.stat.figures', issues: [{ path: 'figures.collapsed_households' }] });
    expect(save({ stage: 'initial', asOfMs: NOW + 2 * HOUR }).key).toBe('errors.damage.stat.asOfFuture');
    expect(tableCount(t, 'damage_stat_reports')).toBe(0);

    t.call('damage.statSave', { eventId: event.id, stage: 'initial', asOfMs: NOW, expectedSeq: 0 });
    // Another desk saved the 初报 meanwhile: this desk still thinks there is none.
    expect(save({ stage: 'initial' })).toMatchObject({ code: 'conflict', key: 'errors.conflict', current: { seq: 1, stage: 'initial' } });
    expect(save({ stage: 'initial', expectedSeq: 1 }).key).toBe('errors.damage.stat.initialTwice');
    expect(save({ stage: 'update', expectedSeq: 1, asOfMs: NOW - HOUR }).key).toBe('errors.damage.stat.asOfBackwards');
    const incomplete = save({ stage: 'final', expectedSeq: 1, figures: [{ row: 'affected_people', value: 10, reason: '' }] });
    expect(incomplete).toMatchObject({ key: 'errors.damage.stat.figures', issues: [{ path: 'figures.needing_aid' }] });
    t.call('damage.statSave', { eventId: event.id, stage: 'final', asOfMs: NOW, expectedSeq: 1, figures: [{ row: 'affected_people', value: 10, reason: '' }, { row: 'needing_aid', value: 0, reason: '' }] });
    expect(save({ stage: 'update', expectedSeq: 2 }).key).toBe('errors.damage.stat.afterFinal');
    expect(draft(t, { eventId: event.id }).refusal).toEqual({ key: 'errors.damage.stat.afterFinal' });
    expect(tableCount(t, 'damage_stat_reports')).toBe(2);
    expect(t.fail('damage.statReport', { id: '00000000-0000-4000-8000-000000000000' }).code).toBe('not_found');
  });

  it('lets only the damage writers save: a viewer is refused', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const viewer = { ...TEST_ACTOR, role: 'viewer' as const };
    expect(t.fail('damage.statSave', { eventId: event.id, stage: 'initial', asOfMs: NOW, expectedSeq: 0 }, viewer).code).toBe('forbidden');
  });
});

describe('demo data', () => {
  it("keeps the typhoon's 初报, figures as the records give them, the affected population entered and the aid figure still open", async () => {
    const { seedDemo } = await import('../../../db/demo');
    const t = testDb(cleanups);
    seedDemo(t.db, t.dispatcher, NOW);
    const typhoon = t.call<{ id: string; kind: string }[]>('events.list', { includeEnded: true }).find((e) => e.kind === 'typhoon')!;
    const [initial, ...more] = t.call<StatReportHeader[]>('damage.statReports', { eventId: typhoon.id });
    expect(more).toEqual([]);
    expect(initial).toMatchObject({ stage: 'initial', seq: 1, edits: 0 });
    const report = t.call<StatReport>('damage.statReport', { id: initial.id });
    const now = draft(t, { eventId: typhoon.id, asOfMs: initial.asOfMs, stage: 'update' });
    expect(value(report.rows, 'direct_loss_wan')?.reported).toBe(value(now.rows, 'direct_loss_wan')?.computed);
    expect(value(report.rows, 'direct_loss_wan')?.reported).toBeGreaterThan(0);
    expect(value(report.rows, 'relocated')?.reported).toBeGreaterThan(0);
    expect(value(report.rows, 'affected_people')?.reported).toBe(320);
    expect(value(report.rows, 'needing_aid')?.reported).toBeNull();
  });
});
