import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { openLiveDatabase } from '../../db/handlers';
import { dataPaths, ensureDataDir } from '../../db/platform/paths';

const HOUR = 3_600_000;
const START = Date.UTC(2016, 0, 1);

/**
 * A data folder whose database is large where it is largest in real use (hourly rain readings of
 * the demo gauges over years), written with bare inserts so building it takes seconds; the rest
 * is the demo office. Closed cleanly, so it carries the clean-shutdown marker.
 */
export async function buildLargeDataFolder(dataDir: string, readings: number): Promise<{ file: string; bytes: number }> {
  const paths = dataPaths(dataDir);
  ensureDataDir(paths);
  const live = openLiveDatabase({ paths, appVersion: 'large', demo: true, backupTimer: false });
  const db = live.db;
  const keys = db.prepare('SELECT key FROM rain_stations').pluck().all() as number[];
  const batch = db.prepare(
    "INSERT INTO rain_batches (id, key, kind, source, status, actor_name, created_at, updated_at) VALUES ('large', 999999, 'file', 'large.csv', 'committed', 'bench', ?, ?)",
  );
  const insert = db.prepare('INSERT INTO rain_readings (station_key, end_ms, interval_s, value_milli, quality, trace, batch_key) VALUES (?, ?, 3600, ?, 0, 0, 999999)');
  const perStation = Math.ceil(readings / keys.length);
  db.pragma('synchronous = OFF');
  db.transaction(() => {
    const at = new Date(START).toISOString();
    batch.run(at, at);
    for (const key of keys) {
      // Demo readings sit near today; these years end well before them.
      for (let h = 1; h <= perStation; h++) insert.run(key, START - perStation * HOUR + h * HOUR, (h * 7919) % 13 === 0 ? (h * 31) % 40_000 : 0);
    }
  })();
  db.pragma('synchronous = FULL');
  await live.close();
  return { file: paths.databaseFile, bytes: statSync(paths.databaseFile).size };
}

/** Drops the file's pages from the OS page cache, as a reboot would (posix_fadvise DONTNEED through dd). */
export function evictFromPageCache(file: string): void {
  const result = spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`dd could not drop ${file} from the page cache`);
}
