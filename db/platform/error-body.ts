import { AppError, StorageError, internalErrorBody, type ErrorBody } from '../../core/errors';

/** SQLite result codes that are the user's situation, not a bug. */
export function errorBody(error: unknown, method: string, onInternalError?: (error: unknown, method: string) => void): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL') return new StorageError('errors.diskFull', 'The disk or database is full; nothing was saved').toBody();
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StorageError('errors.dbBusy', 'The database is busy; nothing was saved, try again').toBody();
  if (code.startsWith('SQLITE_READONLY')) return new StorageError('errors.dbReadOnly', 'The database is read-only; nothing was saved').toBody();
  if (code.startsWith('SQLITE_IOERR')) return new StorageError('errors.diskIo', 'The disk reported an error; nothing was saved').toBody();
  onInternalError?.(error, method);
  return internalErrorBody();
}
