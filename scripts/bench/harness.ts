import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  group: string;
  operation: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  baseline?: string;
  baselineMedianMs?: number;
  ratio?: number;
  target?: string;
  note?: string;
}

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/** A seeded generator (mulberry32), so every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times `fn` `runs` times after a warm-up and returns median and p95 in milliseconds. */
export async function time(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { runs, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95) };
}

export class Bench {
  readonly figures: Figure[] = [];

  /** Records an operation and, if given, the baseline it is compared with in this same run. */
  add(group: string, operation: string, timing: Timing, options: { baseline?: [string, Timing]; target?: string; note?: string } = {}): void {
    const [baselineName, baseline] = options.baseline ?? [];
    this.figures.push({
      group,
      operation,
      ...timing,
      ...(baseline ? { baseline: baselineName, baselineMedianMs: baseline.medianMs, ratio: timing.medianMs / baseline.medianMs } : {}),
      ...(options.target ? { target: options.target } : {}),
      ...(options.note ? { note: options.note } : {}),
    });
  }

  print(): void {
    const rows = this.figures.map((f) => [
      f.group,
      f.operation,
      String(f.runs),
      f.medianMs.toFixed(3),
      f.p95Ms.toFixed(3),
      f.baseline ? `${f.baseline} ${f.baselineMedianMs!.toFixed(3)}` : '—',
      f.ratio !== undefined ? `${f.ratio.toFixed(2)}×` : '—',
      f.target ?? '',
      f.note ?? '',
    ]);
    const header = ['group', 'operation', 'runs', 'median ms', 'p95 ms', 'baseline (median ms)', 'ratio', 'target', 'note'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    rows.forEach((r) => console.log(line(r)));
  }

  write(dir: string): string {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ node: process.version, platform: process.platform, at: new Date().toISOString(), figures: this.figures }, null, 2));
    return file;
  }
}
