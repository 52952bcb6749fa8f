import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { BackupInfo, BackupList } from '../../../core/contract/backup';
import type { AuditVerifyResult } from '../../../core/contract/system';
import type { Settings } from '../../../core/settings';
import { call, CallError } from '../../api/client';
import { act } from '../../api/hooks';
import { StoredRow, withDialogBoundary } from '../../components/ErrorBoundary';
import { plain, safeDate, safeNumber, useCodeLabel, type Shown } from '../../format/safe';
import { isTKey, useT, type TKey } from '../../i18n';
import { useUi } from '../../store/ui';
import './backups.css';

type BackupSettings = Settings['backup'];
const POLL_MS = 700;

const mb = (bytes: unknown): Shown => safeNumber(bytes, (n) => `${(n / 1_048_576).toFixed(n < 10_485_760 ? 1 : 0)} MB`);

/**
 * List, back up now, restore with a confirmation that shows what the backup holds. A job runs in
 * the background; the card polls backup.list until it ends. During a restore every call is
 * refused with errors.restoring, which here only means "still going".
 */
export function BackupsCard({ settings, timeZone, onSaved }: { settings: BackupSettings | undefined; timeZone: string; onSaved(): void }) {
  const t = useT();
  const code = useCodeLabel();
  const [list, setList] = useState<BackupList>();
  const [form, setForm] = useState<BackupSettings>();
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [chain, setChain] = useState<AuditVerifyResult>();
  const restoring = useRef(false);
  const when = (ms: unknown) => safeDate(ms, 'yyyy-MM-dd HH:mm', timeZone);

  useEffect(() => setForm(settings), [settings]);

  const load = useCallback(async (): Promise<BackupList | undefined> => {
    try {
      const next = await call('backup.list', {});
      setList(next);
      return next;
    } catch (error) {
      if (error instanceof CallError && error.body.key === 'errors.backup.restoring') return undefined;
      useUi.getState().reportError(error instanceof CallError ? error.body : { code: 'internal', key: 'errors.internal', message: String(error) });
      return undefined;
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const running = list?.job?.state === 'running' || restoring.current;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const next = await load();
      if (!restoring.current || !next || next.job?.state === 'running') return;
      restoring.current = false;
      // Every screen holds data from the replaced database: start afresh.
      if (next.job?.state === 'done') location.reload();
      else if (next.job?.error) useUi.getState().reportError(next.job.error);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, load]);

  async function backUpNow() {
    if (await act('backup.create', {})) await load();
  }

  async function restore(backup: BackupInfo) {
    setConfirming(null);
    if (!(await act('backup.restore', { name: backup.name }))) return;
    restoring.current = true;
    await load();
  }

  async function saveSettings(e: FormEvent) {
    e.preventDefault();
    if (form && (await act('settings.update', { section: 'backup', values: form }))) {
      onSaved();
      await load();
    }
  }

  const number = (key: 'intervalMinutes' | 'keepHourly' | 'keepDaily') => ({
    type: 'number',
    value: form?.[key] ?? '',
    onChange: (e: { target: { value: string } }) => setForm((f) => (f ? { ...f, [key]: Number(e.target.value) } : f)),
  });
  const job = list?.job;

  return (
    <section className="card stack" aria-labelledby="backups-title" data-testid="backups-card">
      <h2 id="backups-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>

      <form className="form-grid" onSubmit={saveSettings}>
        <label className="backup-folder">
          {t('backup.folder')}
          <input name="backupFolder" value={form?.folder ?? ''} placeholder={list?.defaultFolder} onChange={(e) => setForm((f) => (f ? { ...f, folder: e.target.value } : f))} />
          <span className="muted">{t('backup.folderHint')}</span>
        </label>
        <label>
          {t('backup.interval')}
          <input name="intervalMinutes" min={5} max={1440} required {...number('intervalMinutes')} />
        </label>
        <label>
          {t('backup.keepHourly')}
          <input name="keepHourly" min={0} max={336} required {...number('keepHourly')} />
        </label>
        <label>
          {t('backup.keepDaily')}
          <input name="keepDaily" min={1} max={3650} required {...number('keepDaily')} />
        </label>
        <div className="form-actions">
          <button type="submit" disabled={!form}>
            {t('backup.saveSettings')}
          </button>
        </div>
      </form>

      <div className="form-actions">
        <button type="button" className="primary" onClick={backUpNow} disabled={running} data-testid="backup-now">
          {t('backup.now')}
        </button>{' '}
        <button type="button" onClick={async () => setChain(await act('audit.verify', {}))}>
          {t('audit.verify')}
        </button>
      </div>
      <div aria-live="polite" data-testid="backup-status">
        {job?.state === 'running' && (
          <>
            {t('backup.progress', { phase: t(`backup.phase.${job.phase}` as TKey) })} <progress max={1} value={job.progress} />
          </>
        )}
        {job?.state === 'done' && job.finishedAtMs !== null && t('backup.lastDone', { date: plain(when(job.finishedAtMs)) })}
        {job?.state === 'failed' && job.error && (
          <span>
            {t('backup.lastFailed')} {isTKey(job.error.key) ? t(job.error.key, job.error.params) : job.error.message}
          </span>
        )}
        {chain && <p data-testid="audit-chain">{chain.ok ? t('audit.chainOk', { rows: chain.rows, hash: chain.headHash.slice(0, 16) }) : <strong>{t('audit.chainBroken', { seq: chain.brokenSeq })}</strong>}</p>}
      </div>

      {list && list.backups.length === 0 && <p className="muted">{t('backup.empty')}</p>}
      {list && list.backups.length > 0 && (
        <table className="backup-table">
          <thead>
            <tr>
              <th>{t('backup.col.date')}</th>
              <th>{t('backup.col.reason')}</th>
              <th>{t('backup.col.size')}</th>
              <th>{t('backup.col.records')}</th>
              <th>{t('backup.col.location')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.backups.map((backup) => (
              <StoredRow key={backup.name} method="backup.list" rowId={backup.name} name={backup.name} as="tr" colSpan={6}>
                {() => (
                  <tr data-backup={backup.name}>
                    <td className="mono nowrap">{when(backup.createdAtMs)}</td>
                    <td className="nowrap">{code('backup.reason', backup.reason)}</td>
                    <td className="nowrap">{mb(backup.dbBytes + backup.filesBytes)}</td>
                    <td>
                      <Counts backup={backup} />
                    </td>
                    <td className="nowrap" title={backup.path}>
                      {code('backup.location', backup.location)}
                    </td>
                    <td className="nowrap">
                      <button type="button" onClick={() => setConfirming(backup)} disabled={running} aria-label={t('backup.restoreLabel', { date: plain(when(backup.createdAtMs)) })}>
                        {t('backup.restore')}
                      </button>
                    </td>
                  </tr>
                )}
              </StoredRow>
            ))}
          </tbody>
        </table>
      )}
      {confirming && <ConfirmRestore backup={confirming} date={plain(when(confirming.createdAtMs))} onCancel={() => setConfirming(null)} onConfirm={() => restore(confirming)} />}
    </section>
  );
}

/** The records people recognise; every other table is in the dialog's full list. */
const KEY_TABLES = ['events', 'duty_log_entries', 'hazard_points', 'hazard_inspections', 'evac_persons', 'evac_movements', 'rain_readings', 'audit_log'];

function Counts({ backup, all = false }: { backup: BackupInfo; all?: boolean }) {
  const t = useT();
  const label = (table: string) => {
    const key = `backup.table.${table}`;
    return isTKey(key) ? t(key) : table;
  };
  const tables = all ? Object.keys(backup.counts).sort() : KEY_TABLES.filter((table) => table in backup.counts);
  return (
    <span className="muted">
      {tables.map((table) => `${label(table)} ${plain(safeNumber(backup.counts[table]))}`).join(' · ')}
      {!all && backup.fileCount > 0 && ` · ${t('backup.files', { count: backup.fileCount })}`}
    </span>
  );
}

/** A real modal dialog: focus moves into it, Tab stays inside, Esc cancels. */
function ConfirmRestoreDialog({ backup, date, onCancel, onConfirm }: { backup: BackupInfo; date: string; onCancel(): void; onConfirm(): void }) {
  const t = useT();
  const code = useCodeLabel();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  return (
    <dialog ref={ref} className="backup-confirm" aria-labelledby="restore-title" onCancel={onCancel} data-testid="restore-confirm">
      <h2 id="restore-title">{t('backup.confirmTitle')}</h2>
      <p>{t('backup.confirmText', { date })}</p>
      <dl className="facts">
        <dt>{t('backup.col.date')}</dt>
        <dd className="mono">{date}</dd>
        <dt>{t('backup.col.reason')}</dt>
        <dd>{code('backup.reason', backup.reason)}</dd>
        <dt>{t('backup.col.records')}</dt>
        <dd>
          <Counts backup={backup} />
          <details>
            <summary>{t('backup.allTables')}</summary>
            <Counts backup={backup} all />
          </details>
        </dd>
        <dt>{t('backup.col.size')}</dt>
        <dd>{mb(backup.dbBytes + backup.filesBytes)}</dd>
      </dl>
      <div className="form-actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>{' '}
        <button type="button" className="danger" onClick={onConfirm}>
          {t('backup.confirm')}
        </button>
      </div>
    </dialog>
  );
}

const ConfirmRestore = withDialogBoundary('restore-dialog', ConfirmRestoreDialog, (props) => props.onCancel);
