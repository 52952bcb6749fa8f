import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { CacheEntry } from '../../core/domain/geo/tile-cache';

/**
 * The online tile cache lives in its own SQLite file (`<dataDir>/tiles/online-cache.sqlite`),
 * not in the records database: it is disposable, must not bloat backups, and its writes on
 * every map pan must never contend with a duty officer's save. Its schema is created here
 * rather than by a migration because a damaged or outdated cache is simply thrown away.
 */
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS online_tiles (
  key          TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  data         BLOB NOT NULL,
  bytes        INTEGER NOT NULL,
  last_used_ms INTEGER NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS online_tiles_by_last_used ON online_tiles (last_used_ms);
`;

function open(file: string): Database.Database {
  const db = new Database(file, { timeout: 2000 });
  db.pragma('journal_mode = WAL');
  // A lost cache entry after a power cut costs one refetch; never worth an fsync per tile.
  db.pragma('synchronous = OFF');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== SCHEMA_VERSION) {
    db.exec('DROP TABLE IF EXISTS online_tiles');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  db.prepare('SELECT count(*) FROM online_tiles').get();
  return db;
}

/** Opens the cache file, replacing it when it is damaged (it holds nothing that cannot be refetched). */
export function openOnlineCacheFile(file: string): Database.Database {
  try {
    return open(file);
  } catch {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    return open(file);
  }
}

export interface CachedTile {
  body: Buffer;
  contentType: string;
}

export function onlineCacheRepo(db: Database.Database) {
  const get = db.prepare('SELECT data AS body, content_type AS contentType FROM online_tiles WHERE key = ?');
  const touch = db.prepare('UPDATE online_tiles SET last_used_ms = ? WHERE key = ?');
  const put = db.prepare(
    `INSERT INTO online_tiles (key, content_type, data, bytes, last_used_ms, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET content_type = excluded.content_type, data = excluded.data, bytes = excluded.bytes, last_used_ms = excluded.last_used_ms`,
  );
  const remove = db.prepare('DELETE FROM online_tiles WHERE key = ?');
  const entries = db.prepare('SELECT key, bytes, last_used_ms AS lastUsedMs FROM online_tiles ORDER BY last_used_ms, key');
  const removeMany = db.transaction((keys: readonly string[]) => keys.forEach((key) => remove.run(key)));
  return {
    get: (key: string) => get.get(key) as CachedTile | undefined,
    touch: (key: string, atMs: number) => touch.run(atMs, key),
    put: (key: string, tile: CachedTile, atMs: number) => put.run(key, tile.contentType, tile.body, tile.body.length, atMs, new Date(atMs).toISOString()),
    remove: (keys: readonly string[]) => removeMany(keys),
    /** Everything stored, least recently used first, to rebuild the in-memory policy. */
    entries: () => entries.all() as CacheEntry[],
  };
}
