import { HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useFormatTime, useLabel } from './labels';
import { hazardHref } from './route';

/** The duty officer's morning page: what must be checked, walked and chased today. */
export function Today() {
  const t = useT();
  const label = useLabel();
  const time = useFormatTime();
  const today = useQuery('hazards.today', {});
  const d = today.data;
  if (!d) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="stack" data-testid="hz-today">
      <p>
        {t('status.dutyDay')} <strong>{d.dutyDay}</strong>
        {d.warningActive && <span className="pill danger"> {t('hz.raisedFrequency')}</span>}
      </p>
      <div className="hz-columns">
        <section className="card" aria-labelledby="hz-today-overdue">
          <h2 id="hz-today-overdue">
            {t('hz.overdueRects')} <span className="pill danger">{d.overdue.length}</span>
          </h2>
          <ul className="hz-plain">
            {d.overdue.map((r) => (
              <li key={r.id}>
                <a href={hazardHref({ view: 'rect', id: r.id })}>{r.pointName}：{r.description}</a> <strong className="hz-overdue">{t('hz.overdueDays', { n: r.daysOverdue })}</strong>
                <div className="muted">{[r.responsibleUnit, r.responsiblePerson].filter(Boolean).join(' ')}</div>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="hz-today-patrols">
          <h2 id="hz-today-patrols">
            {t('hz.patrolsDue')} <span className="pill">{d.patrolsDue.length}</span>
          </h2>
          <ul className="hz-plain">
            {d.patrolsDue.map((r) => (
              <li key={r.id}>
                <a href={hazardHref({ view: 'patrol', id: r.id })}>{r.name}</a> · {r.assignees.join('、') || '—'} · {r.lastRunMs === null ? t('hz.neverRun') : t('hz.lastRunAt', { at: time(r.lastRunMs) })}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="card" aria-labelledby="hz-today-due">
        <h2 id="hz-today-due">
          {t('hz.inspectionsDue')} <span className="pill">{d.inspectionsDueTotal}</span>
        </h2>
        <table>
          <thead>
            <tr>
              <th>{t('hz.name')}</th>
              <th>{t('hz.type')}</th>
              <th>{t('hz.risk')}</th>
              <th>{t('hz.community')}</th>
              <th>{t('hz.lastInspection')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {d.inspectionsDue.map((p) => (
              <tr key={p.pointId}>
                <td>
                  <a href={hazardHref({ view: 'point', id: p.pointId })}>{p.name}</a>
                </td>
                <td>{label(HAZARD_TYPE_LABELS[p.hazardType])}</td>
                <td>
                  <span className={`hz-risk hz-risk-${p.riskLevel}`}>{label(RISK_LEVEL_LABELS[p.riskLevel])}</span>
                </td>
                <td>{p.community}</td>
                <td>{p.lastMs === null ? t('hz.neverInspected') : time(p.lastMs)}</td>
                <td>
                  <a className="button" href={hazardHref({ view: 'inspect', id: p.pointId })}>
                    {t('hz.inspect')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.inspectionsDueTotal > d.inspectionsDue.length && <p className="muted">{t('hz.moreDue', { n: d.inspectionsDueTotal - d.inspectionsDue.length })}</p>}
      </section>
    </div>
  );
}
