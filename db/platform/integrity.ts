import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ErrorBody } from '../../core/errors';
import type { IntegrityStatus } from '../../core/contract/system';

/**
 * Runs on its own read-only connection in a worker thread: a full quick_check reads every page
 * (48 s for an 850 MB file after a reboot), which must not hold up the start or any call.
 */
const CHECK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  const lines = db.pragma('quick_check(5)').map((row) => row.quick_check);
  parentPort.postMessage(lines.length === 1 && lines[0] === 'ok' ? { ok: true } : { ok: false, problem: lines.join('; ') });
} catch (error) {
  const damaged = /^SQLITE_(NOTADB|CORRUPT)/.test(String(error && error.code)) || /not a database|malformed/i.test(String(error && error.message));
  parentPort.postMessage(damaged ? { ok: false, problem: String(error.message) } : { ok: null, problem: String(error && error.message) });
} finally {
  if (db) db.close();
}
`;

type CheckAnswer = { ok: true } | { ok: false; problem: string } | { ok: null; problem: string };

const betterSqlitePath = (): string => createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * One quick_check of `file` off the main thread: null when sound, the problem when damaged. It
 * settles when the worker has exited, not when it answers: only then is its connection closed,
 * so a restore that waits for it can swap the file.
 */
export function checkInWorker(file: string, started?: (worker: Worker) => void): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK_SOURCE, { eval: true, workerData: { file, modulePath: betterSqlitePath() } });
    started?.(worker);
    let answer: CheckAnswer | undefined;
    worker.once('message', (message: CheckAnswer) => (answer = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answer) reject(new Error(`The integrity check stopped (exit ${code})`));
      else if (answer.ok === null) reject(new Error(`The integrity check could not run: ${answer.problem}`));
      else resolve(answer.ok ? null : answer.problem);
    });
  });
}

/**
 * Written when the database is closed cleanly and removed when it is opened, so its absence at
 * start means the last run ended in a crash or a power cut: only then, or when the last good
 * check is old, does the start schedule a full check.
 */
export interface ShutdownMarker {
  closedAtMs: number;
  lastGoodCheckMs: number | null;
}

const markerFile = (databaseFile: string) => `${databaseFile}.clean`;

/** Reads and removes the marker: from now on a crash must leave no marker behind. */
export function takeShutdownMarker(databaseFile: string): ShutdownMarker | null {
  const file = markerFile(databaseFile);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ShutdownMarker>;
    return typeof parsed.closedAtMs === 'number' ? { closedAtMs: parsed.closedAtMs, lastGoodCheckMs: parsed.lastGoodCheckMs ?? null } : null;
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}

export function writeShutdownMarker(databaseFile: string, marker: ShutdownMarker): void {
  writeFileSync(markerFile(databaseFile), JSON.stringify(marker));
}

/** A full check at least this often, even after clean shutdowns. */
export const CHECK_EVERY_MS = 7 * 86_400_000;

export type CheckReason = IntegrityStatus['reason'];

/**
 * The database's integrity: one check at a time, in the background; a request while one runs is
 * folded into it. While the last result is "damaged", `refusal()` is the answer to every write.
 */
export class IntegrityMonitor {
  private status: IntegrityStatus = { state: 'unchecked', reason: null, startedAtMs: null, checkedAtMs: null, lastGoodMs: null, problem: null };
  private running: Promise<void> | null = null;
  private worker: Worker | null = null;
  private refusalBody: ErrorBody | null = null;
  private stopped = false;

  constructor(
    private readonly file: () => string,
    private readonly clock: () => number,
    /** The message for a damaged file, naming the newest good backup where there is one. */
    private readonly describeDamage: (problem: string) => ErrorBody,
    private readonly onError?: (error: unknown) => void,
  ) {}

  refusal(): ErrorBody | null {
    return this.refusalBody;
  }

  current(): IntegrityStatus {
    return { ...this.status };
  }

  /** A sound result found earlier (a marker from a clean shutdown) counts until the next check. */
  rememberGood(atMs: number): void {
    this.status = { ...this.status, state: 'ok', checkedAtMs: atMs, lastGoodMs: atMs };
  }

  start(reason: NonNullable<CheckReason>): IntegrityStatus {
    if (this.running || this.stopped) return this.current();
    const startedAtMs = this.clock();
    const previous = this.status;
    this.status = { ...previous, state: 'checking', reason, startedAtMs };
    this.running = checkInWorker(this.file(), (worker) => (this.worker = worker))
      .then(
        (problem) => {
          if (this.stopped) return;
          const checkedAtMs = this.clock();
          this.status = problem
            ? { state: 'damaged', reason, startedAtMs, checkedAtMs, lastGoodMs: previous.lastGoodMs, problem }
            : { state: 'ok', reason, startedAtMs, checkedAtMs, lastGoodMs: checkedAtMs, problem: null };
          this.refusalBody = problem ? this.describeDamage(problem) : null;
        },
        (error: unknown) => {
          if (this.stopped) return;
          // A check that could not run (the file is locked, a worker failed) proves nothing either way.
          this.status = { ...previous, reason, startedAtMs };
          this.onError?.(error);
        },
      )
      .finally(() => {
        this.running = null;
        this.worker = null;
      });
    return this.current();
  }

  /** Resolves when no check is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Closing the database must not wait for a full read: a running check is left to finish on
   * its own read-only connection (terminating a worker inside SQLite can hang), its result is
   * dropped, and it no longer keeps the process alive.
   */
  stop(): void {
    this.stopped = true;
    this.worker?.unref();
  }
}
