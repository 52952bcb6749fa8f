import fc from 'fast-check';
import { isAbsolute, resolve, sep } from 'node:path';

/**
 * Values an attacker or a confused client might send, and inputs shaped by each method's own
 * JSON Schema so that most cases get past the first field and reach the handler.
 */

const SQL_INJECTION = [
  "' OR 1=1 --",
  "'; DROP TABLE audit_log; --",
  '" OR ""="',
  '1; DELETE FROM events',
  "') UNION SELECT value FROM settings --",
  "%' AND 1=1 --",
  "x'); UPDATE settings SET value='{}'; --",
];
const TRAVERSAL = ['../../../../etc/passwd', '..\\..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '....//....//etc', 'files/../../flooddesk.sqlite', 'tiles://../../x', 'a\0b'];
const ABSOLUTE = ['/etc/shadow', '/', 'C:\\Windows\\System32', '\\\\server\\share', '/proc/self/environ'];
const DATES = ['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31T25:61:61Z', '-271821-04-20', '+275760-09-13', 'yesterday', '', '2026-07-01T08:00:00+25:00', '24:00', '99:99'];
const UNICODE = ['\ud800', '\udfff\ud800', '\u202eevil', '\u0000', '\ufeff', '💥'.repeat(500), 'ｓｅｌｅｃｔ', 'e\u0301'.repeat(300)];
const NUMBERS = [NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -(2 ** 53), 1e308, -1, 0.5, 8.64e15 + 1, -8.64e15 - 1, 2 ** 31, -(2 ** 31) - 1];
const OBJECTS = [JSON.parse('{"__proto__": {"role": "admin", "polluted": true}}'), { constructor: { prototype: { polluted: true } } }, [], {}, deepNest(600), deepNest(10_000), new Array(5000).fill(0)];

function deepNest(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/**
 * Absolute paths are kept inside the test's sandbox: a fuzzed backup folder of "/" must not
 * make the test write backups over the machine. Relative traversal strings are left as sent.
 */
export function confinePaths(sandbox: string) {
  return (value: string): string => {
    if (!(isAbsolute(value) || /^[A-Za-z]:[\\/]|^\\\\/.test(value))) return value;
    const inside = resolve(sandbox, `.${sep}${value.replace(/^[A-Za-z]:/, '').replace(/[\\/]+/g, sep)}`);
    return inside.startsWith(sandbox + sep) ? inside : `${sandbox}${sep}escaped`;
  };
}

export function hostileValues(confine: (value: string) => string) {
  const strings = fc.oneof(
    fc.constantFrom(...SQL_INJECTION, ...TRAVERSAL, ...DATES, ...UNICODE),
    fc.constantFrom(...ABSOLUTE).map(confine),
    fc.string({ unit: 'binary', maxLength: 40 }).map(confine),
    fc.constantFrom('x'.repeat(100_000), '长'.repeat(1_000_000)),
  );
  const leaf = fc.oneof(
    { weight: 4, arbitrary: strings },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
    { weight: 1, arbitrary: fc.constantFrom(...OBJECTS) },
  );
  return fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) });
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

/** Mostly valid-looking values for `schema`, with hostile ones mixed in at every level. */
export function guided(schema: JsonSchema, hostile: fc.Arbitrary<unknown>, confine: (value: string) => string, depth = 0): fc.Arbitrary<unknown> {
  const valid = plausible(schema, hostile, confine, depth);
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

function plausible(schema: JsonSchema, hostile: fc.Arbitrary<unknown>, confine: (value: string) => string, depth: number): fc.Arbitrary<unknown> {
  const next = (s: JsonSchema) => guided(s, hostile, confine, depth + 1);
  if (depth > 5) return hostile;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map(next));
  if (schema.allOf?.length) return next(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([key, value]) => [key, next(value)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in props) });
    }
    case 'array':
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map(next));
      return fc.array(schema.items ? next(schema.items) : hostile, { maxLength: 4 });
    case 'string':
      return plausibleString(schema, confine);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e6, Number.MIN_SAFE_INTEGER), max: Math.min(schema.maximum ?? 1e6, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hostile;
  }
}

function plausibleString(schema: JsonSchema, confine: (value: string) => string): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 500)).map(confine);
    } catch {
      // A pattern fast-check cannot generate from: plain strings instead.
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) }).map(confine);
}
