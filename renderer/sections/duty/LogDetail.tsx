import { useEffect, useState, type FormEvent } from 'react';
import type { LogEntry } from '../../../core/contract/dutyShared';
import { useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useDutyQuery, useDutyWrite } from './store';
import { full, useZone } from './format';
import { LogIncident } from './LogIncident';

/** One entry with every version; corrections and closing write a new version with a reason; an incident can be opened from it. */
export function LogDetail({ entryId, onClose, onFollowUp }: { entryId: string; onClose(): void; onFollowUp(entry: LogEntry): void }) {
  const t = useT();
  const code = useCodeLabel();
  const zone = useZone();
  const write = useDutyWrite();
  const history = useDutyQuery('duty.logHistory', { entryId });
  const current = history.data?.[history.data.length - 1];
  const [content, setContent] = useState('');
  const [actionTaken, setActionTaken] = useState('');
  const [result, setResult] = useState('');
  const [reason, setReason] = useState('');

  useEffect(() => {
    if (!current) return;
    setContent(current.content);
    setActionTaken(current.actionTaken);
    setResult(current.result);
    setReason('');
  }, [current]);

  if (!current) return <aside className="card duty-log-detail muted">{t('common.loading')}</aside>;

  const correct = (patch: Partial<Pick<LogEntry, 'content' | 'actionTaken' | 'result' | 'status'>>, why: string) =>
    write('duty.correctLog', { entryId, version: current.version, patch, reason: why });

  async function submit(e: FormEvent) {
    e.preventDefault();
    await correct({ content, actionTaken, result }, reason);
  }

  return (
    <aside className="card duty-log-detail" aria-labelledby="log-detail-title" data-testid="log-detail">
      <div className="row-between">
        <h2 id="log-detail-title">{t('duty.log.detailTitle')}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <dl className="facts">
        <dt>{t('duty.log.receivedAt')}</dt>
        <dd>{full(current.receivedAtMs, zone)}</dd>
        <dt>{t('duty.log.channel')}</dt>
        <dd>{code('duty.channel', current.channel)}</dd>
        <dt>{t('duty.log.from')}</dt>
        <dd>{[current.fromUnit, current.fromName].filter(Boolean).join(' ') || '—'}</dd>
        <dt>{t('duty.log.forwardedTo')}</dt>
        <dd>{current.forwardedTo || '—'}</dd>
        <dt>{t('duty.log.recordedBy')}</dt>
        <dd>{history.data![0].recordedBy}</dd>
        <dt>{t('duty.log.statusFilter')}</dt>
        <dd>{code('duty.status', current.status)}</dd>
      </dl>
      <div className="form-actions">
        <button type="button" onClick={() => onFollowUp(current)}>
          {t('duty.log.followUp')}
        </button>
        {/* One click from the call to the damage form, prefilled from this entry and linked to it. */}
        <button type="button" onClick={() => (location.hash = `#/damage/from/${current.entryId}`)} data-testid="log-record-damage">
          {t('damage.fromLog')}
        </button>
        {current.status === 'open' ? (
          <button type="button" onClick={() => correct({ status: 'closed' }, t('duty.log.closeReason'))}>
            {t('duty.log.close')}
          </button>
        ) : (
          <button type="button" onClick={() => correct({ status: 'open' }, t('duty.log.reopenReason'))}>
            {t('duty.log.reopen')}
          </button>
        )}
      </div>
      <LogIncident entry={current} />
      <form className="stack" onSubmit={submit}>
        <h3>{t('duty.log.correctTitle')}</h3>
        <label>
          {t('duty.log.content')}
          <textarea rows={3} value={content} maxLength={5000} onChange={(e) => setContent(e.target.value)} />
        </label>
        <label>
          {t('duty.log.actionTaken')}
          <input value={actionTaken} maxLength={2000} onChange={(e) => setActionTaken(e.target.value)} />
        </label>
        <label>
          {t('duty.log.result')}
          <input value={result} maxLength={2000} onChange={(e) => setResult(e.target.value)} />
        </label>
        <label>
          {t('duty.log.correctionReason')}
          <input required value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" disabled={!reason.trim()}>
          {t('duty.log.saveCorrection')}
        </button>
      </form>
      {history.data!.length > 1 && (
        <section>
          <h3>{t('duty.log.versions')}</h3>
          <ol className="versions">
            {history.data!.map((v) => (
              <li key={v.id}>
                <strong>v{v.version}</strong> {full(v.createdAt, zone)} {v.recordedBy}
                {v.correctionReason && <em> · {v.correctionReason}</em>}
                <div className="muted">{v.content}</div>
              </li>
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
}
