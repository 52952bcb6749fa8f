import { HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { useQuery } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain } from '../../format/safe';
import { useT } from '../../i18n';
import { useCodeLabel, useFormatTime } from './labels';
import { hazardHref } from './route';
import { useRectText } from './rectText';

/** The duty officer's morning page: what must be checked, walked and chased today. */
export function Today() {
  const t = useT();
  const rectText = useRectText();
  const code = useCodeLabel();
  const time = useFormatTime();
  const today = useQuery('hazards.today', {});
  const d = today.data;
  if (!d) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="stack" data-testid="hz-today">
      <p>
        {t('status.dutyDay')} <strong>{d.dutyDay}</strong>
        {d.warningActive && <span className="pill danger"> {t('hazards.raisedFrequency')}</span>}
      </p>
      <div className="hz-columns">
        <section className="card" aria-labelledby="hz-today-overdue">
          <h2 id="hz-today-overdue">
            {t('hazards.overdueRects')} <span className="pill danger">{d.overdue.length}</span>
          </h2>
          <ul className="hz-plain">
            {d.overdue.map((r) => (
              <li key={r.id}>
                <a href={hazardHref({ view: 'rect', id: r.id })}>{r.pointName}
                  {t('common.colon')}
                  {rectText(r)}</a> <strong className="hz-overdue">{t('hazards.overdueDays', { n: r.daysOverdue })}</strong>
                <div className="muted">{[r.responsibleUnit, r.responsiblePerson].filter(Boolean).join(' ')}</div>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="hz-today-patrols">
          <h2 id="hz-today-patrols">
            {t('hazards.patrolsDue')} <span className="pill">{d.patrolsDue.length}</span>
          </h2>
          <ul className="hz-plain">
            {d.patrolsDue.map((r) => (
              <li key={r.id}>
                <a href={hazardHref({ view: 'patrol', id: r.id })}>{r.name}</a> · {r.assignees.join(t('common.listSep')) || '—'} · {r.lastRunMs === null ? t('hazards.neverRun') : t('hazards.lastRunAt', { at: plain(time(r.lastRunMs)) })}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="card" aria-labelledby="hz-today-due">
        <h2 id="hz-today-due">
          {t('hazards.inspectionsDue')} <span className="pill">{d.inspectionsDueTotal}</span>
        </h2>
        <table>
          <thead>
            <tr>
              <th>{t('hazards.name')}</th>
              <th>{t('hazards.type')}</th>
              <th>{t('hazards.risk')}</th>
              <th>{t('hazards.community')}</th>
              <th>{t('hazards.lastInspection')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {d.inspectionsDue.map((p) => (
              <StoredRow key={p.pointId} method="hazards.today" rowId={p.pointId} name={p.name} as="tr" colSpan={6}>
                {() => (
                  <tr>
                    <td>
                      <a href={hazardHref({ view: 'point', id: p.pointId })}>{p.name}</a>
                    </td>
                    <td>{code(HAZARD_TYPE_LABELS, p.hazardType)}</td>
                    <td>
                      <span className={`hz-risk hz-risk-${p.riskLevel}`}>{code(RISK_LEVEL_LABELS, p.riskLevel)}</span>
                    </td>
                    <td>{p.community}</td>
                    <td>{p.lastMs === null ? t('hazards.neverInspected') : time(p.lastMs)}</td>
                    <td>
                      <a className="button" href={hazardHref({ view: 'inspect', id: p.pointId })}>
                        {t('hazards.inspect')}
                      </a>
                    </td>
                  </tr>
                )}
              </StoredRow>
            ))}
          </tbody>
        </table>
        {d.inspectionsDueTotal > d.inspectionsDue.length && <p className="muted">{t('hazards.moreDue', { n: d.inspectionsDueTotal - d.inspectionsDue.length })}</p>}
      </section>
    </div>
  );
}
