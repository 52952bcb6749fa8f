import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { StorageError } from '../../core/errors';
import type { HandlerMap } from '../platform/context';

/**
 * Backups run outside the dispatcher's transaction: these handlers only check the request and
 * queue the job with the live database's backup service (db/backup/service.ts, a port).
 */
export const backupHandlers = {
  'backup.list': (ctx) => ctx.ports.backups.list(ctx.settings()),
  'backup.create': (ctx) => ctx.ports.backups.requestCreate('manual'),
  'backup.restore': (ctx, { name }) => ctx.ports.backups.requestRestore(name, ctx.actor),
} satisfies HandlerMap<'backup'>;

/**
 * A chosen backup folder must be writable when it is chosen, so the mistake shows now and not
 * at the first failed backup. A missing last folder is created, but only under an existing parent:
 * a mistyped drive letter or mount point is refused, not silently created somewhere else.
 */
export function assertBackupFolder(folder: string): void {
  if (folder === '') return;
  try {
    try {
      if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(folder);
    }
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException).code ?? 'unknown');
    throw new StorageError('errors.backup.folderUnavailable', `The backup folder ${folder} cannot be used (${code}). Check that the drive is connected and writable.`, { folder });
  }
}
