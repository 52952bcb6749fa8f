import { useState } from 'react';
import type { PhotoMeta } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { frequencyLabel, OVERALL_RESULT_LABELS } from '../../../core/domain/hazards/inspection';
import { RECTIFICATION_STATUS_LABELS } from '../../../core/domain/hazards/rectification';
import { act, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useFormatTime, useLabel } from './labels';
import { hazardHref } from './route';
import { PhotoPicker, PhotoViewer, Thumb } from './PhotoPicker';
import { PointActions } from './PointActions';

/** What an audit row changed, in a line: the fields whose values differ. */
function changedFields(before: unknown, after: unknown): string {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return '';
  const a = after as Record<string, unknown>;
  const b = before as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => k !== 'updatedAt' && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${JSON.stringify(b[k] ?? null)} → ${JSON.stringify(a[k])}`)
    .join('；');
}

export function PointDetail({ id }: { id: string }) {
  const t = useT();
  const label = useLabel();
  const time = useFormatTime();
  const detail = useQuery('hazards.getPoint', { id });
  const [viewing, setViewing] = useState<PhotoMeta | null>(null);
  const [fresh, setFresh] = useState<PhotoMeta[]>([]);
  const d = detail.data;
  if (!d) return <p className="muted">{t('common.loading')}</p>;
  const p = d.point;

  async function attach(photos: PhotoMeta[]) {
    setFresh(photos);
    const added = photos.filter((ph) => !d!.photos.some((x) => x.id === ph.id));
    if (added.length && (await act('hazards.attachPhotos', { pointId: id, photoIds: added.map((ph) => ph.id) }))) {
      setFresh([]);
      detail.reload();
    }
  }

  return (
    <div className="stack" data-testid="hz-point-detail">
      <div className="card">
        <div className="hz-title-row">
          <h2>
            {p.name} <span className={`hz-risk hz-risk-${p.riskLevel}`}>{label(RISK_LEVEL_LABELS[p.riskLevel])}</span>
            {p.status === 'retired' && <span className="pill">{t('hz.status.retired')}</span>}
          </h2>
          <div className="form-actions no-print">
            {p.status === 'active' && (
              <a className="button primary" href={hazardHref({ view: 'inspect', id })} data-testid="hz-start-inspection">
                {t('hz.inspect')}
              </a>
            )}
            <a className="button" href={hazardHref({ view: 'edit', id })}>
              {t('hz.edit')}
            </a>
            <PointActions point={p} onChange={detail.reload} />
          </div>
        </div>
        <dl className="facts hz-facts">
          <dt>{t('hz.type')}</dt>
          <dd>{label(HAZARD_TYPE_LABELS[p.hazardType])}</dd>
          <dt>{t('hz.address')}</dt>
          <dd>{[p.community, p.address].filter(Boolean).join(' ') || '—'}</dd>
          <dt>{t('hz.location')}</dt>
          <dd className="mono">
            {p.lat.toFixed(6)}, {p.lng.toFixed(6)} (WGS-84)
          </dd>
          <dt>{t('hz.responsibleUnit')}</dt>
          <dd>{[p.responsibleUnit, p.unitPhone].filter(Boolean).join(' ') || '—'}</dd>
          <dt>{t('hz.responsiblePerson')}</dt>
          <dd>{[p.responsiblePerson, p.personPhone].filter(Boolean).join(' ') || '—'}</dd>
          <dt>{t('hz.letterSigned')}</dt>
          <dd>{p.letterSigned ? t('hz.letterYes', { date: p.letterDate ?? '' }) : t('hz.letterNo')}</dd>
          <dt>{t('hz.residents')}</dt>
          <dd>{t('hz.residentsN', { n: p.residents, v: p.vulnerable })}</dd>
          <dt>{t('hz.frequency')}</dt>
          <dd>{label(frequencyLabel(p.frequency))}</dd>
          <dt>{t('hz.lastInspection')}</dt>
          <dd>
            {time(p.lastInspectionMs)} {p.lastResult && label(OVERALL_RESULT_LABELS[p.lastResult])}
          </dd>
          <dt>{t('hz.nextDue')}</dt>
          <dd>{p.nextDueMs === null ? t('hz.neverInspected') : time(p.nextDueMs)}</dd>
          {d.routes.length > 0 && (
            <>
              <dt>{t('hz.tab.patrols')}</dt>
              <dd>{d.routes.map((r) => r.name).join('、')}</dd>
            </>
          )}
          {p.notes && (
            <>
              <dt>{t('hz.notes')}</dt>
              <dd>{p.notes}</dd>
            </>
          )}
        </dl>
      </div>

      <div className="card">
        <h2>{t('hz.rectifications')}</h2>
        {d.rectifications.length === 0 ? (
          <p className="muted">{t('hz.none')}</p>
        ) : (
          <ul className="hz-plain">
            {d.rectifications.map((r) => (
              <li key={r.id}>
                <a href={hazardHref({ view: 'rect', id: r.id })}>{r.description}</a> · {label(RECTIFICATION_STATUS_LABELS[r.status])} · {t('hz.deadline')} {r.deadline}
                {r.overdue && <strong className="hz-overdue"> {t('hz.overdueDays', { n: r.daysOverdue })}</strong>}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="card">
        <h2>{t('hz.inspections')}</h2>
        {d.inspections.length === 0 ? (
          <p className="muted">{t('hz.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('hz.time')}</th>
                <th>{t('hz.inspectors')}</th>
                <th>{t('hz.result')}</th>
                <th>{t('hz.templateVersion')}</th>
              </tr>
            </thead>
            <tbody>
              {d.inspections.map((i) => (
                <tr key={i.id}>
                  <td>{time(i.atMs)}</td>
                  <td>{i.inspectors.join('、')}</td>
                  <td className={`hz-result-${i.overall}`}>{label(OVERALL_RESULT_LABELS[i.overall])}</td>
                  <td>v{i.template.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="card">
        <h2>{t('hz.photos')}</h2>
        <div className="hz-thumbs">
          {d.photos.map((ph) => (
            <Thumb key={ph.id} photo={ph} onOpen={() => setViewing(ph)} />
          ))}
        </div>
        <PhotoPicker label={t('hz.addPhotos')} photos={fresh} onChange={attach} />
        {viewing && <PhotoViewer photo={viewing} onClose={() => setViewing(null)} />}
      </div>

      <div className="card">
        <h2>{t('hz.history')}</h2>
        <ol className="hz-history">
          {d.history.map((h) => (
            <li key={h.seq}>
              <span className="mono">{time(h.atMs)}</span> {h.actorName} · {h.method} <small className="muted">{changedFields(h.before, h.after)}</small>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
