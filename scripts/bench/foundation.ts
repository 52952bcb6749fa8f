import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { handlers, openAppDatabase } from '../../db/handlers';
import { THIS_COMPUTER, type HandlerContext } from '../../db/platform/context';
import { settingsRepo } from '../../db/platform/settings.repo';
import { startServe } from '../../server/app';
import { Bench, time } from './harness';

const ACTOR = { id: 'bench', name: 'bench', role: 'admin' as const };

/** The cost of the contract itself: HTTP + validation + transaction + audit. */
export async function benchFoundation(bench: Bench, dir: string): Promise<void> {
  const app = await startServe({ dataDir: join(dir, 'foundation'), port: 0, host: '127.0.0.1', demo: false, appVersion: 'bench' });
  const ctx: HandlerContext = {
    db: app.db,
    actor: ACTOR,
    origin: THIS_COMPUTER,
    method: 'settings.get',
    nowMs: Date.now(),
    nowIso: new Date().toISOString(),
    dataDir: app.paths.dataDir,
    runtime: { appVersion: 'bench', databaseFile: app.paths.databaseFile, demo: false, startedAtMs: 0 },
    ports: { backups: app.backups, tiles: app.tiles, integrity: app.integrity },
    settings: () => settingsRepo(app.db).read(),
    audit: () => {},
  };
  const bare = await time(() => handlers['settings.get'](ctx), 2000);
  const overHttp = await time(
    () => fetch(`${app.url}api/settings.get`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.json()),
    500,
  );
  bench.add('foundation', 'settings.get over HTTP', overHttp, { baseline: ['bare handler call', bare] });

  const viaDispatcher = await time(() => app.dispatcher.call('events.create', { name: '台风', startedAtMs: 1 }, ACTOR), 500);
  const raw = openAppDatabase(join(dir, 'foundation-raw.sqlite'));
  const insert = raw.prepare(
    `INSERT INTO events (id, name, name_en, kind, started_at_ms, ended_at_ms, notes, created_at, updated_at) VALUES (?, '台风', '', 'typhoon', 1, NULL, '', '2026-07-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z')`,
  );
  const bareInsert = await time(() => insert.run(randomUUID()), 500);
  bench.add('foundation', 'events.create (validated, audited, FULL sync)', viaDispatcher, {
    baseline: ['bare prepared insert (autocommit)', bareInsert],
  });
  raw.close();
  await app.close();
}
