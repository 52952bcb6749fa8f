import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test; removed afterwards unless KEEP_TEST_DATA is set for debugging. */
export function tempDir(prefix = 'flooddesk-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => (process.env.KEEP_TEST_DATA ? undefined : rmSync(path, { recursive: true, force: true })) };
}
