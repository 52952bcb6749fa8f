import { openAppDatabase } from '../../db/handlers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { verifyAuditChain } from '../../db/audit/verify';
import { tempDir } from '../support/tempdir';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
// Inside the project, so the bundle finds better-sqlite3 in node_modules.
const OUT_DIR = join(process.cwd(), 'out', 'test-fixtures');
const WRITER = join(OUT_DIR, 'crash-writer.mjs');
const data = tempDir('flooddesk-crash-');

beforeAll(async () => {
  // The child runs the real TypeScript sources, bundled the way the node entry points are.
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(process.cwd(), 'tests/security/fixtures/crash-writer.ts'),
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-writer.mjs' } },
    },
  });
}, 60_000);
afterAll(() => data.remove());

interface Run {
  committed: string[];
  stderr: string;
}

/** Starts a writer and SIGKILLs it at a random moment: sometimes while it opens (or migrates), mostly mid-write. */
function runAndKill(): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, data.path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    const kill = () => child.kill('SIGKILL');
    const early = Math.random() < 0.2;
    if (early) setTimeout(kill, Math.random() * 150);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!early && !armed && out.includes('ready\n')) {
        armed = true;
        setTimeout(kill, Math.random() * 60);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      // Only whole lines count: a line cut off by the kill was never fully reported.
      const lines = out.split('\n').slice(0, -1);
      resolve({ committed: lines.filter((line) => line !== 'ready'), stderr });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every reported commit and a sound file through ${KILLS} SIGKILLs`, async () => {
    const file = join(data.path, 'flooddesk.sqlite');
    const reported = new Set<string>();
    for (let kill = 0; kill < KILLS; kill++) {
      const run = await runAndKill();
      expect(run.stderr).toBe('');
      run.committed.forEach((id) => reported.add(id));
      const db = openAppDatabase(file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const present = new Set(db.prepare('SELECT id FROM events').pluck().all() as string[]);
        const missing = [...reported].filter((id) => !present.has(id));
        expect(missing, `after kill ${kill + 1}`).toEqual([]);
        expect(verifyAuditChain(db)).toMatchObject({ ok: true });
      } finally {
        db.close();
      }
    }
    console.log(`crash safety: ${KILLS} SIGKILLs survived, ${reported.size} reported commits all present`);
    expect(reported.size).toBeGreaterThan(KILLS);
  }, 120_000);
});
