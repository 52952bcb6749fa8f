import { useState } from 'react';
import type { PatrolRunRecord, RouteRecord } from '../../../core/contract/hazards-types';
import { act, useQuery } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain } from '../../format/safe';
import { useT } from '../../i18n';
import { useOperatorName } from '../../store/status';
import { useFormatTime, useFrequencyLabel } from './labels';
import { hazardHref } from './route';
import { RouteForm } from './RouteForm';

export function Patrols() {
  const t = useT();
  const frequency = useFrequencyLabel();
  const time = useFormatTime();
  const routes = useQuery('hazards.listRoutes', {});
  const runs = useQuery('hazards.listRuns', { limit: 30 });
  const [editing, setEditing] = useState<RouteRecord | null>(null);

  async function remove(route: RouteRecord) {
    if (!window.confirm(t('hazards.route.confirmDelete', { name: route.name }))) return;
    if (await act('hazards.deleteRoute', { id: route.id })) {
      if (editing?.id === route.id) setEditing(null);
      routes.reload();
    }
  }

  return (
    <div className="stack">
      <div className="card">
        <h2>{t('hazards.routes')}</h2>
        <table data-testid="hz-routes">
          <thead>
            <tr>
              <th>{t('hazards.routeName')}</th>
              <th>{t('hazards.points')}</th>
              <th>{t('hazards.assignees')}</th>
              <th>{t('hazards.frequency')}</th>
              <th>{t('hazards.lastRun')}</th>
              <th>{t('hazards.nextDue')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {routes.data?.map((r) => (
              <tr key={r.id} className={r.due ? 'hz-alert' : undefined}>
                <td>{r.name}</td>
                <td>{r.pointNames.join(' → ')}</td>
                <td>{r.assignees.join(t('common.listSep')) || '—'}</td>
                <td>
                  {frequency(r.frequency)}
                  {r.warningFrequency && <small className="muted"> / {t('hazards.duringWarning', { f: plain(frequency(r.warningFrequency)) })}</small>}
                </td>
                <td>{time(r.lastRunMs)}</td>
                <td>{r.due ? <strong className="hz-overdue">{t('hazards.dueNow')}</strong> : time(r.nextDueMs)}</td>
                <td>
                  <div className="hz-row-actions">
                    <a className="button" href={hazardHref({ view: 'patrol', id: r.id })} data-testid="hz-start-patrol">
                      {t('hazards.startPatrol')}
                    </a>
                    <button type="button" onClick={() => setEditing(r)} aria-label={t('hazards.route.edit', { name: r.name })} data-testid="hz-edit-route">
                      {t('hazards.edit')}
                    </button>
                    <button type="button" className="ghost" onClick={() => remove(r)} aria-label={t('hazards.route.delete', { name: r.name })} data-testid="hz-delete-route">
                      {t('hazards.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RouteForm
        key={editing?.id ?? 'new'}
        route={editing}
        onSaved={() => (setEditing(null), routes.reload(), runs.reload())}
        onCancel={() => setEditing(null)}
      />
      <div className="card">
        <h2>{t('hazards.recentRuns')}</h2>
        <RunTable runs={runs.data ?? []} />
      </div>
    </div>
  );
}

function RunTable({ runs }: { runs: PatrolRunRecord[] }) {
  const t = useT();
  const time = useFormatTime();
  return (
    <table>
      <thead>
        <tr>
          <th>{t('hazards.routeName')}</th>
          <th>{t('hazards.patroller')}</th>
          <th>{t('hazards.time')}</th>
          <th>{t('hazards.visited')}</th>
          <th>{t('hazards.missed')}</th>
          <th>{t('hazards.findings')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <StoredRow key={r.id} method="hazards.listRuns" rowId={r.id} name={r.routeName} as="tr" colSpan={6}>
            {() => (
              <tr className={r.missed.length ? 'hz-alert' : undefined}>
                <td>{r.routeName}</td>
                <td>{r.patroller}</td>
                <td>
                  {time(r.startedAtMs)} – {time(r.endedAtMs, 'HH:mm')}
                </td>
                <td>{r.summary.visited.length}</td>
                <td>{r.missed.length ? <strong className="hz-overdue">{r.missed.length}</strong> : 0}</td>
                <td>{r.summary.findings.map((f) => f.finding).join('；') || '—'}</td>
              </tr>
            )}
          </StoredRow>
        ))}
      </tbody>
    </table>
  );
}

/** Walking a route: press "arrived" at each point (the time is taken then), note anything seen, finish. */
export function PatrolRun({ routeId }: { routeId: string }) {
  const t = useT();
  const time = useFormatTime();
  const operator = useOperatorName();
  const routes = useQuery('hazards.listRoutes', {});
  const route = routes.data?.find((r) => r.id === routeId);
  const [startedAtMs] = useState(() => Date.now());
  const [patroller, setPatroller] = useState(operator);
  const [visits, setVisits] = useState<Record<string, { atMs: number; finding: string }>>({});
  const [result, setResult] = useState<PatrolRunRecord | null>(null);
  if (!route) return <p className="muted">{t('common.loading')}</p>;

  async function finish() {
    const saved = await act('hazards.recordRun', {
      routeId,
      patroller,
      startedAtMs,
      endedAtMs: Date.now(),
      visits: Object.entries(visits).map(([pointId, v]) => ({ pointId, atMs: v.atMs, ...(v.finding ? { finding: v.finding } : {}) })),
    });
    if (saved) setResult(saved);
  }

  if (result) {
    return (
      <div className="card stack" role="status" data-testid="hz-run-result">
        <h2>{t('hazards.runSaved')}</h2>
        <p>{t('hazards.runSummary', { visited: result.summary.visited.length, missed: result.missed.length })}</p>
        {result.missed.length > 0 && (
          <p className="hz-overdue" data-testid="hz-run-missed">
            {t('hazards.missedPoints')}: {result.missed.map((id) => route.pointNames[route.pointIds.indexOf(id)]).join(t('common.listSep'))}
          </p>
        )}
        <a className="button primary" href={hazardHref({ view: 'patrols' })}>
          {t('hazards.tab.patrols')}
        </a>
      </div>
    );
  }

  return (
    <div className="card stack" data-testid="hz-run">
      <h2>{route.name}</h2>
      <label>
        {t('hazards.patroller')}
        <input name="patroller" value={patroller} onChange={(e) => setPatroller(e.target.value)} required />
      </label>
      <ol className="hz-run-points">
        {route.pointIds.map((pid, i) => {
          const v = visits[pid];
          return (
            <li key={pid} className={v ? 'hz-visited' : undefined}>
              <strong>{route.pointNames[i]}</strong>{' '}
              {v ? (
                <span className="mono">{time(v.atMs, 'HH:mm:ss')}</span>
              ) : (
                <button type="button" onClick={() => setVisits((all) => ({ ...all, [pid]: { atMs: Date.now(), finding: '' } }))} data-testid="hz-arrived">
                  {t('hazards.arrived')}
                </button>
              )}
              {v && (
                <input
                  aria-label={t('hazards.finding')}
                  placeholder={t('hazards.finding')}
                  value={v.finding}
                  maxLength={500}
                  onChange={(e) => setVisits((all) => ({ ...all, [pid]: { ...v, finding: e.target.value } }))}
                />
              )}
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button type="button" className="primary" onClick={finish} disabled={!patroller.trim()} data-testid="hz-finish-run">
          {t('hazards.finishRun')}
        </button>
      </div>
    </div>
  );
}
