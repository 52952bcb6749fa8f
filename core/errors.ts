/**
 * Typed errors that cross the process boundary. The UI translates `key` with `params`;
 * `message` is the English fallback for logs and HTTP clients.
 */

export type ErrorCode = 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthorized' | 'storage' | 'internal';

export interface FieldIssue {
  path: string;
  message: string;
  messageZh: string;
  /** With an input the contract's schema refused: what was wrong, for the UI to say in words (core/contract/issues.ts). */
  facts?: IssueFacts;
}

/** A schema's complaint as data; the UI names the field with its form's label and ordinals for list positions. */
export interface IssueFacts {
  at: (string | number)[];
  /** zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, custom, … */
  code: string;
  /** A named rule of the contract (core/contract/issues.ts RULE_MESSAGES). */
  rule?: string;
  expected?: string;
  received?: string;
  /** What a limit counts: string (characters), number, array (entries), … */
  origin?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
}

export interface ErrorBody {
  code: ErrorCode;
  key: string;
  message: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
  /** With a stale-version conflict: the record as it is now, so the UI can show what changed. */
  current?: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toBody(): ErrorBody {
    return { code: this.code, key: this.key, message: this.message, ...(this.params ? { params: this.params } : {}) };
  }
}

export class ValidationError extends AppError {
  constructor(key: string, message: string, params?: Record<string, string | number>, readonly issues: FieldIssue[] = []) {
    super('validation', key, message, params);
  }

  override toBody(): ErrorBody {
    return { ...super.toBody(), ...(this.issues.length ? { issues: this.issues } : {}) };
  }
}

export class NotFound extends AppError {
  constructor(entity: string, id: string) {
    super('not_found', 'errors.notFound', `${entity} ${id} not found`, { entity, id });
  }
}

export class Conflict extends AppError {
  constructor(key: string, message: string, params?: Record<string, string | number>) {
    super('conflict', key, message, params);
  }
}

/**
 * Optimistic concurrency (docs/CONVENTIONS.md): the caller's `expectedVersion` is not the stored
 * one, because someone else saved in between. Nothing was written; `current` is the fresh record.
 */
export class StaleRecord extends Conflict {
  constructor(entity: string, readonly current: unknown) {
    super('errors.conflict', `The ${entity} was changed by someone else; reload it and try again`, { entity });
  }

  override toBody(): ErrorBody {
    return { ...super.toBody(), current: this.current };
  }
}

export class Forbidden extends AppError {
  constructor(key = 'errors.forbidden', message = 'You are not allowed to do this', params?: Record<string, string | number>) {
    super('forbidden', key, message, params);
  }
}

export class Unauthorized extends AppError {
  constructor(key = 'errors.unauthorized', message = 'Please sign in') {
    super('unauthorized', key, message);
  }
}

/** Disk full, read-only file, locked database: the user must act, the data is untouched. */
export class StorageError extends AppError {
  constructor(key: string, message: string, params?: Record<string, string | number>) {
    super('storage', key, message, params);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  storage: 503,
  internal: 500,
};

export function internalErrorBody(): ErrorBody {
  return { code: 'internal', key: 'errors.internal', message: 'Internal error; nothing was saved' };
}
