import { join } from 'node:path';
import { createAppDispatcher, openAppDatabase } from '../../db/handlers';
import { TileSources } from '../../db/map';
import type { Db } from '../../db/platform/connection';
import type { Dispatcher } from '../../db/platform/dispatch';
import type { Actor } from '../../db/platform/context';
import { tempDir } from './tempdir';

export const TEST_ACTOR: Actor = { id: 'tester', name: '测试员', role: 'admin' };

export interface TestDb {
  db: Db;
  dir: string;
  file: string;
  dispatcher: Dispatcher;
  /** The dispatcher's MBTiles readers and online cache. */
  tiles: TileSources;
  /** Calls a method and returns its value, failing the test with the error body otherwise. */
  call<T = unknown>(method: string, input?: unknown, actor?: Actor): T;
  /** Calls a method expecting failure; returns the error body. */
  fail(method: string, input?: unknown, actor?: Actor): import('../../core/errors').ErrorBody;
  /** Moves the dispatcher's clock. */
  setNow(ms: number): void;
  close(): void;
}

/** A real SQLite file in a temp folder, migrated, with a dispatcher over it. */
export function createTestDb(nowMs = Date.UTC(2026, 6, 1, 4, 0)): TestDb {
  const dir = tempDir();
  const file = join(dir.path, 'flooddesk.sqlite');
  const db = openAppDatabase(file);
  let now = nowMs;
  const tiles = new TileSources(dir.path);
  const dispatcher = createAppDispatcher({ db, dataDir: dir.path, clock: () => now, tiles });
  return {
    db,
    dir: dir.path,
    file,
    dispatcher,
    tiles,
    call<T>(method: string, input: unknown = {}, actor = TEST_ACTOR): T {
      const result = dispatcher.call(method, input, actor);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    fail(method: string, input: unknown = {}, actor = TEST_ACTOR) {
      const result = dispatcher.call(method, input, actor);
      if (result.ok) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
      return result.error;
    },
    setNow(ms: number) {
      now = ms;
    },
    close() {
      tiles.close();
      db.close();
      dir.remove();
    },
  };
}
