import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import type { SystemStatus } from '../../core/contract/system';
import { buildLargeDataFolder, evictFromPageCache } from '../support/large-db';
import { firstAnswer } from '../support/first-answer';
import { tempDir } from '../support/tempdir';

// Inside the project, so the bundle finds better-sqlite3 in node_modules; apart from the crash test's folder.
const OUT_DIR = join(process.cwd(), 'out', 'test-startup');
const SERVE = join(OUT_DIR, 'serve.mjs');
const LARGE_READINGS = Number(process.env.STARTUP_TEST_READINGS ?? 1_500_000);
const data = tempDir('flooddesk-startup-');
const small = join(data.path, 'small');
const large = join(data.path, 'large');
let sizes: { small: number; large: number };

beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    define: { __APP_VERSION__: JSON.stringify('test') },
    build: {
      ssr: join(process.cwd(), 'server/serve.ts'),
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'serve.mjs' } },
    },
  });
  sizes = { small: (await buildLargeDataFolder(small, 0)).bytes, large: (await buildLargeDataFolder(large, LARGE_READINGS)).bytes };
}, 180_000);
afterAll(() => data.remove());

const serve = (dataDir: string) => firstAnswer(process.execPath, [SERVE, '--port', '0', '--data', dataDir]);

describe('start-up after a power cut', () => {
  it('answers its first call having read about as much of a large file as of a small one', async () => {
    const read: Record<'small' | 'large', number> = { small: 0, large: 0 };
    for (const [name, dir] of [['small', small], ['large', large]] as const) {
      evictFromPageCache(join(dir, 'flooddesk.sqlite'));
      const answer = await serve(dir);
      await answer.stop();
      expect(answer.body.ok).toBe(true);
      read[name] = answer.io.rchar;
      console.log(`start-up, ${name} file (${(sizes[name] / 2 ** 20).toFixed(1)} MiB, evicted): first answer ${answer.ms.toFixed(0)} ms, read ${(answer.io.rchar / 2 ** 20).toFixed(1)} MiB (${(answer.io.readBytes / 2 ** 20).toFixed(1)} MiB from disk)`);
    }
    expect(sizes.large - sizes.small).toBeGreaterThan(30 * 2 ** 20);
    // The code, the schema and a few pages: a tenth of what the file grew by would already be a read-through.
    expect(read.large - read.small).toBeLessThan((sizes.large - sizes.small) / 10);
  });

  it('with no clean-shutdown marker, answers while the full check runs, and the check then finds the file sound', async () => {
    rmSync(join(large, 'flooddesk.sqlite.clean'), { force: true });
    evictFromPageCache(join(large, 'flooddesk.sqlite'));
    const answer = await serve(large);
    try {
      expect((answer.body.value as SystemStatus).integrity).toMatchObject({ state: 'checking', reason: 'start' });
      let integrity = (answer.body.value as SystemStatus).integrity;
      for (let tries = 0; integrity.state === 'checking' && tries < 600; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        integrity = (await status(answer.url)).integrity;
      }
      expect(integrity).toMatchObject({ state: 'ok', reason: 'start', problem: null });
    } finally {
      await answer.stop();
    }
  });
});

async function status(url: string): Promise<SystemStatus> {
  const response = await fetch(`${url}api/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await response.json()) as { value: SystemStatus }).value;
}
