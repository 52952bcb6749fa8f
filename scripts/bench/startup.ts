import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SystemStatus } from '../../core/contract/system';
import { buildLargeDataFolder, evictFromPageCache } from '../../tests/support/large-db';
import { firstAnswer, type FirstAnswer } from '../../tests/support/first-answer';
import type { Bench, Timing } from './harness';

const RUNS = 5;
const SERVE = join(process.cwd(), 'out', 'node', 'serve.js');
const BARE = join(process.cwd(), 'tests', 'support', 'bare-serve.mjs');

/**
 * Spawn → first answer of the status bar's call, on a large file, beside a bare Node process
 * that opens the same file and answers one request: with the file in the page cache, with it
 * dropped from the cache (a start after a reboot), and after a power cut (no clean-shutdown
 * marker, so the full check starts alongside).
 */
export async function benchStartup(bench: Bench, dir: string): Promise<void> {
  const readings = Number(process.env.STARTUP_BENCH_READINGS ?? 8_000_000);
  const dataDir = join(dir, 'startup');
  const { file, bytes } = await buildLargeDataFolder(dataDir, readings);
  const size = `${(bytes / 2 ** 20).toFixed(0)} MiB file`;
  const marker = `${file}.clean`;

  const measure = async (command: string[], before: () => void): Promise<{ timing: Timing; last: FirstAnswer }> => {
    const samples: number[] = [];
    let last: FirstAnswer | undefined;
    for (let run = 0; run < RUNS; run++) {
      before();
      const answer = await firstAnswer(process.execPath, command);
      await answer.stop();
      if (!answer.body.ok) throw new Error(`first answer failed: ${JSON.stringify(answer.body)}`);
      samples.push(answer.ms);
      last = answer;
    }
    samples.sort((a, b) => a - b);
    return { timing: { runs: RUNS, medianMs: samples[Math.floor(RUNS / 2)], p95Ms: samples[RUNS - 1] }, last: last! };
  };
  const flooddesk = [SERVE, '--port', '0', '--data', dataDir];
  const bare = [BARE, file];
  const cached = () => undefined;
  const evicted = () => evictFromPageCache(file);
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

  for (const [name, before] of [['cached', cached], ['evicted', evicted]] as const) {
    const base = await measure(bare, before);
    const app = await measure(flooddesk, before);
    bench.add('startup', `serve mode: spawn → first answer, ${size}, ${name}`, app.timing, {
      baseline: [`bare Node + SQLite open + one answer, ${name}`, base.timing],
      target: '≤ 2× bare',
      note: `read ${mib(app.last.io.rchar)} (${mib(app.last.io.readBytes)} from disk)`,
    });
  }

  const base = await measure(bare, evicted);
  const afterPowerCut = await measure(flooddesk, () => {
    rmSync(marker, { force: true });
    evicted();
  });
  const integrity = (afterPowerCut.last.body.value as SystemStatus).integrity;
  bench.add('startup', `serve mode after a power cut (check runs alongside), ${size}, evicted`, afterPowerCut.timing, {
    baseline: ['bare Node + SQLite open + one answer, evicted', base.timing],
    target: '≤ 2× bare',
    note: `integrity at first answer: ${integrity.state}`,
  });
}
