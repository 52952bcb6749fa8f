import { createAppDispatcher, openAppDatabase } from '../../db/handlers';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { PARSED_CHUNK_ROWS, type ImportBatch, type StationRecord } from '../../core/contract/rain';
import { parseRainRows, type RainCsvMapping } from '../../core/domain/rain/csv';
import { packRainRows } from '../../core/domain/rain/packed';
import { formatLocal } from '../../core/time';
import { type Db } from '../../db/platform/connection';
import { type Dispatcher } from '../../db/platform/dispatch';
import { rainStationsRepo } from '../../db/rain/rain.repo';
import { rollingAt } from '../../db/rain/compute';
import { Bench, seededRandom, time, type Timing } from './harness';

const ACTOR = { id: 'bench', name: 'bench', role: 'admin' as const };
const HOUR = 3_600_000;
const STATIONS = 200;
const START = Date.UTC(2015, 0, 1, 0);
/** Raw rows per rain.importChunk call, as the renderer sent them before it parsed files itself. */
const RAW_CHUNK = 20_000;

function must<T>(d: Dispatcher, method: string, input: unknown): T {
  const r = d.call(method, input, ACTOR);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

function usedBytes(db: Db): number {
  const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  return pages * (db.pragma('page_size', { simple: true }) as number);
}

function once(ms: number): Timing {
  return { runs: 1, medianMs: ms, p95Ms: ms };
}

function setup(file: string): { db: Db; d: Dispatcher } {
  const db = openAppDatabase(file);
  const d = createAppDispatcher({ db, dataDir: join(file, '..') });
  for (let s = 0; s < STATIONS; s++) must<StationRecord>(d, 'rain.saveStation', { code: `S${String(s).padStart(3, '0')}`, name: `站${s}`, type: 'rain' });
  return { db, d };
}

/** Rain that is zero most hours, as real hourly data is. */
function amount(rand: () => number): string {
  const r = rand();
  return r < 0.85 ? '0.0' : (r * r * 40).toFixed(1);
}

/** Import of 1 million hourly readings: the staged path against a bare prepared-insert loop. */
async function benchImport(bench: Bench, dir: string): Promise<void> {
  const hours = 5000;
  const rand = seededRandom(7);
  const lines = ['station,time,rain'];
  for (let h = 1; h <= hours; h++) {
    const stamp = formatLocal(START + h * HOUR, 'yyyy-MM-dd HH:mm');
    for (let s = 0; s < STATIONS; s++) lines.push(`S${String(s).padStart(3, '0')},${stamp},${amount(rand)}`);
  }
  const text = lines.join('\n');
  const mapping = { station: 0, time: 1, value: 2, timeZone: 'Asia/Shanghai', intervalMinutes: 60 };

  let t0 = performance.now();
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
  const papaMs = performance.now() - t0;

  // The renderer's share: parse each chunk by the csv.ts rules and pack it (importRunner.ts).
  let packMs = 0;
  const stageParsed = (d: Dispatcher, importId: string) => {
    for (let i = 0, seq = 0; i < rows.length; i += PARSED_CHUNK_ROWS, seq++) {
      const part = rows.slice(i, i + PARSED_CHUNK_ROWS);
      const p0 = performance.now();
      const packed = packRainRows(part, mapping, i + 2);
      const data = Buffer.from(packed.data.buffer, packed.data.byteOffset, packed.data.byteLength).toString('base64');
      packMs += performance.now() - p0;
      must(d, 'rain.importParsed', { importId, seq, firstRow: i + 2, rowCount: part.length, stations: packed.stations, data, errors: packed.errors });
    }
  };

  // Baseline: the same parsed readings, one prepared INSERT each, one transaction, same schema.
  const parsed = parseRainRows(rows, mapping as RainCsvMapping, 2).readings;
  const bareImport = (file: string): number => {
    const bare = setup(join(dir, file));
    const keys = new Map(rainStationsRepo(bare.db).list().map((s) => [s.code, s.key]));
    bare.db.prepare("INSERT INTO rain_batches (id, key, kind, source, status, actor_name, created_at, updated_at) VALUES ('b', 1, 'file', 'x', 'committed', 'x', '2026-07-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z')").run();
    const insert = bare.db.prepare('INSERT INTO rain_readings (station_key, end_ms, interval_s, value_milli, quality, trace, batch_key) VALUES (?, ?, ?, ?, ?, ?, 1)');
    const b0 = performance.now();
    bare.db.transaction(() => {
      for (const r of parsed) insert.run(keys.get(r.stationId), r.endMs, r.intervalMinutes * 60, r.value === null ? null : Math.round(r.value * 1000), 0, r.trace ? 1 : 0);
    })();
    const ms = performance.now() - b0;
    bare.db.close();
    return ms;
  };

  // Three rounds of import and baseline, each into a fresh file, alternated: on a shared machine
  // one run of each says little.
  const staged: number[] = [];
  const bares: number[] = [];
  const split = { chunks: 0, commit: 0, pack: 0 };
  let bytes = 0;
  let reMs = 0;
  let reDone: ImportBatch | null = null;
  for (let round = 0; round < 3; round++) {
    const { db, d } = setup(join(dir, `rain-import-${round}.sqlite`));
    const emptyBytes = usedBytes(db);
    packMs = 0;
    t0 = performance.now();
    const batch = must<ImportBatch>(d, 'rain.importBegin', { fileName: 'bench.csv', mapping });
    stageParsed(d, batch.id);
    const chunksMs = performance.now() - t0 - packMs;
    const c0 = performance.now();
    const done = must<ImportBatch>(d, 'rain.importCommit', { importId: batch.id });
    const commitMs = performance.now() - c0;
    if (done.inserted !== rows.length) throw new Error(`imported ${done.inserted} of ${rows.length}`);
    staged.push(chunksMs + commitMs);
    if (round === 0) {
      Object.assign(split, { chunks: chunksMs, commit: commitMs, pack: packMs });
      packMs = 0;
      // Pages in use, not the file: the staging pages freed by the commit are reused by the next import.
      bytes = usedBytes(db) - emptyBytes;
      t0 = performance.now();
      const again = must<ImportBatch>(d, 'rain.importBegin', { fileName: 'bench.csv', mapping });
      stageParsed(d, again.id);
      reDone = must<ImportBatch>(d, 'rain.importCommit', { importId: again.id });
      reMs = performance.now() - t0 - packMs;
    }
    db.close();
    bares.push(bareImport(`rain-bare-${round}.sqlite`));
  }

  // The same file as raw rows of text, parsed on the server: the path before this change, still served.
  const raw = setup(join(dir, 'rain-raw.sqlite'));
  t0 = performance.now();
  const rawBatch = must<ImportBatch>(raw.d, 'rain.importBegin', { fileName: 'bench.csv', mapping });
  for (let i = 0, seq = 0; i < rows.length; i += RAW_CHUNK, seq++) must(raw.d, 'rain.importChunk', { importId: rawBatch.id, seq, firstRow: i + 2, rows: rows.slice(i, i + RAW_CHUNK) });
  must<ImportBatch>(raw.d, 'rain.importCommit', { importId: rawBatch.id });
  const rawMs = performance.now() - t0;
  raw.db.close();

  const baseline: [string, Timing] = ['bare prepared-insert loop of the parsed rows', timing(bares)];
  const server = timing(staged);
  const n = rows.length.toLocaleString('en');
  bench.add('rain', `import ${n} hourly readings: parsed chunks staged + commit (server)`, server, {
    baseline,
    target: '≤ 1.5× baseline',
    note: `first round: staging ${split.chunks.toFixed(0)} ms + commit ${split.commit.toFixed(0)} ms; chunks of ${PARSED_CHUNK_ROWS.toLocaleString('en')} rows`,
  });
  bench.add('rain', 'same, plus parsing and packing the rows (renderer)', once(server.medianMs + split.pack), {
    baseline,
    note: `parse + pack ${split.pack.toFixed(0)} ms, in the browser (overlapping the server's work there); papaparse of the ${(text.length / 1e6).toFixed(0)} MB text ${papaMs.toFixed(0)} ms more`,
  });
  bench.add('rain', 'same, including papaparse of the CSV text', once(server.medianMs + split.pack + papaMs), { baseline });
  bench.add('rain', 'raw rows parsed on the server (rain.importChunk) + commit', once(rawMs), { baseline, note: 'the path before the renderer parsed; kept for other clients' });
  bench.add('rain', 're-import of the same file (no change), server', once(reMs), { baseline, note: `unchanged ${reDone?.unchanged}, inserted ${reDone?.inserted}` });
  bench.add('rain', 'database size per million readings', once(0), { note: `${((bytes / rows.length) * 1e6 / 2 ** 20).toFixed(1)} MiB per million (${(bytes / rows.length).toFixed(1)} bytes/reading incl. the key)` });
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, medianMs: sorted[Math.floor(sorted.length / 2)], p95Ms: sorted[sorted.length - 1] };
}

