import type { ErrorBody, FieldIssue, IssueFacts } from '../../core/errors';
import type { RuleName } from '../../core/contract/issues';
import { KEYS, isTKey, translate, type Lang, type TKey } from './tables';

/**
 * Field names whose form label is not found by the generic rule (a key `<area>.<name>` or
 * `<area>.<screen>.<name>`), or is found wrongly: the form's own label key, per area.
 */
const FIELD_LABELS: Record<string, Record<string, TKey>> = {
  damage: { lossWan: 'damage.loss', kind: 'damage.type' },
  evac: { personIds: 'evac.move.members', usableAreaM2: 'evac.shelters.area', flags: 'validation.field' },
  hazards: { hazardType: 'hazards.type', riskLevel: 'hazards.risk' },
  rain: { warningM: 'rain.stationsAdmin.warning', guaranteeM: 'rain.stationsAdmin.guarantee', floodLimitM: 'rain.stationsAdmin.floodLimit', stationId: 'rain.normals.station' },
};

/** Names every area uses alike, for forms that have no label key of their own for them. */
const COMMON_LABELS: Record<string, TKey> = {
  name: 'validation.label.name',
  note: 'validation.label.note',
  notes: 'validation.label.note',
  reason: 'validation.label.reason',
  atMs: 'validation.label.time',
  lat: 'validation.label.lat',
  lng: 'validation.label.lng',
  phone: 'validation.label.phone',
  eventId: 'validation.label.event',
  status: 'validation.label.status',
};

/** List fields whose positions have a noun of their own (第 2 户, household 2); others say 第 N 项. */
const ORDINALS: Record<string, TKey> = {
  households: 'validation.ordinal.household',
  members: 'validation.ordinal.person',
  people: 'validation.ordinal.person',
  personIds: 'validation.ordinal.person',
  rows: 'validation.ordinal.row',
};

const ruleKey = (rule: RuleName): TKey => `validation.rule.${rule}`;

// A label names a thing; a template with {params} is a sentence about it.
const isLabel = (key: TKey) => !translate('zh-CN', key).includes('{');

const labelIndex = new Map<string, TKey>();
/** The first key of the area named `<area>.<name>` or `<area>.<anything>.<name>`, in table order. */
function genericLabel(area: string, name: string): TKey | undefined {
  if (!labelIndex.size) {
    for (const key of KEYS) {
      const parts = key.split('.');
      if (parts.length < 2 || parts[0] === 'errors') continue;
      const id = `${parts[0]}|${parts[parts.length - 1]}`;
      if (parts.length <= 3 && !labelIndex.has(id) && isLabel(key)) labelIndex.set(id, key);
    }
  }
  const direct = `${area}.${name}`;
  const found = isTKey(direct) && isLabel(direct) ? direct : labelIndex.get(`${area}|${name}`);
  // An instant is sent as `receivedAtMs`; its form field is labelled `receivedAt`.
  return found ?? (name.endsWith('Ms') ? genericLabel(area, name.slice(0, -2)) : undefined) ?? COMMON_LABELS[name];
}

function fieldLabel(lang: Lang, area: string, name: string | undefined): string {
  const key = name === undefined ? undefined : (FIELD_LABELS[area]?.[name] ?? genericLabel(area, name));
  return translate(lang, key ?? 'validation.field');
}

function problemKey(facts: IssueFacts): { key: TKey; min?: number; max?: number } {
  if (facts.rule && isTKey(ruleKey(facts.rule as RuleName))) return { key: ruleKey(facts.rule as RuleName) };
  const { code, origin, minimum: min, maximum: max } = facts;
  const countsEntries = origin === 'array' || origin === 'set' || origin === 'map';
  switch (code) {
    case 'invalid_type':
      if (facts.expected === 'number' || facts.expected === 'int' || facts.expected === 'bigint') return { key: 'validation.number' };
      if (facts.received === 'null' || facts.received === 'undefined') return { key: 'validation.required' };
      return { key: facts.expected === 'string' ? 'validation.text' : 'validation.invalid' };
    case 'too_small':
      if (origin === 'string') return min !== undefined && min > 1 ? { key: 'validation.tooShort', min } : { key: 'validation.required' };
      if (countsEntries) return min !== undefined && min > 1 ? { key: 'validation.tooFew', min } : { key: 'validation.atLeastOne' };
      return min === undefined ? { key: 'validation.invalid' } : { key: 'validation.tooSmall', min };
    case 'too_big':
      if (max === undefined) return { key: 'validation.invalid' };
      return { key: origin === 'string' ? 'validation.tooLong' : countsEntries ? 'validation.tooMany' : 'validation.tooBig', max };
    case 'not_multiple_of':
      return { key: 'validation.integer' };
    case 'invalid_format':
      return { key: facts.format === 'uuid' || facts.format === 'guid' ? 'validation.pick' : 'validation.format' };
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { key: 'validation.choice' };
    default:
      return { key: 'validation.invalid' };
  }
}

/** "第 1 户第 3 人的身份证号须为 15 或 18 位" / "Household 1, person 3: ID number must be 15 or 18 characters". */
export function issueSentence(lang: Lang, area: string, facts: IssueFacts): string {
  const names = facts.at.filter((p): p is string => typeof p === 'string');
  const ordinals = facts.at.flatMap((p, i) => {
    if (typeof p !== 'number') return [];
    const list = facts.at[i - 1];
    return [translate(lang, (typeof list === 'string' && ORDINALS[list]) || 'validation.ordinal.item', { n: p + 1 })];
  });
  const { key, min, max } = problemKey(facts);
  const sentence = translate(lang, key, { field: fieldLabel(lang, area, names[names.length - 1]), min: min ?? '', max: max ?? '' });
  const whole = ordinals.length ? translate(lang, 'validation.at', { where: ordinals.join(lang === 'zh-CN' ? '' : ', '), sentence }) : sentence;
  return whole.charAt(0).toUpperCase() + whole.slice(1);
}

/** One problem in the reader's language: a schema's complaint in words, a handler's own sentence as written. */
export function describeIssue(lang: Lang, area: string, issue: FieldIssue): string {
  if (issue.facts) return issueSentence(lang, area, issue.facts);
  return lang === 'zh-CN' ? issue.messageZh : issue.message;
}

/** A failed call in the user's language, with each field problem on its own line. */
export function describeError(lang: Lang, error: ErrorBody): { title: string; lines: string[] } {
  const title = isTKey(error.key) ? translate(lang, error.key, error.params) : error.message;
  const area = String(error.params?.method ?? '').split('.')[0];
  const lines = [...new Set((error.issues ?? []).map((issue) => describeIssue(lang, area, issue)))];
  return { title, lines };
}
