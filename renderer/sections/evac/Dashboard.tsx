import { lazy, Suspense, useState } from 'react';
import type { EvacDashboard } from '../../../core/contract/evac';
import { PERSON_STATUSES } from '../../../core/domain/evac/model';
import { useQuery } from '../../api/hooks';
import { useT, type TKey } from '../../i18n';
import { useUi } from '../../store/ui';
import { ExportButton } from './ExportButton';
import { fromLocalInput, useZone } from './shared';

// echarts is heavy; the numbers show first, the charts follow.
const Charts = lazy(() => import('./Charts'));

export function Dashboard({ eventId, version }: { eventId: string; version: number }) {
  const t = useT();
  const zone = useZone();
  const lang = useUi((s) => s.lang);
  const [asOf, setAsOf] = useState('');
  const atMs = asOf ? fromLocalInput(asOf, zone) : null;
  const q = useQuery('evac.dashboard', { eventIds: [eventId], atMs }, `${eventId}|${atMs}|${version}`);
  const d = q.data;
  return (
    <div className="stack">
      <div className="evac-toolbar no-print">
        <label>
          {t('evac.dash.asOf')}
          <input type="datetime-local" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="evac-asof" />
        </label>
        <button type="button" onClick={q.reload}>
          {t('evac.dash.refresh')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('common.print')}
        </button>
        <ExportButton eventId={eventId} />
      </div>
      {d && <Totals d={d} />}
      {d && (
        <div className="card" data-testid="evac-summary">
          <h2>{t('evac.dash.summary')}</h2>
          <p className="evac-summary" lang={lang}>
            {lang === 'zh-CN' ? d.summary.zh : d.summary.en}
          </p>
          <p className="muted">
            {t(d.basis === 'sql' ? 'evac.dash.basisSql' : 'evac.dash.basisReplay')} · {t('evac.dash.flags', { dup: d.duplicatesFlagged, over: d.overrides })}
          </p>
        </div>
      )}
      {d && <Breakdown d={d} />}
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <Charts eventId={eventId} version={version} />
      </Suspense>
    </div>
  );
}

function Totals({ d }: { d: EvacDashboard }) {
  const t = useT();
  const cards: [TKey, string, string][] = [
    ['evac.dash.moved', `${d.movedPeople}`, `${d.movedHouseholds} ${t('evac.dash.households')}`],
    ['evac.dash.vulnerable', `${d.vulnerablePeople}`, t('evac.dash.people')],
    ['evac.dash.stillOut', `${d.stillOut}`, t('evac.dash.people')],
    ['evac.dash.inShelters', `${d.byStatus.in_shelter}`, t('evac.dash.people')],
    ['evac.dash.returned', `${d.byStatus.returned}`, t('evac.dash.people')],
  ];
  return (
    <div className="evac-cards" data-testid="evac-totals">
      {cards.map(([label, value, unit]) => (
        <div className="card evac-card" key={label}>
          <span className="muted">{t(label)}</span>
          <strong data-testid={`total-${label}`}>{value}</strong>
          <span className="muted">{unit}</span>
        </div>
      ))}
    </div>
  );
}

function Breakdown({ d }: { d: EvacDashboard }) {
  const t = useT();
  const statusSum = PERSON_STATUSES.reduce((n, s) => n + d.byStatus[s], 0);
  return (
    <div className="evac-grid">
      <div className="card">
        <h2>{t('evac.dash.byDestination')}</h2>
        <table>
          <tbody>
            {d.shelters
              .filter((s) => s.firstPlaced > 0)
              .map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td className="num">{s.firstPlaced}</td>
                </tr>
              ))}
            <tr>
              <td>{t('evac.dash.dispersed')}</td>
              <td className="num">{d.byDestination.dispersed}</td>
            </tr>
            <tr>
              <td>{t('evac.dash.elsewhere')}</td>
              <td className="num">{d.byDestination.elsewhere}</td>
            </tr>
            <tr>
              <td>{t('evac.dash.unplaced')}</td>
              <td className="num">{d.byDestination.unplaced}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>{t('evac.dash.byStatus')}</h2>
        <table>
          <tbody>
            {PERSON_STATUSES.map((s) => (
              <tr key={s}>
                <td>{t(`evac.status.${s}` as TKey)}</td>
                <td className="num">{d.byStatus[s]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t('evac.dash.checkSum', { sum: statusSum })}</p>
      </div>
      <div className="card">
        <h2>{t('evac.dash.bySource')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('evac.people.source')}</th>
              <th className="num">{t('evac.dash.households')}</th>
              <th className="num">{t('evac.dash.people')}</th>
              <th className="num">{t('evac.dash.stillOut')}</th>
            </tr>
          </thead>
          <tbody>
            {d.bySource.map((s) => (
              <tr key={s.key}>
                <td>{s.name}</td>
                <td className="num">{s.movedHouseholds}</td>
                <td className="num">{s.movedPeople}</td>
                <td className="num">{s.movedPeople - s.byStatus.returned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
