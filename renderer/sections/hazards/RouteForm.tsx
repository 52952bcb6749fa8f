import { useState, type FormEvent } from 'react';
import type { RouteRecord } from '../../../core/contract/hazards-types';
import { act, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';

/** A new route, or an existing one to rename, reorder, re-staff or re-time; runs already recorded keep the route as it was. */
export function RouteForm({ route, onSaved, onCancel }: { route: RouteRecord | null; onSaved: () => void; onCancel: () => void }) {
  const t = useT();
  const [name, setName] = useState(route?.name ?? '');
  const [assignees, setAssignees] = useState(route?.assignees.join(t('common.listSep')) ?? '');
  const [every, setEvery] = useState(String(route?.frequency.every ?? 1));
  const [kind, setKind] = useState<'days' | 'hours'>(route?.frequency.kind ?? 'days');
  const [warnHours, setWarnHours] = useState(route ? (route.warningFrequency ? String(warnEveryHours(route.warningFrequency)) : '') : '2');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<{ id: string; name: string }[]>(route ? route.pointIds.map((id, i) => ({ id, name: route.pointNames[i] })) : []);
  const found = useQuery('hazards.listPoints', { filter: { q }, sort: 'pinyin', limit: 20 });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await act('hazards.saveRoute', {
      id: route?.id ?? null,
      name,
      pointIds: picked.map((p) => p.id),
      assignees: assignees.split(/[,，、\s]+/).filter(Boolean),
      frequency: { kind, every: Number(every) },
      warningFrequency: warnHours ? { kind: 'hours', every: Number(warnHours) } : null,
      notes: route?.notes ?? '',
      expectedVersion: route?.version ?? null,
    });
    if (saved) {
      setName('');
      setPicked([]);
      onSaved();
    }
  }
  const move = (i: number, by: number) =>
    setPicked((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(Math.max(0, Math.min(next.length, i + by)), 0, item);
      return next;
    });

  return (
    <form className="card form-grid" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && route && onCancel()} aria-labelledby="hz-route-form" data-testid="hz-route-form">
      <h2 id="hz-route-form">{route ? t('hazards.route.edit', { name: route.name }) : t('hazards.newRoute')}</h2>
      <label>
        {t('hazards.routeName')}
        <input name="routeName" required maxLength={100} autoFocus={route !== null} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('hazards.assignees')}
        <input name="assignees" value={assignees} onChange={(e) => setAssignees(e.target.value)} placeholder={t('hazards.inspectorsHint')} />
      </label>
      <label>
        {t('hazards.route.every')}
        <span className="hz-inline">
          <input name="every" type="number" min={kind === 'days' ? 1 : 0.25} step={kind === 'days' ? 1 : 'any'} required value={every} onChange={(e) => setEvery(e.target.value)} />
          <select name="everyKind" value={kind} onChange={(e) => setKind(e.target.value as 'days' | 'hours')} aria-label={t('hazards.route.unit')}>
            <option value="days">{t('hazards.route.days')}</option>
            <option value="hours">{t('hazards.route.hours')}</option>
          </select>
        </span>
      </label>
      <label>
        {t('hazards.routeWarnHours')}
        <input name="warnHours" type="number" min={0.25} step="any" value={warnHours} onChange={(e) => setWarnHours(e.target.value)} />
      </label>
      <label>
        {t('hazards.addPoint')}
        <input name="routePointSearch" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('hazards.searchHint')} />
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
      <ol className="hz-wide hz-route-points" data-testid="hz-route-points">
        {picked.map((p, i) => (
          <li key={p.id}>
            <span className="hz-route-name">{p.name}</span>
            <button type="button" className="ghost" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('hazards.route.moveUpNamed', { name: p.name })}>
              ↑
            </button>
            <button type="button" className="ghost" onClick={() => move(i, 1)} disabled={i === picked.length - 1} aria-label={t('hazards.route.moveDownNamed', { name: p.name })}>
              ↓
            </button>
            <button type="button" className="ghost" onClick={() => setPicked((list) => list.filter((x) => x.id !== p.id))} aria-label={t('hazards.route.removeNamed', { name: p.name })}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!picked.length} data-testid="hz-save-route">
          {t('common.save')}
        </button>
        {route && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The form asks for the raised frequency in hours; a route stored with days shows as hours. */
function warnEveryHours(f: { kind: 'days' | 'hours'; every: number }): number {
  return f.kind === 'hours' ? f.every : f.every * 24;
}
