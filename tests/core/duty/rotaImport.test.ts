import { describe, expect, it } from 'vitest';
import { parseImportDate, personResolver, splitNames } from '../../../core/domain/duty/rotaImport';

describe('parseImportDate', () => {
  it('reads the ways offices write dates', () => {
    for (const text of ['2024-07-01', '2024/7/1', '2024.07.1', '2024年7月1日', ' 2024 - 7 - 1 ']) expect(parseImportDate(text)).toBe('2024-07-01');
  });

  it('refuses what is not a real calendar date', () => {
    for (const text of ['', '7/1', '2024-02-30', '2024-13-01', '明天', '2024-07-01 08:00']) expect(parseImportDate(text)).toBeNull();
  });
});

describe('splitNames', () => {
  it('splits on Chinese and Latin separators and drops blanks', () => {
    expect(splitNames('张伟、李娜，王强;赵敏/ 钱进 ,')).toEqual(['张伟', '李娜', '王强', '赵敏', '钱进']);
    expect(splitNames('  ')).toEqual([]);
  });
});

describe('personResolver', () => {
  const people = [
    { id: 'a', name: '张伟', phone: '138-0000-1111', phone2: '', active: true },
    { id: 'b', name: '张伟', phone: '13900002222', phone2: '', active: true },
    { id: 'c', name: '李娜', phone: '13700003333', phone2: '0755-83330000', active: true },
    { id: 'd', name: '李娜', phone: '', phone2: '', active: false },
  ];
  const resolve = personResolver(people);

  it('matches by phone number first, in any spacing', () => {
    expect(resolve('张伟 13800001111')).toEqual({ ok: true, id: 'a' });
    expect(resolve('张伟（139 0000 2222）')).toEqual({ ok: true, id: 'b' });
    expect(resolve('0755-83330000')).toEqual({ ok: true, id: 'c' });
  });

  it('says a shared name is ambiguous unless only one of them is active', () => {
    expect(resolve('张伟')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(resolve('李娜')).toEqual({ ok: true, id: 'c' });
    expect(resolve('王强')).toEqual({ ok: false, reason: 'unknown' });
    expect(resolve('13511112222')).toEqual({ ok: false, reason: 'unknown' });
  });
});
