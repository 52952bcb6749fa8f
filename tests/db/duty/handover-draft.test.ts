import { afterEach, describe, expect, it } from 'vitest';
import type { HandoverRecord, HandoverSavedDraft, HandoverView } from '../../../core/contract/dutyShared';
import { zonedToUtc } from '../../../core/time';
import { createTestDb, type TestDb } from '../../support/db';
import { dutyCounts, seedPeople } from '../../support/dutyFixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(): TestDb {
  const t = createTestDb(zonedToUtc('2026-07-05', '07:30'));
  cleanups.push(t.close);
  return t;
}

const save = (t: TestDb, text: string, expectedVersion: number | null) =>
  t.call<HandoverSavedDraft>('duty.saveHandoverDraft', { outgoingDay: '2026-07-04', text, expectedVersion });

describe('the handover draft before signing', () => {
  it('keeps the outgoing officer’s edits across reloads, version by version', () => {
    const t = setup();
    const drafted = t.call<HandoverView>('duty.handover', { outgoingDay: '2026-07-04' });
    expect(drafted.savedDraft).toBeNull();
    const first = save(t, `${drafted.draft.text.zh}\n补充：北环路涵洞仍有积水`, null);
    expect(first).toMatchObject({ version: 1, savedBy: '测试员', lang: 'zh' });
    t.setNow(zonedToUtc('2026-07-05', '07:40'));
    const second = save(t, `${drafted.draft.text.zh}\n补充：北环路涵洞积水已退`, 1);
    expect(second).toMatchObject({ id: first.id, version: 2, savedAtMs: zonedToUtc('2026-07-05', '07:40') });
    expect(t.call<HandoverView>('duty.handover', { outgoingDay: '2026-07-04' }).savedDraft).toEqual(second);
    const audit = t.call<{ rows: { entity: string }[] }>('audit.list', { entity: 'duty_handover_draft' }).rows;
    expect(audit).toHaveLength(2);
  });

  it('refuses a save over someone else’s, returning theirs and changing nothing', () => {
    const t = setup();
    const theirs = save(t, '甲的交班内容', null);
    const counts = dutyCounts(t);
    const stale = t.fail('duty.saveHandoverDraft', { outgoingDay: '2026-07-04', text: '乙的交班内容', expectedVersion: null });
    expect(stale).toMatchObject({ code: 'conflict', key: 'errors.conflict', current: theirs });
    expect(t.fail('duty.saveHandoverDraft', { outgoingDay: '2026-07-04', text: '乙的交班内容', expectedVersion: 5 }).key).toBe('errors.conflict');
    expect(dutyCounts(t)).toEqual(counts);
    expect(t.call<HandoverView>('duty.handover', { outgoingDay: '2026-07-04' }).savedDraft!.text).toBe('甲的交班内容');
  });

  it('is frozen once signed: the signed text stays, and the draft can no longer change', () => {
    const t = setup();
    seedPeople(t);
    save(t, '交班：北环路涵洞仍有积水', null);
    const signed = t.call<HandoverRecord>('duty.signHandover', { outgoingDay: '2026-07-04', text: '交班：北环路涵洞仍有积水', signedBy: '刘洋' });
    const counts = dutyCounts(t);
    expect(t.fail('duty.saveHandoverDraft', { outgoingDay: '2026-07-04', text: '签字后再改', expectedVersion: 1 }).key).toBe('errors.duty.handoverSigned');
    expect(() => t.db.prepare("UPDATE duty_handover_drafts SET text = '绕过服务修改'").run()).toThrow(/frozen/);
    expect(() => t.db.prepare('DELETE FROM duty_handover_drafts').run()).toThrow(/kept/);
    expect(dutyCounts(t)).toEqual(counts);
    const view = t.call<HandoverView>('duty.handover', { outgoingDay: '2026-07-04' });
    expect(view.record).toEqual(signed);
    expect(view.savedDraft!.text).toBe('交班：北环路涵洞仍有积水');
  });

  it('refuses a draft for a day that has not begun', () => {
    const t = setup();
    const counts = dutyCounts(t);
    expect(t.fail('duty.saveHandoverDraft', { outgoingDay: '2026-07-06', text: '明天的交班', expectedVersion: null }).key).toBe('errors.duty.handoverFuture');
    expect(dutyCounts(t)).toEqual(counts);
  });
});
