import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import fc from 'fast-check';
import { z } from 'zod';
import { contract } from '../../core/contract';
import { SIGN_IN_METHODS } from '../../core/contract/accounts';
import type { ErrorBody, Result } from '../../core/errors';
import { startServe, type RunningApp } from '../../server/app';
import type { Actor } from '../../db/platform/context';
import { tempDir } from '../support/tempdir';
import { confinePaths, guided, hostileValues } from './hostile';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const ACTOR: Actor = { id: 'fuzz', name: '模糊测试', role: 'admin' };
const data = tempDir('flooddesk-fuzz-');
const confine = confinePaths(data.path);
const hostile = hostileValues(confine);
const internalErrors: string[] = [];
let app: RunningApp;
let cases = 0;
const outcomes = { accepted: 0, refusedBySchema: 0, refusedByHandler: 0 };

beforeAll(async () => {
  // Demo data, so ids and records exist for handlers to find, refuse and roll back.
  app = await startServe({ dataDir: data.path, port: 0, host: '127.0.0.1', demo: true, appVersion: 'fuzz', backupTimer: false });
}, 120_000);
afterAll(async () => {
  await app?.close();
  data.remove();
  console.log(`fuzz: ${cases} cases over ${Object.keys(contract).length} methods and HTTP; dispatcher outcomes ${JSON.stringify(outcomes)}`);
});

const fingerprints = new WeakMap<object, { get(): unknown }>();

/** Row counts of every table, the audit head and the settings: what a rejected call must not move. */
function fingerprint(): string {
  const db = app.db;
  let statement = fingerprints.get(db);
  if (!statement) {
    const tables = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[];
    const counts = tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(` || ',' || `);
    statement = db.prepare(`SELECT ${counts} || '|' || (SELECT seq || hash FROM audit_log ORDER BY seq DESC LIMIT 1) || '|' || (SELECT group_concat(section || value) FROM settings)`).pluck();
    fingerprints.set(db, statement);
  }
  return String(statement.get());
}

function expectTyped(error: ErrorBody, what: string): void {
  if (error.code === 'internal') internalErrors.push(what);
  expect(error.code, what).not.toBe('internal');
  // A translation key: errors.* or a domain's own <area>.errors.*
  expect(error.key, what).toMatch(/^([a-z]+\.)?errors\.[A-Za-z.]+$/);
  expect(typeof error.message, what).toBe('string');
}

function probe(method: string, input: unknown): void {
  cases += 1;
  const before = fingerprint();
  let result: Result<unknown>;
  try {
    result = app.dispatcher.call(method, input, ACTOR);
  } catch (error) {
    throw new Error(`${method} threw: ${String(error)}`);
  }
  // What crosses IPC or HTTP must survive serialisation.
  expect(() => JSON.stringify(result)).not.toThrow();
  const kind = (contract as Record<string, { kind: string }>)[method]?.kind;
  if (result.ok) outcomes.accepted += 1;
  else if (result.error.key === 'errors.validation' && result.error.issues?.length) outcomes.refusedBySchema += 1;
  else outcomes.refusedByHandler += 1;
  if (!result.ok) {
    expectTyped(result.error, method);
    expect(fingerprint(), `${method} was refused (${result.error.key}) yet changed the database`).toBe(before);
  } else if (kind === 'read') {
    expect(fingerprint(), `${method} is a read yet changed the database`).toBe(before);
  }
}

describe('hostile input through the dispatcher', () => {
  // Every method, including ones other domains add later: the list is read at run time.
  for (const [method, def] of Object.entries(contract)) {
    it(`${method}: never throws, always a typed error, nothing changed on refusal`, async () => {
      const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as Parameters<typeof guided>[0];
      const input = fc.oneof({ weight: 4, arbitrary: guided(schema, hostile, confine) }, { weight: 1, arbitrary: hostile });
      fc.assert(
        fc.property(input, (value) => probe(method, value)),
        { numRuns: RUNS },
      );
      // Background jobs a call started (a backup) finish before the next method runs.
      await app.backups.idle();
    }, 60_000);
  }

  it('answers unknown and hostile method names with a typed not-found', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('../../etc/passwd', '__proto__', 'constructor', 'toString', 'events.create\0', 'hasOwnProperty')), (name) => {
        fc.pre(!Object.hasOwn(contract, name));
        probe(name, {});
      }),
      { numRuns: 200 },
    );
  });
});

