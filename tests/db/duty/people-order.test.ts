import { afterEach, describe, expect, it } from 'vitest';
import type { DutyPersonRecord } from '../../../core/contract/dutyShared';
import { createTestDb, type TestDb } from '../../support/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(): TestDb {
  const t = createTestDb();
  cleanups.push(t.close);
  return t;
}

describe('the people register is in pinyin order, as the hazard register is', () => {
  it('files 安娜 < 李四 < 吕布 (lǚ after li) < 欧阳修 < 张三, active people first', () => {
    const t = setup();
    // Code-point order would be 吕 (U+5415) < 安 (U+5B89) < 张 (U+5F20) < 李 (U+674E) < 欧 (U+6B27).
    for (const name of ['张三', '安娜', '李四', '欧阳修', '吕布']) t.call('duty.savePerson', { name, roles: ['officer'] });
    t.call('duty.savePerson', { name: '白求恩', roles: ['officer'], active: false });
    const names = t.call<DutyPersonRecord[]>('duty.listPeople', { includeInactive: true }).map((p) => p.name);
    expect(names).toEqual(['安娜', '李四', '吕布', '欧阳修', '张三', '白求恩']);
    const active = t.call<DutyPersonRecord[]>('duty.listPeople', { includeInactive: false }).map((p) => p.name);
    expect(active).toEqual(['安娜', '李四', '吕布', '欧阳修', '张三']);
  });

  it('reads a surname by its surname reading: 曾 (zēng) files under Z, not C', () => {
    const t = setup();
    for (const name of ['曾小明', '陈大文', '王五']) t.call('duty.savePerson', { name, roles: ['officer'] });
    expect(t.call<DutyPersonRecord[]>('duty.listPeople', {}).map((p) => p.name)).toEqual(['陈大文', '王五', '曾小明']);
  });
});
