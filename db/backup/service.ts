import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Conflict, NotFound, StorageError } from '../../core/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import type { BackupJob, BackupList } from '../../core/contract/backup';
import type { BackupReason } from '../../core/domain/backup/rotation';
import type { Db } from '../platform/connection';
import type { Actor } from '../platform/context';
import type { DatabaseHost, LiveBackups } from '../platform/live-database';
import { errorBody } from '../platform/error-body';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import { auditRepo } from '../audit';
import { settingsRepo } from '../platform/settings.repo';
import { backupFolders, createBackup, listBackups, readManifest, removePartials, rotateBackups, type BackupFolder } from './snapshots';
import { swapInBackup } from './restore';

/** A timer backup is attempted at least this long after start, so a quick restart does not pile them up. */
const FIRST_TIMER_DELAY_MS = 60_000;

/**
 * Runs backups and restores one at a time, outside any request. A request only checks and queues
 * the job; the job starts on the next turn of the event loop, after the dispatcher's transaction
 * has ended, so file copies never hold a transaction open and a slow USB drive never blocks a
 * write. Clients follow the job through backup.list.
 */
export class BackupService implements LiveBackups {
  private job: BackupJob | null = null;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerOn = false;

  constructor(private readonly host: DatabaseHost) {
    for (const folder of this.folders()) removePartials(folder.dir);
  }

  list(settings: Settings = this.settings()): BackupList {
    const folders = backupFolders(this.host.paths, settings.backup.folder);
    return { folder: folders[0].dir, defaultFolder: this.host.paths.backupsDir, backups: listBackups(folders), job: this.job && { ...this.job } };
  }

  requestCreate(reason: BackupReason): BackupJob {
    const job = this.begin('create', reason);
    this.launch(job, () => this.runCreate(job));
    return { ...job };
  }

  requestRestore(name: string, actor: Actor): BackupJob {
    const backup = listBackups(this.folders()).find((b) => b.name === name);
    if (!backup) throw new NotFound('backup', name);
    if (backup.schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new StorageError('errors.dbTooNew', `Backup ${name} was made by a newer FloodDesk (schema ${backup.schemaVersion}); install it to restore this backup.`, {
        file: backup.path,
        found: backup.schemaVersion,
        supported: LATEST_SCHEMA_VERSION,
      });
    }
    const job = this.begin('restore', backup.reason);
    job.backupName = name;
    this.launch(job, () => this.runRestore(job, backup.path, actor));
    return { ...job };
  }

  /** Backs up on the interval in settings, skipping when nothing changed since the newest backup. */
  startTimer(): void {
    this.timerOn = true;
    const newest = listBackups(this.folders())[0];
    const interval = this.intervalMs();
    const due = newest ? newest.createdAtMs + interval - this.host.clock() : FIRST_TIMER_DELAY_MS;
    this.schedule(Math.min(Math.max(due, FIRST_TIMER_DELAY_MS), interval));
  }

