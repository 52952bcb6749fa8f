import type { z } from 'zod';
import type { FieldIssue, IssueFacts } from '../errors';

/**
 * The contract's own rules (a refine or a pattern with a message), by name. The English text is
 * what the schema says; the UI says the rule in the reader's language from its name.
 * tests/ui/validation-messages.test.ts checks that every message in core/contract is listed.
 */
export const RULE_MESSAGES = {
  username: '2–32 letters, digits, dot, dash or underscore',
  backupName: 'Not a backup name',
  latLngTogether: 'Latitude and longitude go together',
  latLngBoth: 'Give both latitude and longitude, or neither',
  phoneChars: 'Digits, spaces, + - ( ) only',
  phoneDigits: 'Phone must be digits',
  idNumber: 'ID number must be 15 or 18 characters',
  returnOneOf: 'Give exactly one of: people, a source, a shelter',
  date: 'Expected a date YYYY-MM-DD',
  dateShort: 'YYYY-MM-DD',
  month: 'Expected a month YYYY-MM',
  time: 'HH:mm',
  wholeDays: 'Whole days only',
  vulnerableResidents: 'Vulnerable people cannot outnumber residents',
  routeVersion: 'Send the version you read when changing a route',
  gaugeVersion: 'Send the version you read when changing a gauge',
  stationCode: 'No spaces or commas in a station code',
  guaranteeAboveWarning: 'The guarantee level must not be below the warning level',
  rangeYear: 'The range must be positive and at most a year',
  packedBase64: 'Packed readings must be base64',
  endAfterStart: 'The end must not be before the start',
  endNotBeforeStart: 'End must not be before start',
  hostName: 'A host name or address, e.g. gis.district.lan or 10.1.2.3',
} as const;

export type RuleName = keyof typeof RULE_MESSAGES;

const RULE_BY_MESSAGE = new Map<string, RuleName>(Object.entries(RULE_MESSAGES).map(([name, message]) => [message, name as RuleName]));

const asNumber = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : undefined);

/** What a zod issue says, as data: the UI composes the sentence and names the field as its form does. */
export function issueFacts(issue: z.core.$ZodIssue, input: unknown): IssueFacts {
  const facts: IssueFacts = { at: issue.path.map((p) => (typeof p === 'number' ? p : String(p))), code: issue.code };
  const rule = RULE_BY_MESSAGE.get(issue.message);
  if (rule) facts.rule = rule;
  switch (issue.code) {
    case 'invalid_type': {
      facts.expected = issue.expected;
      const given = valueAt(input, issue.path);
      facts.received = given === null ? 'null' : given === undefined ? 'undefined' : typeof given;
      break;
    }
    case 'too_small':
      facts.origin = issue.origin;
      facts.minimum = asNumber(issue.minimum);
      break;
    case 'too_big':
      facts.origin = issue.origin;
      facts.maximum = asNumber(issue.maximum);
      break;
    case 'invalid_format':
      facts.format = issue.format;
      break;
    case 'not_multiple_of':
      facts.origin = Number.isInteger(issue.divisor) ? 'integer' : 'number';
      break;
  }
  return facts;
}

/** The value the caller sent at a path, to tell "left empty" from "wrong kind of value". */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A failed parse as field issues: zod's own text for logs and HTTP clients, facts for the UI. */
export function fieldIssues(error: z.ZodError, input: unknown, zhMessages: string[] = []): FieldIssue[] {
  return error.issues.map((issue, index) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    messageZh: zhMessages[index] ?? issue.message,
    facts: issueFacts(issue, input),
  }));
}
