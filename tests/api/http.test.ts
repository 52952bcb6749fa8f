import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startServe, type RunningApp } from '../../server/app';
import { acceptsGzip, GZIP_MIN_BYTES } from '../../server/http';
import { contract } from '../../core/contract';
import { tempDir } from '../support/tempdir';

let app: RunningApp;
const data = tempDir();

beforeAll(async () => {
  app = await startServe({ dataDir: data.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test' });
});
afterAll(async () => {
  await app.close();
  data.remove();
});

function post(method: string, body: string | Blob, contentType = 'application/json') {
  return fetch(`${app.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

const eventCount = () => app.db.prepare('SELECT count(*) FROM events').pluck().get();

describe('serve mode over real HTTP', () => {
  it('lists every contract method with a JSON Schema at GET /api', async () => {
    const response = await fetch(`${app.url}api`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { methods: { name: string; kind: string; input: { type?: string } }[] };
    expect(body.methods.map((m) => m.name).sort()).toEqual(Object.keys(contract).sort());
    expect(body.methods.find((m) => m.name === 'events.create')?.input.type).toBe('object');
  });

  it('runs a method and returns {ok, value}', async () => {
    const response = await post('events.create', JSON.stringify({ name: '台风“杜苏芮”', startedAtMs: 1_690_000_000_000 }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: { name: string; id: string } };
    expect(body.ok).toBe(true);
    expect(body.value.name).toBe('台风“杜苏芮”');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers bad requests with typed 4xx bodies and changes nothing', async () => {
    const before = eventCount();
    const cases: [Promise<Response>, number, string][] = [
      [post('events.create', '{"name": "台风",'), 400, 'errors.malformedJson'],
      [post('events.create', new Blob([new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])])), 400, 'errors.malformedJson'],
      [post('events.create', JSON.stringify({ name: 1 })), 400, 'errors.validation'],
      [post('events.create', 'name=x', 'application/x-www-form-urlencoded'), 400, 'errors.contentType'],
      [post('nope.nothing', '{}'), 404, 'errors.unknownMethod'],
      [post('events.create', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), startedAtMs: 1 })), 413, 'errors.bodyTooLarge'],
      [fetch(`${app.url}api/events.create`), 400, 'errors.methodNotAllowed'],
      // Ten thousand levels used to overflow the validator's stack into a 500.
      [post('events.create', `${'{"notes":'.repeat(10_000)}1${'}'.repeat(10_000)}`), 400, 'errors.tooDeep'],
      [post('events.create', `{"name":"x","startedAtMs":1,"extra":${'['.repeat(10_000)}${']'.repeat(10_000)}}`), 400, 'errors.tooDeep'],
    ];
    for (const [pending, status, key] of cases) {
      const response = await pending;
      expect(response.status, key).toBe(status);
      const body = (await response.json()) as { ok: boolean; error: { key: string; code: string } };
      expect(body).toMatchObject({ ok: false, error: { key } });
    }
    expect(eventCount()).toBe(before);
  });

  it('serves a clear message when the UI is not built', async () => {
    const response = await fetch(`${app.url}anything`);
    expect(response.status).toBe(404);
  });

  // Each in a folder of its own: a second start on the running app's folder is refused before any port is tried.
  it('refuses a port in use with a clear message', async () => {
    const other = tempDir();
    await expect(startServe({ dataDir: other.path, port: app.port, host: '127.0.0.1', demo: false, appVersion: 'test' })).rejects.toMatchObject({ key: 'errors.portInUse' });
    other.remove();
  });

  it('refuses to bind beyond loopback until accounts exist', async () => {
    const other = tempDir();
    await expect(startServe({ dataDir: other.path, port: 0, host: '0.0.0.0', demo: false, appVersion: 'test' })).rejects.toMatchObject({ key: 'errors.nonLoopbackRefused' });
    other.remove();
  });

  it('keeps HTTP keep-alive requests independent', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        new Promise<number>((resolve, reject) => {
          const req = request(`${app.url}api/settings.get`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end('{}');
        }),
      ),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });

  it('answers a malformed %-escape in the method name with a typed 404, not a 500', async () => {
    for (const path of ['%ff', '%E0%A4%A', 'events.%']) {
      const response = await post(path, '{}');
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ ok: false, error: { key: 'errors.unknownMethod' } });
    }
  });
});

/** The raw bytes and headers, without fetch's transparent decompression. */
function raw(path: string, method: 'GET' | 'POST', acceptEncoding?: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (acceptEncoding) headers['Accept-Encoding'] = acceptEncoding;
    const req = request(`${app.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('gzip of large JSON answers', () => {
  it('compresses an answer over the threshold when the client accepts gzip, to the same JSON', async () => {
    const plain = await raw('api', 'GET');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(GZIP_MIN_BYTES);
    const zipped = await raw('api', 'GET', 'br, gzip, deflate');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('leaves small answers and clients that refuse gzip alone', async () => {
    const small = await raw('api/system.info', 'POST', 'gzip');
    expect(small.body.length).toBeLessThan(GZIP_MIN_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect((await raw('api', 'GET', 'gzip;q=0, identity')).headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding as HTTP says', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.0')).toBe(false);
    expect(acceptsGzip('identity, br')).toBe(false);
    expect(acceptsGzip('*;q=0, gzip')).toBe(true);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
