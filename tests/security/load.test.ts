import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import { startServe, type RunningApp } from '../../server/app';
import { verifyAuditChain } from '../../db/audit/verify';
import type { BackupList } from '../../core/contract/backup';
import { tempDir } from '../support/tempdir';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CLIENTS = 20;
const data = tempDir('flooddesk-load-');
let app: RunningApp;

beforeAll(async () => {
  app = await startServe({ dataDir: data.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'load', backupTimer: false });
});
afterAll(async () => {
  await app?.close();
  data.remove();
});

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

function call(method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; value?: { id?: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}api/${method}`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

describe('load on loopback', () => {
  it(`${CLIENTS} clients for ${SECONDS} s: no errors, no lost write`, async () => {
    const deadline = Date.now() + SECONDS * 1000;
    const latencies: number[] = [];
    const failures: string[] = [];
    const created = new Set<string>();
    let backupStarted = false;

    const client = async (n: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const pick = (n + i) % 10;
        const [method, input] =
          pick < 4
            ? ['events.create', { name: `负载 ${n}-${i}`, startedAtMs: Date.now(), notes: '压力测试'.repeat(i % 50) }]
            : pick < 7
              ? ['settings.get', {}]
              : ['audit.list', { limit: 50, offset: i % 3 === 0 ? 100 : 0 }];
        // Halfway through, a backup runs while the writes go on: the online backup API's job.
        if (!backupStarted && Date.now() > deadline - (SECONDS * 1000) / 2) {
          backupStarted = true;
          const answer = await call('backup.create', {});
          if (answer.status !== 200) failures.push(`backup.create ${answer.status}`);
        }
        const started = performance.now();
        const answer = await call(method as string, input);
        latencies.push(performance.now() - started);
        if (answer.status !== 200 || !answer.body.ok) failures.push(`${method} ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        else if (method === 'events.create' && answer.body.value?.id) created.add(answer.body.value.id);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    await app.backups.idle();

    latencies.sort((a, b) => a - b);
    const p = (q: number) => percentile(latencies, q).toFixed(1);
    console.log(
      `load: ${CLIENTS} clients × ${SECONDS} s, ${latencies.length} requests (${(latencies.length / SECONDS).toFixed(0)}/s), ` +
        `${created.size} writes; latency p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
    );
    expect(failures).toEqual([]);
    const stored = new Set(app.db.prepare('SELECT id FROM events').pluck().all() as string[]);
    expect([...created].filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(created.size);
    expect(verifyAuditChain(app.db)).toMatchObject({ ok: true, rows: created.size });
    const backups = app.dispatcher.call('backup.list', {}, { id: 't', name: 't', role: 'admin' });
    expect(backups.ok && (backups.value as BackupList).job).toMatchObject({ state: 'done' });
    agent.destroy();
  }, SECONDS * 1000 + 60_000);
});
