import type { Db } from './connection';

/**
 * Builds a repository once per connection, so its statements are prepared once and reused
 * (better-sqlite3's advice) rather than on every call.
 */
export function perDb<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let repo = built.get(db);
    if (!repo) {
      repo = build(db);
      built.set(db, repo);
    }
    return repo;
  };
}
