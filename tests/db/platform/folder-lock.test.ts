import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServe } from '../../../server/app';
import { LOCK_FILE } from '../../../db/platform/folder-lock';
import { tempDir } from '../../support/tempdir';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const serve = (dataDir: string) => startServe({ dataDir, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false });

describe('one FloodDesk per data folder', () => {
  it('refuses a second start on the same folder with a plain message, and lets the next one in after close', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const first = await serve(dir.path);
    await expect(serve(dir.path)).rejects.toMatchObject({ key: 'errors.dataFolderInUse', params: { pid: process.pid } });
    // The refused start changed nothing: the first one still answers.
    expect(first.dispatcher.call('system.status', {}, null).ok).toBe(true);
    await first.close();
    expect(existsSync(join(dir.path, LOCK_FILE))).toBe(false);
    const next = await serve(dir.path);
    await next.close();
  });

  it('takes over the lock of a process that is gone (a crash or a power cut)', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir.path, LOCK_FILE), JSON.stringify({ pid: Number(gone.stdout), startedAtMs: 0 }));
    const app = await serve(dir.path);
    cleanups.push(() => app.close());
    expect(app.dispatcher.call('system.status', {}, null).ok).toBe(true);
  });
});
