import { afterEach, describe, expect, it } from 'vitest';
import type { DamageDetail, DamageRecord } from '../../../core/contract/damage';
import type { PhotoMeta } from '../../../core/contract/hazards-types';
import { collapsed, counts, HOUR, HUAFU, logCall, NOW, openEvent, testDb } from './support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('damage register: record, correct, verify, remove', () => {
  it('records version 1 as reported, audited, and finds it by event, type, status and text', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const r = collapsed(t, event.id);
    expect(r).toMatchObject({
      version: 1, change: 'record', status: 'reported', type: 'house_collapsed', eventId: event.id, source: { kind: 'manual', id: null },
      quantities: { houses_collapsed_households: 2, houses_collapsed_rooms: 5 }, lossWan: 12.5, recordedBy: '测试员', verifiedBy: null, deletedAt: null,
    });
    expect(r.place).toEqual({ name: '华富村旧楼12栋', hazardPointId: null, ...HUAFU });
    const audit = t.call<{ rows: { entityId: string; method: string }[] }>('audit.list', { entity: 'damage_record' }).rows;
    expect(audit).toMatchObject([{ entityId: r.id, method: 'damage.record' }]);
    const list = (filter: object) => t.call<{ rows: DamageRecord[]; total: number }>('damage.list', filter);
    expect(list({ eventId: event.id, type: 'house_collapsed', status: 'reported', text: '旧楼' }).rows.map((x) => x.id)).toEqual([r.id]);
    expect(list({ text: '100%_' }).total).toBe(0);
    expect(list({ status: 'verified' }).total).toBe(0);
  });

  it('corrects by a new version that supersedes the old one: history kept, never edited in place', () => {
    const t = testDb(cleanups);
    const r = collapsed(t, openEvent(t).id);
    t.setNow(NOW + HOUR);
    const fixed = t.call<DamageRecord>('damage.correct', { id: r.id, expectedVersion: 1, reason: '现场核查为3户', patch: { quantities: { houses_collapsed_households: 3, houses_collapsed_rooms: 6 } } });
    expect(fixed).toMatchObject({ id: r.id, version: 2, change: 'correct', status: 'corrected', reason: '现场核查为3户', lossWan: 12.5, quantities: { houses_collapsed_households: 3 } });
    const detail = t.call<DamageDetail>('damage.get', { id: r.id });
    expect(detail.history.map((v) => [v.version, v.status, v.quantities.houses_collapsed_households, v.supersededAt === null])).toEqual([
      [1, 'reported', 2, false],
      [2, 'corrected', 3, true],
    ]);
    // The schema itself refuses an in-place edit or a deletion of a version.
    expect(() => t.db.prepare('UPDATE damage_versions SET loss_wan = 0 WHERE record_id = ?').run(r.id)).toThrow(/never edited/);
    expect(() => t.db.prepare('DELETE FROM damage_versions WHERE record_id = ?').run(r.id)).toThrow(/never deleted/);
    expect(t.fail('damage.correct', { id: r.id, expectedVersion: 2, reason: '无', patch: { lossWan: 12.5 } }).key).toBe('errors.damage.nothingChanged');
    expect(t.fail('damage.correct', { id: r.id, expectedVersion: 2, reason: '', patch: { lossWan: 1 } }).issues?.[0].path).toBe('reason');
  });

  it('verifies with who and when, and refuses a stale version (409 with the record as it is) and a second verification', () => {
    const t = testDb(cleanups);
    const r = collapsed(t, openEvent(t).id);
    t.setNow(NOW + 2 * HOUR);
    const checked = t.call<DamageRecord>('damage.verify', { id: r.id, expectedVersion: 1, verifiedBy: '林晓红', note: '电话核实' });
    expect(checked).toMatchObject({ version: 2, change: 'verify', status: 'verified', verifiedBy: '林晓红', verifiedAtMs: NOW + 2 * HOUR, reason: '电话核实', recordedBy: '测试员' });
    const before = counts(t);
    const stale = t.fail('damage.verify', { id: r.id, expectedVersion: 1 });
    expect(stale).toMatchObject({ code: 'conflict', key: 'errors.conflict', current: { id: r.id, version: 2, status: 'verified' } });
    expect(t.fail('damage.correct', { id: r.id, expectedVersion: 1, reason: '更正', patch: { lossWan: 1 } }).key).toBe('errors.conflict');
    expect(t.fail('damage.verify', { id: r.id, expectedVersion: 2 }).key).toBe('errors.damage.alreadyVerified');
    expect(counts(t)).toEqual(before);
    // A correction of verified figures must be checked again.
    const corrected = t.call<DamageRecord>('damage.correct', { id: r.id, expectedVersion: 2, reason: '损失复核', patch: { lossWan: 20 } });
    expect(corrected).toMatchObject({ version: 3, status: 'corrected', verifiedBy: null, verifiedAtMs: null });
  });

  it('removes softly with a reason: kept with its history, out of lists, closed to changes', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const r = collapsed(t, event.id);
    expect(t.fail('damage.remove', { id: r.id, expectedVersion: 1, reason: '' }).issues?.[0].path).toBe('reason');
    expect(t.call('damage.remove', { id: r.id, expectedVersion: 1, reason: '重复登记' })).toEqual({ removed: true });
    expect(t.call<{ total: number }>('damage.list', { eventId: event.id }).total).toBe(0);
    expect(t.call<{ rows: DamageRecord[] }>('damage.list', { eventId: event.id, includeRemoved: true }).rows[0]).toMatchObject({ id: r.id, deleteReason: '重复登记', deletedBy: '测试员' });
    expect(t.call<DamageDetail>('damage.get', { id: r.id }).history).toHaveLength(1);
    expect(t.fail('damage.correct', { id: r.id, expectedVersion: 1, reason: '更正', patch: { lossWan: 1 } }).key).toBe('errors.damage.removed');
    expect(t.fail('damage.remove', { id: r.id, expectedVersion: 1, reason: '再删' }).key).toBe('errors.damage.removed');
    expect(t.db.prepare('SELECT count(*) FROM damage_records').pluck().get()).toBe(1);
  });
});

