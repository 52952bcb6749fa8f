import type { Db } from '../platform/connection';

/**
 * One repository per connection: handlers ask for repositories on every call, and preparing a
 * dozen statements each time (10k times in an import) costs more than the queries themselves.
 */
export function perDb<R>(create: (db: Db) => R): (db: Db) => R {
  const cache = new WeakMap<Db, R>();
  return (db) => {
    let repo = cache.get(db);
    if (!repo) cache.set(db, (repo = create(db)));
    return repo;
  };
}
