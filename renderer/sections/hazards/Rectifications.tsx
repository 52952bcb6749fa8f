import { useState } from 'react';
import type { PhotoMeta } from '../../../core/contract/hazards-types';
import { allowedActions, RECTIFICATION_ACTION_LABELS, RECTIFICATION_STATUS_LABELS, type RectificationActionType, type RectificationOrder } from '../../../core/domain/hazards/rectification';
import { act, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useOperatorName, useStatus } from '../../store/status';
import { useCodeLabel, useFormatTime, useLabel } from './labels';
import { hazardHref } from './route';
import { PhotoPicker, PhotoViewer, Thumb } from './PhotoPicker';
import { useRectText } from './rectText';

type StatusFilter = 'open' | 'pending' | 'in_progress' | 'awaiting_recheck' | 'closed' | '';

export function RectList() {
  const t = useT();
  const rectText = useRectText();
  const label = useLabel();
  const code = useCodeLabel();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useQuery('hazards.listRectifications', { status: status || null, overdueOnly, limit: 500 });
  return (
    <div className="stack">
      <div className="card hz-filters">
        <label>
          {t('hazards.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} data-testid="hz-rect-status">
            <option value="open">{t('hazards.rect.open')}</option>
            {(['pending', 'in_progress', 'awaiting_recheck', 'closed'] as const).map((s) => (
              <option key={s} value={s}>
                {label(RECTIFICATION_STATUS_LABELS[s])}
              </option>
            ))}
            <option value="">{t('hazards.all')}</option>
          </select>
        </label>
        <label className="hz-check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          {t('hazards.overdueOnly')}
        </label>
      </div>
      <div className="card">
        <p className="muted">{t('hazards.count', { n: list.data?.total ?? 0 })}</p>
        <table data-testid="hz-rect-table">
          <thead>
            <tr>
              <th>{t('hazards.noticeNo')}</th>
              <th>{t('hazards.point')}</th>
              <th>{t('hazards.description')}</th>
              <th>{t('hazards.responsible')}</th>
              <th>{t('hazards.deadline')}</th>
              <th>{t('hazards.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((r) => (
              <tr key={r.id} className={r.overdue ? 'hz-alert' : undefined}>
                <td className="mono">{r.noticeNo}</td>
                <td>{r.pointName}</td>
                <td>
                  <a href={hazardHref({ view: 'rect', id: r.id })}>{rectText(r)}</a>
                </td>
                <td>{[r.responsibleUnit, r.responsiblePerson].filter(Boolean).join(' ')}</td>
                <td>
                  {r.deadline}
                  {r.overdue && <strong className="hz-overdue"> {t('hazards.overdueDays', { n: r.daysOverdue })}</strong>}
                </td>
                <td>{code(RECTIFICATION_STATUS_LABELS, r.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function RectDetail({ id }: { id: string }) {
  const t = useT();
  const rectText = useRectText();
  const label = useLabel();
  const code = useCodeLabel();
  const time = useFormatTime();
  const refreshStatus = useStatus((s) => s.refresh);
  const operator = useOperatorName();
  const detail = useQuery('hazards.getRectification', { id });
  const [actor, setActor] = useState(operator);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoMeta[]>([]);
  const [viewing, setViewing] = useState<PhotoMeta | null>(null);
  const d = detail.data;
  if (!d) return <p className="muted">{t('common.loading')}</p>;
  const o = d.order;

  async function run(action: RectificationActionType) {
    const result = await act('hazards.actOnRectification', { id, action, actor, note, photoIds: photos.map((p) => p.id) });
    if (result) {
      setNote('');
      setPhotos([]);
      detail.reload();
      refreshStatus();
    }
  }

  const stepPhotos = (index: number) => d.photos.filter((p) => p.step?.startsWith(`${index + 1}:`));
  return (
    <div className="stack" data-testid="hz-rect-detail" data-status={o.status}>
      <div className="card">
        <div className="hz-title-row">
          <h2>
            {rectText(o)} <span className="pill" data-testid="hz-rect-status-pill">{code(RECTIFICATION_STATUS_LABELS, o.status)}</span>
            {o.overdue && <span className="pill danger">{t('hazards.overdueDays', { n: o.daysOverdue })}</span>}
          </h2>
          <a className="button" href={hazardHref({ view: 'notice', id })} data-testid="hz-open-notice">
            {t('hazards.notice')}
          </a>
        </div>
        <dl className="facts hz-facts">
          <dt>{t('hazards.noticeNo')}</dt>
          <dd className="mono">{o.noticeNo}</dd>
          <dt>{t('hazards.point')}</dt>
          <dd>
            <a href={hazardHref({ view: 'point', id: o.pointId })}>{o.pointName}</a>
          </dd>
          <dt>{t('hazards.responsible')}</dt>
          <dd>{[o.responsibleUnit, o.responsiblePerson].filter(Boolean).join(' ') || '—'}</dd>
          <dt>{t('hazards.deadline')}</dt>
          <dd>{o.deadline}</dd>
          <dt>{t('hazards.openedBy')}</dt>
          <dd>
            {o.createdBy} · {time(o.createdAtMs)}
          </dd>
        </dl>
      </div>
      <div className="card">
        <h2>{t('hazards.history')}</h2>
        <ol className="hz-history">
          {o.history.map((h, i) => (
            <li key={i}>
              <span className="mono">{time(h.atMs)}</span> {h.actor} · {code(RECTIFICATION_ACTION_LABELS, h.action)} ({code(RECTIFICATION_STATUS_LABELS, h.from)} → {code(RECTIFICATION_STATUS_LABELS, h.to)})
              {h.note && <div className="muted">{h.note}</div>}
              <div className="hz-thumbs">
                {stepPhotos(i).map((p) => (
                  <Thumb key={p.id} photo={p} onOpen={() => setViewing(p)} />
                ))}
              </div>
            </li>
          ))}
        </ol>
      </div>
      {o.status !== 'closed' && (
        <div className="card form-grid" data-testid="hz-rect-actions">
          <h2>{t('hazards.nextStep')}</h2>
          <label>
            {t('hazards.actor')}
            <input name="actor" value={actor} onChange={(e) => setActor(e.target.value)} required maxLength={50} />
          </label>
          <label className="hz-wide">
            {t('hazards.stepNote')}
            <textarea name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </label>
          <div className="hz-wide">
            <PhotoPicker label={t('hazards.evidence')} photos={photos} onChange={setPhotos} testId="hz-evidence" />
          </div>
          <div className="form-actions">
            {allowedActions({ status: o.status } as RectificationOrder).map((a) => (
              <button key={a} type="button" className={a === 'fail' ? 'danger' : 'primary'} onClick={() => run(a)} data-action={a}>
                {label(RECTIFICATION_ACTION_LABELS[a])}
              </button>
            ))}
          </div>
        </div>
      )}
      {viewing && <PhotoViewer photo={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}