describe('damage register: sources, places and photos', () => {
  it('records from a duty log entry prefilled and linked, and refuses a second record unless asked', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const entry = logCall(t, event.id);
    const input = { entryId: entry.entryId, type: 'waterlogging', quantities: { waterlogging_sites: 1, waterlogging_depth_cm: 20 } };
    const r = t.call<DamageRecord>('damage.recordFromLogEntry', input);
    expect(r).toMatchObject({ eventId: event.id, occurredAtMs: entry.receivedAtMs, description: entry.content, source: { kind: 'log_entry', id: entry.entryId } });
    const before = counts(t);
    expect(t.fail('damage.recordFromLogEntry', input)).toMatchObject({ code: 'conflict', key: 'errors.damage.alreadyFromEntry', params: { count: 1 } });
    expect(t.fail('damage.record', { eventId: event.id, ...input, source: { kind: 'log_entry', id: entry.entryId } }).key).toBe('errors.damage.alreadyFromEntry');
    expect(counts(t)).toEqual(before);
    const second = t.call<DamageRecord>('damage.recordFromLogEntry', { entryId: entry.entryId, type: 'vehicle', quantities: { vehicles_damaged: 1 }, allowSecond: true });
    expect(second.source).toEqual({ kind: 'log_entry', id: entry.entryId });
    expect(t.fail('damage.recordFromLogEntry', { ...input, entryId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ key: 'errors.notFound', params: { entity: 'duty_log_entry' } });
  });

  it('takes the open event when the log entry names none, and asks for one when none is open', () => {
    const t = testDb(cleanups);
    const entry = logCall(t, null);
    const input = { entryId: entry.entryId, type: 'tree_fallen', quantities: { trees_fallen: 2 } };
    expect(t.fail('damage.recordFromLogEntry', input).key).toBe('errors.damage.eventRequired');
    const event = openEvent(t);
    expect(t.call<DamageRecord>('damage.recordFromLogEntry', input).eventId).toBe(event.id);
  });

  it('checks that a source exists and puts damage at a hazard point given without a position', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = counts(t);
    for (const kind of ['hazard_point', 'incident', 'inspection', 'log_entry']) {
      expect(t.fail('damage.record', { eventId: event.id, type: 'tree_fallen', quantities: { trees_fallen: 1 }, source: { kind, id: missing } }).key, kind).toBe('errors.notFound');
    }
    expect(t.fail('damage.record', { eventId: missing, type: 'tree_fallen', quantities: { trees_fallen: 1 } }).params).toMatchObject({ entity: 'event' });
    expect(counts(t)).toEqual(before);
    const { point } = t.call<{ point: { id: string; name: string; lat: number; lng: number } }>('hazards.createPoint', {
      name: '笔架山公园东侧边坡', hazardType: 'slope', address: '笔架山公园东门', lat: 22.5638, lng: 114.0704, riskLevel: 'critical',
    });
    const slide = t.call<DamageRecord>('damage.record', { eventId: event.id, type: 'landslide', quantities: { landslide_sites: 1 }, source: { kind: 'hazard_point', id: point.id } });
    expect(slide.place).toEqual({ name: '笔架山公园东侧边坡', hazardPointId: point.id, lat: point.lat, lng: point.lng });
    const incident = t.call<{ id: string }>('duty.openIncident', { title: '笋岗西路树木倒伏', location: '笋岗西路与华富路交叉口', eventId: event.id });
    const tree = t.call<DamageRecord>('damage.record', { eventId: event.id, type: 'tree_fallen', quantities: { trees_fallen: 1 }, source: { kind: 'incident', id: incident.id } });
    expect(tree.place).toMatchObject({ name: '笋岗西路与华富路交叉口', lat: null });
  });

  it('links uploaded photos once, and shows them with the record', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const { photo } = t.call<{ photo: PhotoMeta }>('hazards.uploadPhoto', { dataBase64: PNG_1x1, thumbBase64: PNG_1x1, mime: 'image/png', originalName: '倒塌.png' });
    const r = collapsed(t, event.id, { photoIds: [photo.id] });
    expect(r.photoCount).toBe(1);
    expect(t.call<DamageDetail>('damage.get', { id: r.id }).photos.map((p) => p.id)).toEqual([photo.id]);
    expect(t.fail('damage.record', { eventId: event.id, type: 'tree_fallen', quantities: { trees_fallen: 1 }, photoIds: [photo.id] })).toMatchObject({ key: 'errors.damage.photoTaken', params: { name: '倒塌.png' } });
  });
});

