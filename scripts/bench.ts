import { join } from 'node:path';
import { tempDir } from '../tests/support/tempdir';
import { Bench } from './bench/harness';
import { benchFoundation } from './bench/foundation';
import { benchDuty } from './bench/duty';
import { benchHazards } from './bench/hazards';
import { benchEvac } from './bench/evac';
import { benchRain } from './bench/rain';
import { benchMap } from './bench/map';
import { benchMapRender } from './bench/map-render';
import { benchAccounts } from './bench/accounts';
import { benchStartup } from './bench/startup';

/**
 * `npm run bench`: every figure is printed next to a baseline measured in this same process,
 * so the ratio means something on any machine. Results are also written as JSON.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = tempDir('flooddesk-bench-');
  const bench = new Bench();
  const suites: [string, (bench: Bench, dir: string) => Promise<void>][] = [['foundation', benchFoundation], ['duty', benchDuty], ['rain', benchRain], ['evac', benchEvac], ['hazards', benchHazards], ['map', benchMap], ['map-render', benchMapRender], ['accounts', benchAccounts], ['startup', benchStartup]];
  try {
    for (const [name, run] of suites) {
      if (only.length && !only.includes(name)) continue;
      console.error(`… ${name}`);
      await run(bench, dir.path);
    }
  } finally {
    dir.remove();
  }
  bench.print();
  console.log(`\nwritten: ${bench.write(join(process.cwd(), 'bench-results'))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
