import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../core/contract';
import { RULE_MESSAGES, fieldIssues } from '../../core/contract/issues';
import type { ErrorBody } from '../../core/errors';
import { describeError, type Lang } from '../../renderer/i18n';

const UUID = '00000000-0000-4000-8000-000000000001';

/** The body the dispatcher answers with when the contract's schema refuses the input. */
function refused(method: MethodName, input: unknown): ErrorBody {
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) throw new Error(`${method} accepted the bad input`);
  return { code: 'validation', key: 'errors.validation', message: 'Invalid input', params: { method }, issues: fieldIssues(parsed.error, input) };
}

const person = (idNumber: string) => ({ name: '张三', idNumber });
const BAD: [MethodName, unknown][] = [
  ['evac.moveGroup', { eventId: UUID, source: { kind: 'other', name: 'x' }, atMs: 1, households: [{ members: [person(''), person(''), person('123')] }], destination: { kind: 'none' } }],
  ['hazards.createPoint', { name: '', hazardType: 'nowhere', lat: null, lng: 500, residents: -1, vulnerable: 2.5, frequency: { kind: 'days', every: 1.5 } }],
  ['hazards.checkPoint', { id: null, name: 'x', lat: null, lng: null, coordSystem: 'wgs84' }],
  ['duty.logEntry', { channel: 'pigeon', content: '', receivedAtMs: 'yesterday', followUpOf: 'nope' }],
  ['events.create', { kind: 'typhoon', name: '', startedAtMs: null }],
  ['evac.createShelter', { name: '', type: 'castle', lat: 'north', capacity: -3 }],
  ['rain.saveStation', { code: 'a b', name: '', kind: 'rain', lat: 30, lng: null, warningM: 5, guaranteeM: 4 }],
  ['accounts.create', { username: '!', displayName: '', role: 'king', password: '1' }],
  ['evac.returnPeople', { eventId: UUID, atMs: 1 }],
];

const FORBIDDEN = [/\b[a-zA-Z]+\.[\w.]+/, /expected/i, /invalid_type/, /Invalid input/i, /无效输入/, /\{\w+\}/];

describe('validation messages', () => {
  for (const lang of ['zh-CN', 'en'] as Lang[]) {
    it(`say every refused field in plain ${lang} words, without paths or the validator's text`, () => {
      for (const [method, input] of BAD) {
        const { lines } = describeError(lang, refused(method, input));
        expect(lines.length, method).toBeGreaterThan(0);
        for (const line of lines) {
          for (const pattern of FORBIDDEN) expect(line, `${method}: ${line}`).not.toMatch(pattern);
          if (lang === 'zh-CN') expect(line, `${method}: ${line}`).not.toMatch(/[A-Za-z]{2,}/);
        }
      }
    });
  }

  it('name list positions and the field as the form labels them', () => {
    const move = refused('evac.moveGroup', BAD[0][1]);
    expect(describeError('zh-CN', move).lines).toContain('第 1 户第 3 人的身份证号须为 15 或 18 位');
    expect(describeError('en', move).lines).toContain('Household 1, person 3: ID number must be 15 or 18 characters');
    const point = refused('hazards.checkPoint', BAD[2][1]);
    expect(describeError('zh-CN', point).lines).toContain('纬度必须填写数字');
    expect(describeError('en', point).lines).toContain('Latitude must be a number');
  });

  it('say limits with their numbers', () => {
    const { lines } = describeError('zh-CN', refused('hazards.createPoint', BAD[1][1]));
    expect(lines).toEqual(expect.arrayContaining(['名称必须填写', '类型不是可选的值', '居住人数不能小于 0', '平时巡查间隔须为整天数']));
  });

  it('know every rule the contract states in its own words', () => {
    const dir = join(process.cwd(), 'core', 'contract');
    const source = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n') + readFileSync(join(process.cwd(), 'core', 'settings.ts'), 'utf8');
    const stated = [
      ...source.matchAll(/\bmessage: '([^']+)'/g),
      ...source.matchAll(/\.regex\([^\n]*?, '([^']+)'\)/g),
      ...source.matchAll(/localDate\('([^']+)'\)/g),
      ...source.matchAll(/localDate = \(message = '([^']+)'\)/g),
    ].map((m) => m[1]);
    expect(stated.length).toBeGreaterThan(15);
    expect(stated.filter((m) => !(Object.values(RULE_MESSAGES) as string[]).includes(m))).toEqual([]);
  });

  it("keeps a handler's own sentences as they are, without a path", () => {
    const body: ErrorBody = { code: 'validation', key: 'errors.damage.figures', message: 'x', issues: [{ path: 'quantities.houses', message: 'Houses: required', messageZh: '须填写倒塌房屋' }] };
    expect(describeError('zh-CN', body).lines).toEqual(['须填写倒塌房屋']);
  });
});