describe('damage register: validation and permissions', () => {
  it('refuses figures that do not fit the type with plain field issues, in both languages, writing nothing', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const before = counts(t);
    const wrong = t.fail('damage.record', { eventId: event.id, type: 'house_collapsed', quantities: { houses_collapsed_rooms: 1.5, trees_fallen: 3 } });
    expect(wrong.key).toBe('errors.damage.figures');
    expect(wrong.issues?.map((i) => i.path)).toEqual(['quantities.houses_collapsed_rooms', 'quantities.trees_fallen', 'quantities.houses_collapsed_households']);
    expect(wrong.issues?.[2]).toMatchObject({ message: 'Houses collapsed (households): required for "House collapsed"', messageZh: '“房屋倒塌”须填写倒塌房屋（户）' });
    const negative = t.fail('damage.record', { eventId: event.id, type: 'vehicle', quantities: { vehicles_damaged: -1 } });
    expect(negative).toMatchObject({ key: 'errors.validation', issues: [{ path: 'quantities.vehicles_damaged' }] });
    expect(t.fail('damage.record', { eventId: event.id, type: 'vehicle', quantities: { vehicles_damaged: 1 }, occurredAtMs: NOW + 2 * HOUR }).key).toBe('errors.damage.inFuture');
    expect(t.fail('damage.record', { eventId: event.id, type: 'vehicle', quantities: { vehicles_damaged: 1 }, place: { lat: 22.5 } }).issues?.[0].path).toBe('place.lng');
    expect(counts(t)).toEqual(before);
  });

  it('refuses every damage write to a viewer, and verification to safety staff, who may record', () => {
    const t = testDb(cleanups);
    const event = openEvent(t);
    const viewer = { id: 'v', name: '访客', role: 'viewer' as const };
    const staff = { id: 's', name: '安全员', role: 'safety_staff' as const };
    const input = { eventId: event.id, type: 'tree_fallen', quantities: { trees_fallen: 1 } };
    expect(t.fail('damage.record', input, viewer)).toMatchObject({ code: 'forbidden' });
    const r = t.call<DamageRecord>('damage.record', input, staff);
    expect(r.recordedBy).toBe('安全员');
    expect(t.fail('damage.verify', { id: r.id, expectedVersion: 1 }, staff)).toMatchObject({ code: 'forbidden' });
    expect(t.fail('damage.remove', { id: r.id, expectedVersion: 1, reason: 'x' }, staff)).toMatchObject({ code: 'forbidden' });
    expect(t.call<{ total: number }>('damage.list', {}, viewer).total).toBe(1);
  });
});