  /** Stops the timer and waits for a job in progress, so the connection can be closed after. */
  async stop(): Promise<void> {
    this.timerOn = false;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Resolves when no job is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** One timer round, exposed so tests need not wait an hour. */
  async tick(): Promise<void> {
    try {
      if (!this.running && this.changedSinceNewestBackup()) {
        this.requestCreate('hourly');
        await this.running;
      }
    } catch (error) {
      this.host.onInternalError?.(error, 'backup timer');
    } finally {
      if (this.timerOn) this.schedule(this.intervalMs());
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // The timer alone must not keep a process alive that is otherwise finished.
    this.timer.unref();
  }

  private changedSinceNewestBackup(): boolean {
    const [newest] = listBackups(this.folders());
    const head = this.host.db().prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null;
    return !newest || readManifest(newest.path)?.auditHead !== head;
  }

  private begin(kind: BackupJob['kind'], reason: BackupReason): BackupJob {
    if (this.running) throw new Conflict('errors.backup.busy', 'A backup or restore is already running; wait for it to finish.');
    return {
      id: randomUUID(),
      kind,
      reason,
      state: 'running',
      phase: 'queued',
      progress: 0,
      startedAtMs: this.host.clock(),
      finishedAtMs: null,
      backupName: null,
      preRestoreName: null,
      error: null,
    };
  }

  private launch(job: BackupJob, work: () => Promise<void>): void {
    this.job = job;
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .then(
        () => {
          job.state = 'done';
        },
        (error: unknown) => {
          job.state = 'failed';
          job.error = errorBody(error, `backup.${job.kind}`, this.host.onInternalError);
        },
      )
      .finally(() => {
        job.finishedAtMs = this.host.clock();
        this.running = null;
      });
  }

  private async runCreate(job: BackupJob): Promise<void> {
    const settings = this.settings();
    const [target] = backupFolders(this.host.paths, settings.backup.folder);
    const manifest = await createBackup(this.host.db(), {
      dir: target.dir,
      reason: job.reason,
      nowMs: this.host.clock(),
      appVersion: this.host.appVersion,
      filesDir: this.host.paths.filesDir,
      onProgress: (phase, progress) => Object.assign(job, { phase, progress }),
    });
    job.backupName = manifest.name;
    await rotateBackups(target.dir, settings.backup, settings.general.timeZone);
    this.host.backedUp();
  }

  /**
   * Calls are refused (typed, retryable) from the first step to the last, so nothing written in
   * between can fall into the gap between the pre-restore backup and the swap. If the restored
   * file cannot be opened, the pre-restore backup is swapped back; whatever happens, a connection
   * is reopened before calls are let through again.
   */
  private async runRestore(job: BackupJob, backupPath: string, actor: Actor): Promise<void> {
    const { paths, clock } = this.host;
    this.host.suspend(new StorageError('errors.backup.restoring', 'A backup is being restored; nothing was saved. Try again in a moment.').toBody());
    let closed = false;
    try {
      const [target] = this.folders();
      const kept = await createBackup(this.host.db(), {
        dir: target.dir,
        reason: 'pre-restore',
        nowMs: clock(),
        appVersion: this.host.appVersion,
        filesDir: paths.filesDir,
        onProgress: (phase, progress) => Object.assign(job, { phase, progress }),
      });
      job.preRestoreName = kept.name;
      job.phase = 'swap';
      await this.host.settle();
      this.host.closeDatabase();
      closed = true;
      await swapInBackup(backupPath, paths, clock());
      job.phase = 'reopen';
      let db: Db;
      try {
        db = this.host.reopenDatabase();
        try {
          this.host.acceptRestored(db);
        } catch (refusal) {
          this.host.closeDatabase();
          throw refusal;
        }
      } catch (error) {
        await swapInBackup(join(target.dir, kept.name), paths, clock());
        throw error;
      }
      closed = false;
      const manifest = readManifest(backupPath);
      auditRepo(db).insert({
        atMs: clock(),
        actorId: actor.id,
        actorName: actor.name,
        method: 'backup.restore',
        entity: 'database',
        entityId: job.backupName ?? '',
        before: { keptAs: kept.name, counts: kept.counts },
        after: { restoredFrom: job.backupName, createdAtMs: manifest?.createdAtMs ?? null, counts: manifest?.counts ?? null },
      });
    } finally {
      this.finishRestore(closed);
    }
  }

  private finishRestore(closed: boolean): void {
    if (closed) {
      try {
        this.host.reopenDatabase();
      } catch (error) {
        // Nothing to route calls to: keep refusing them, with the reason, rather than crash on a closed handle.
        this.host.suspend(errorBody(error, 'backup.restore', this.host.onInternalError));
        return;
      }
    }
    this.host.resume();
  }

  private folders(): BackupFolder[] {
    return backupFolders(this.host.paths, this.settings().backup.folder);
  }

  /** Settings from the live file; defaults while it is closed mid-restore or unreadable. */
  private settings(): Settings {
    try {
      return settingsRepo(this.host.db()).read();
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  private intervalMs(): number {
    return this.settings().backup.intervalMinutes * 60_000;
  }
}
