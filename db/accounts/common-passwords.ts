import { createRequire } from 'node:module';

/**
 * Passwords everyone tries first (ASVS 2.1.7): zxcvbn-ts's list of about 49,000 common and leaked
 * passwords, offline, plus the ones Chinese leak studies (the 2011 CSDN and Tianya dumps) put at the
 * top that the English list lacks. Loaded on the first password set, not at start: the list is
 * 1.9 MB and most starts set no password.
 */
const CHINESE_COMMON = [
  'woaini1314',
  'woaini520',
  '5201314',
  '1314520',
  '52013145201314',
  'iloveyou1314',
  '88888888',
  '66666666',
  '99999999',
  '11111111',
  '00000000',
  '12344321',
  '123454321',
  '31415926',
  '110110110',
  '123321123',
  '123456aa',
  'aa123456',
  'a1234567',
  'a12345678',
  'a123456789',
  'qq123456',
  'qq1234567',
  'qq5201314',
  'xiazhili',
  'dearbook',
  'zxcvbnm123',
  'wang123456',
  'zhang123456',
  'li123456',
  'abc12345678',
  'asd123456',
  'qwe123456',
  '147258369',
  '789456123',
  '159357456',
  '1qaz2wsx3edc',
];

let known: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
  return new Set([...dictionary['passwords-common'], ...CHINESE_COMMON]);
}

/** Compared as people type them: letter case and full-width forms do not make a common password new. */
export function isCommonPassword(password: string): boolean {
  known ??= load();
  return known.has(password.normalize('NFKC').toLowerCase());
}
