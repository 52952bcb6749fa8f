import { useState, type FormEvent } from 'react';
import type { PatrolRunRecord } from '../../../core/contract/hazards-types';
import { frequencyLabel } from '../../../core/domain/hazards/inspection';
import { act, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useFormatTime, useLabel } from './labels';
import { hazardHref } from './route';

function RouteForm({ onSaved }: { onSaved: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [assignees, setAssignees] = useState('');
  const [every, setEvery] = useState('1');
  const [warnHours, setWarnHours] = useState('2');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<{ id: string; name: string }[]>([]);
  const found = useQuery('hazards.listPoints', { filter: { q }, limit: 20 });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await act('hazards.saveRoute', {
      name,
      pointIds: picked.map((p) => p.id),
      assignees: assignees.split(/[,，、\s]+/).filter(Boolean),
      frequency: { kind: 'days', every: Number(every) },
      warningFrequency: warnHours ? { kind: 'hours', every: Number(warnHours) } : null,
    });
    if (saved) {
      setName('');
      setPicked([]);
      onSaved();
    }
  }
  const move = (i: number, by: number) => setPicked((list) => {
    const next = [...list];
    const [item] = next.splice(i, 1);
    next.splice(Math.max(0, Math.min(next.length, i + by)), 0, item);
    return next;
  });

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="hz-route-form">
      <h2 id="hz-route-form">{t('hz.newRoute')}</h2>
      <label>
        {t('hz.routeName')}
        <input name="routeName" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('hz.assignees')}
        <input name="assignees" value={assignees} onChange={(e) => setAssignees(e.target.value)} placeholder={t('hz.inspectorsHint')} />
      </label>
      <label>
        {t('hz.routeEveryDays')}
        <input name="every" type="number" min={1} value={every} onChange={(e) => setEvery(e.target.value)} />
      </label>
      <label>
        {t('hz.routeWarnHours')}
        <input name="warnHours" type="number" min={0.25} step="any" value={warnHours} onChange={(e) => setWarnHours(e.target.value)} />
      </label>
      <label>
        {t('hz.addPoint')}
        <input name="routePointSearch" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('hz.searchHint')} />
      </label>
      <ul className="hz-plain hz-wide hz-pick">
        {found.data?.rows
          .filter((p) => !picked.some((x) => x.id === p.id))
          .slice(0, 8)
          .map((p) => (
            <li key={p.id}>
              <button type="button" className="ghost" onClick={() => setPicked((list) => [...list, { id: p.id, name: p.name }])} data-testid="hz-route-add">
                + {p.name}
              </button>
            </li>
          ))}
      </ul>
      <ol className="hz-wide hz-route-points">
        {picked.map((p, i) => (
          <li key={p.id}>
            {p.name}{' '}
            <button type="button" className="ghost" onClick={() => move(i, -1)} aria-label={t('hz.moveUp')}>
              ↑
            </button>
            <button type="button" className="ghost" onClick={() => move(i, 1)} aria-label={t('hz.moveDown')}>
              ↓
            </button>
            <button type="button" className="ghost" onClick={() => setPicked((list) => list.filter((x) => x.id !== p.id))} aria-label={t('hz.remove')}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!picked.length} data-testid="hz-save-route">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

export function Patrols() {
  const t = useT();
  const label = useLabel();
  const time = useFormatTime();
  const routes = useQuery('hazards.listRoutes', {});
  const runs = useQuery('hazards.listRuns', { limit: 30 });
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
                  <a className="button" href={hazardHref({ view: 'patrol', id: r.id })} data-testid="hz-start-patrol">
                    {t('hz.startPatrol')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RouteForm onSaved={routes.reload} />
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