interface Answer {
  status: number;
  body: { ok: boolean; error?: ErrorBody };
}

function post(path: string, body: Buffer | string, contentType = 'application/json'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}${path.replace(/^\//, '')}`, { method: 'POST', headers: { 'Content-Type': contentType } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (error) {
          reject(new Error(`${path}: answer is not JSON (${res.statusCode}): ${String(error)}`));
        }
      });
    });
    // The server may stop reading an oversized body and answer early.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

async function expectRefused(answer: Answer, status: number | null, what: string): Promise<void> {
  cases += 1;
  expect(answer.status, what).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  if (status) expect(answer.status, what).toBe(status);
  expect(answer.body.ok, what).toBe(false);
  expectTyped(answer.body.error as ErrorBody, what);
}

describe('hostile requests over HTTP', () => {
  const methods = Object.keys(contract);

  // An empty body means {} on purpose (clients may omit it), so only non-blank text is malformed.
  // Sign-in writes are left out: without the CSRF cookie they are refused (403) before the body is read.
  it('refuses malformed JSON with 400 and a typed body', async () => {
    const parsed = methods.filter((m) => !(SIGN_IN_METHODS.has(m) && contract[m as keyof typeof contract].kind === 'write'));
    const bodies = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== '' && !isJson(s)), 150);
    for (const [i, body] of [...bodies, '{', '{"a":', '[1,2', "{'single':1}", 'NaN', '{"x": Infinity}', '\u0000'].entries()) {
      await expectRefused(await post(`/api/${parsed[i % parsed.length]}`, body), 400, `malformed JSON #${i}`);
    }
  });

  it('refuses invalid UTF-8 with 400', async () => {
    const bad = [Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])];
    for (const [i, body] of bad.entries()) await expectRefused(await post('/api/events.create', body), 400, `invalid UTF-8 #${i}`);
  });

  it('refuses oversized bodies with 413 and a wrong content type with 400', async () => {
    for (const method of ['events.create', 'settings.update', 'audit.list']) {
      await expectRefused(await post(`/api/${method}`, `{"name":"${'x'.repeat(1024 * 1024 + 10)}"}`), 413, `${method} oversized`);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
        await expectRefused(await post(`/api/${method}`, '{}', type), 400, `${method} as ${type || 'no type'}`);
      }
    }
  }, 60_000);

  it('answers unknown and traversal paths under /api with a typed 404', async () => {
    for (const path of ['/api/nope', '/api/..%2f..%2fetc%2fpasswd', '/api/events.create%00', '/api/__proto__', '/api/constructor']) {
      await expectRefused(await post(path, '{}'), 404, path);
    }
  });

  it('answers malformed %-escapes in the path with a typed 4xx', async () => {
    for (const path of ['/api/%ff', '/api/%E0%A4%A', '/api/events.%']) await expectRefused(await post(path, '{}'), 404, path);
  });

  it('never answers 500 to valid JSON of any shape', async () => {
    const inputs = fc.sample(fc.tuple(fc.constantFrom(...methods), fc.jsonValue({ maxDepth: 3 })), 300);
    for (const [method, value] of inputs) {
      cases += 1;
      const answer = await post(`/api/${method}`, JSON.stringify(value));
      expect(answer.status, `${method} ${JSON.stringify(value).slice(0, 200)}`).not.toBe(500);
      if (!answer.body.ok) expectTyped(answer.body.error as ErrorBody, method);
    }
    await app.backups.idle();
  }, 60_000);

  it('found no internal errors anywhere', () => {
    expect(internalErrors).toEqual([]);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
