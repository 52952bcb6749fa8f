import { useState } from 'react';
import type { PhotoMeta } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { OVERALL_RESULT_LABELS } from '../../../core/domain/hazards/inspection';
import { RECTIFICATION_STATUS_LABELS } from '../../../core/domain/hazards/rectification';
import { act, useQuery } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { safeNumber } from '../../format/safe';
import { useT } from '../../i18n';
import { useCodeLabel, useFormatTime, useFrequencyLabel } from './labels';
import { hazardHref } from './route';
import { PhotoPicker, PhotoViewer, Thumb } from './PhotoPicker';
import { PointActions } from './PointActions';
import { useRectText } from './rectText';

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
  const rectText = useRectText();
  const code = useCodeLabel();
  const frequency = useFrequencyLabel();
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
            {p.name} <span className={`hz-risk hz-risk-${p.riskLevel}`}>{code(RISK_LEVEL_LABELS, p.riskLevel)}</span>
            {p.status === 'retired' && <span className="pill">{t('hazards.status.retired')}</span>}
          </h2>
          <div className="form-actions no-print">
            {p.status === 'active' && (
              <a className="button primary" href={hazardHref({ view: 'inspect', id })} data-testid="hz-start-inspection">
                {t('hazards.inspect')}
              </a>
            )}
            <a className="button" href={hazardHref({ view: 'edit', id })}>
              {t('hazards.edit')}
            </a>
            <PointActions point={p} onChange={detail.reload} />
          </div>
        </div>
        <dl className="facts hz-facts">
          <dt>{t('hazards.type')}</dt>
          <dd>{code(HAZARD_TYPE_LABELS, p.hazardType)}</dd>
          <dt>{t('hazards.address')}</dt>
          <dd>{[p.community, p.address].filter(Boolean).join(' ') || '—'}</dd>
          <dt>{t('hazards.location')}</dt>
          <dd className="mono">
            {safeNumber(p.lat, 6)}, {safeNumber(p.lng, 6)} (WGS-84)
          </dd>
          <dt>{t('hazards.responsibleUnit')}</dt>
          <dd>{[p.responsibleUnit, p.unitPhone].filter(Boolean).join(' ') || '—'}</dd>
          <dt>{t('hazards.responsiblePerson')}</dt>
          <dd>{[p.responsiblePerson, p.personPhone].filter(Boolean).join(' ') || '—'}</dd>
          <dt>{t('hazards.letterSigned')}</dt>
          <dd>{p.letterSigned ? t('hazards.letterYes', { date: p.letterDate ?? '' }) : t('hazards.letterNo')}</dd>
          <dt>{t('hazards.residents')}</dt>
          <dd>{t('hazards.residentsN', { n: p.residents, v: p.vulnerable })}</dd>
          <dt>{t('hazards.frequency')}</dt>
          <dd>{frequency(p.frequency)}</dd>
          <dt>{t('hazards.lastInspection')}</dt>
          <dd>
            {time(p.lastInspectionMs)} {p.lastResult != null && code(OVERALL_RESULT_LABELS, p.lastResult)}
          </dd>
          <dt>{t('hazards.nextDue')}</dt>
          <dd>{p.nextDueMs === null ? t('hazards.neverInspected') : time(p.nextDueMs)}</dd>
          {d.routes.length > 0 && (
            <>
              <dt>{t('hazards.tab.patrols')}</dt>
              <dd>{d.routes.map((r) => r.name).join(t('common.listSep'))}</dd>
            </>
          )}
          {p.notes && (
            <>
              <dt>{t('hazards.notes')}</dt>
              <dd>{p.notes}</dd>
            </>
          )}
        </dl>
      </div>

      <div className="card">
        <h2>{t('hazards.rectifications')}</h2>
        {d.rectifications.length === 0 ? (
          <p className="muted">{t('hazards.none')}</p>
        ) : (
          <ul className="hz-plain">
            {d.rectifications.map((r) => (
              <StoredRow key={r.id} method="hazards.getPoint" rowId={r.id} as="li">
                {() => (
                  <li>
                    <a href={hazardHref({ view: 'rect', id: r.id })}>{rectText(r)}</a> · {code(RECTIFICATION_STATUS_LABELS, r.status)} · {t('hazards.deadline')} {r.deadline}
                    {r.overdue && <strong className="hz-overdue"> {t('hazards.overdueDays', { n: r.daysOverdue })}</strong>}
                  </li>
                )}
              </StoredRow>
            ))}
          </ul>
        )}
      </div>

      <div className="card">
        <h2>{t('hazards.inspections')}</h2>
        {d.inspections.length === 0 ? (
          <p className="muted">{t('hazards.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('hazards.time')}</th>
                <th>{t('hazards.inspectors')}</th>
                <th>{t('hazards.result')}</th>
                <th>{t('hazards.templateVersion')}</th>
              </tr>
            </thead>
            <tbody>
              {d.inspections.map((i) => (
                <StoredRow key={i.id} method="hazards.getPoint" rowId={i.id} as="tr" colSpan={4}>
                  {() => (
                    <tr>
                      <td>{time(i.atMs)}</td>
                      <td>{i.inspectors.join(t('common.listSep'))}</td>
                      <td className={`hz-result-${i.overall}`}>{code(OVERALL_RESULT_LABELS, i.overall)}</td>
                      <td>v{i.template.version}</td>
                    </tr>
                  )}
                </StoredRow>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="card">
        <h2>{t('hazards.photos')}</h2>
        <div className="hz-thumbs">
          {d.photos.map((ph) => (
            <Thumb key={ph.id} photo={ph} onOpen={() => setViewing(ph)} />
          ))}
        </div>
        <PhotoPicker label={t('hazards.addPhotos')} photos={fresh} onChange={attach} />
        {viewing && <PhotoViewer photo={viewing} onClose={() => setViewing(null)} />}
      </div>

      <div className="card">
        <h2>{t('hazards.history')}</h2>
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
