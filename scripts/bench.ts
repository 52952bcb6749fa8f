import { join } from 'node:path';
import { tempDir } from '../tests/support/tempdir';
import { Bench } from './bench/harness';
import { benchFoundation } from './bench/foundation';

/**
 * `npm run bench`: every figure is printed next to a baseline measured in this same process,
 * so the ratio means something on any machine. Results are also written as JSON.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = tempDir('flooddesk-bench-');
  const bench = new Bench();
  const suites: [string, (bench: Bench, dir: string) => Promise<void>][] = [['foundation', benchFoundation]];
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
