import { useState } from 'react';
import type { PatrolRunRecord, RouteRecord } from '../../../core/contract/hazards-types';
import { frequencyLabel } from '../../../core/domain/hazards/inspection';
import { act, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useFormatTime, useLabel } from './labels';
import { hazardHref } from './route';
import { RouteForm } from './RouteForm';

export function Patrols() {
  const t = useT();
  const label = useLabel();
  const time = useFormatTime();
  const routes = useQuery('hazards.listRoutes', {});
  const runs = useQuery('hazards.listRuns', { limit: 30 });
  const [editing, setEditing] = useState<RouteRecord | null>(null);

  async function remove(route: RouteRecord) {
    if (!window.confirm(t('hz.route.confirmDelete', { name: route.name }))) return;
    if (await act('hazards.deleteRoute', { id: route.id })) {
      if (editing?.id === route.id) setEditing(null);
      routes.reload();
    }
  }

  return (
    <div className="stack">
      <div className="card">
        <h2>{t('hz.routes')}</h2>
        <table data-testid="hz-routes">
          <thead>
            <tr>
              <th>{t('hz.routeName')}</th>
              <th>{t('hz.points')}</th>
              <th>{t('hz.assignees')}</th>
              <th>{t('hz.frequency')}</th>
              <th>{t('hz.lastRun')}</th>
              <th>{t('hz.nextDue')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {routes.data?.map((r) => (
              <tr key={r.id} className={r.due ? 'hz-alert' : undefined}>
                <td>{r.name}</td>
                <td>{r.pointNames.join(' → ')}</td>
                <td>{r.assignees.join('、') || '—'}</td>
                <td>
                  {label(frequencyLabel(r.frequency))}
                  {r.warningFrequency && <small className="muted"> / {t('hz.duringWarning', { f: label(frequencyLabel(r.warningFrequency)) })}</small>}
                </td>
                <td>{time(r.lastRunMs)}</td>
                <td>{r.due ? <strong className="hz-overdue">{t('hz.dueNow')}</strong> : time(r.nextDueMs)}</td>
                <td>
                  <div className="hz-row-actions">
                    <a className="button" href={hazardHref({ view: 'patrol', id: r.id })} data-testid="hz-start-patrol">
                      {t('hz.startPatrol')}
                    </a>
                    <button type="button" onClick={() => setEditing(r)} aria-label={t('hz.route.edit', { name: r.name })} data-testid="hz-edit-route">
                      {t('hz.edit')}
                    </button>
                    <button type="button" className="ghost" onClick={() => remove(r)} aria-label={t('hz.route.delete', { name: r.name })} data-testid="hz-delete-route">
                      {t('hz.delete')}
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
        <h2>{t('hz.recentRuns')}</h2>
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
          <th>{t('hz.routeName')}</th>
          <th>{t('hz.patroller')}</th>
          <th>{t('hz.time')}</th>
          <th>{t('hz.visited')}</th>
          <th>{t('hz.missed')}</th>
          <th>{t('hz.findings')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className={r.missed.length ? 'hz-alert' : undefined}>
            <td>{r.routeName}</td>
            <td>{r.patroller}</td>
            <td>
              {time(r.startedAtMs)} – {time(r.endedAtMs, 'HH:mm')}
            </td>
            <td>{r.summary.visited.length}</td>
            <td>{r.missed.length ? <strong className="hz-overdue">{r.missed.length}</strong> : 0}</td>
            <td>{r.summary.findings.map((f) => f.finding).join('；') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Walking a route: press "arrived" at each point (the time is taken then), note anything seen, finish. */
export function PatrolRun({ routeId }: { routeId: string }) {
  const t = useT();
  const time = useFormatTime();
  const operator = useStatus((s) => s.status?.operatorName ?? '');
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
        <h2>{t('hz.runSaved')}</h2>
        <p>{t('hz.runSummary', { visited: result.summary.visited.length, missed: result.missed.length })}</p>
        {result.missed.length > 0 && (
          <p className="hz-overdue" data-testid="hz-run-missed">
            {t('hz.missedPoints')}: {result.missed.map((id) => route.pointNames[route.pointIds.indexOf(id)]).join('、')}
          </p>
        )}
        <a className="button primary" href={hazardHref({ view: 'patrols' })}>
          {t('hz.tab.patrols')}
        </a>
      </div>
    );
  }

  return (
    <div className="card stack" data-testid="hz-run">
      <h2>{route.name}</h2>
      <label>
        {t('hz.patroller')}
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
                  {t('hz.arrived')}
                </button>
              )}
              {v && (
                <input
                  aria-label={t('hz.finding')}
                  placeholder={t('hz.finding')}
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
          {t('hz.finishRun')}
        </button>
      </div>
    </div>
  );
}