/** Ten years of hourly data for 200 gauges, written once with bare inserts in key order. */
function fill(db: Db, years: number): number {
  const hours = Math.round(years * 365.25 * 24);
  db.prepare("INSERT INTO rain_batches (id, key, kind, source, status, actor_name, created_at, updated_at) VALUES ('b', 1, 'file', 'x', 'committed', 'x', '2026-07-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z')").run();
  const insert = db.prepare('INSERT INTO rain_readings (station_key, end_ms, interval_s, value_milli, quality, trace, batch_key) VALUES (?, ?, 3600, ?, 0, 0, 1)');
  const rand = seededRandom(11);
  const keys = rainStationsRepo(db).list().map((s) => s.key);
  db.pragma('synchronous = OFF');
  for (const key of keys) {
    db.transaction(() => {
      for (let h = 1; h <= hours; h++) {
        const r = rand();
        insert.run(key, START + h * HOUR, r < 0.85 ? 0 : Math.round(r * r * 40_000));
      }
    })();
  }
  db.pragma('synchronous = FULL');
  return hours * keys.length;
}

async function benchRolling(bench: Bench, dir: string): Promise<void> {
  const years = Number(process.env.RAIN_BENCH_YEARS ?? 10);
  const file = join(dir, 'rain-rolling.sqlite');
  const { db } = setup(file);
  const t0 = performance.now();
  const rows = fill(db, years);
  const fillMs = performance.now() - t0;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stations = rainStationsRepo(db).list();
  const rand = seededRandom(3);
  const hours = rows / stations.length;
  const instant = () => START + Math.floor(24 + rand() * (hours - 24)) * HOUR + Math.floor(rand() * 60) * 60_000;

  const rolling = await time(() => rollingAt(db, stations, instant()), 50);
  const sum = db.prepare('SELECT sum(value_milli) FROM rain_readings WHERE station_key = ? AND end_ms > ? AND end_ms <= ?').pluck();
  const bareSql = await time(() => {
    const at = instant();
    for (const s of stations) sum.get(s.key, at - 24 * HOUR, at);
  }, 50);
  bench.add('rain', `rolling 1/3/6/12/24 h sums, ${stations.length} gauges, one instant, ${(rows / 1e6).toFixed(1)}M rows`, rolling, {
    baseline: ['bare SQL sum of the 24 h window per gauge', bareSql],
    target: 'median ≤ 50 ms',
    note: `${years} years hourly; filled in ${(fillMs / 1000).toFixed(0)} s; file ${(statSync(file).size / 2 ** 30).toFixed(2)} GiB`,
  });
  db.close();
}

export async function benchRain(bench: Bench, dir: string): Promise<void> {
  await benchImport(bench, dir);
  await benchRolling(bench, dir);
}
