import { useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { InputOf } from '../../../core/contract';
import { act, useQuery } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain, useCodeLabel } from '../../format/safe';
import { useT, type TKey } from '../../i18n';
import { useStatus } from '../../store/status';
import { callOrAsk, fromLocalInput, OverrideDialog, showTime, toLocalInput, useZone, type OverrideAsk } from './shared';

type StatusFilter = InputOf<'evac.listPeople'>['status'];
const STATUSES = ['out', 'moved', 'in_shelter', 'dispersed', 'elsewhere', 'unknown', 'returned'] as const;

export function People({ eventId, version, onChange }: { eventId: string; version: number; onChange(): void }) {
  const t = useT();
  const code = useCodeLabel();
  const zone = useZone();
  const nowMs = useStatus((s) => s.status?.nowMs) ?? Date.now();
  const [status, setStatus] = useState<StatusFilter>(null);
  const [shelterId, setShelterId] = useState('');
  const [sourceKey, setSourceKey] = useState('');
  const [search, setSearch] = useState('');
  const [personal, setPersonal] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [at, setAt] = useState(() => toLocalInput(nowMs, zone));
  const [target, setTarget] = useState('');
  const [ask, setAsk] = useState<OverrideAsk | null>(null);
  const [message, setMessage] = useState('');
  const input = { eventId, status, shelterId: shelterId || null, sourceKey: sourceKey || null, search, includePersonal: personal, limit: 100_000 };
  const people = useQuery('evac.listPeople', input, `${JSON.stringify(input)}|${version}`);
  const shelters = useQuery('evac.listShelters', { includeClosed: true }, String(version));
  const sources = useQuery('evac.listSources', { eventId }, `${eventId}|${version}`);
  const rows = people.data?.rows ?? [];
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => 40, overscan: 12 });

  const atMs = fromLocalInput(at, zone) ?? -1;
  const ids = [...selected];
  const finish = (count: number) => {
    setMessage(t('evac.people.done', { count }));
    setSelected(new Set());
    onChange();
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const checkIn = () => {
    const build = (reason: string | null): InputOf<'evac.checkIn'> => ({ eventId, personIds: ids, shelterId: target, atMs, override: reason ? { reason } : null });
    void callOrAsk('evac.checkIn', build(null), setAsk, build, (r) => finish(r.count));
  };
  const place = async (kind: 'dispersed' | 'unknown') => {
    const r = await act('evac.place', { eventId, personIds: ids, kind, atMs });
    if (r) finish(r.count);
  };
  const returnHome = async (scope: Pick<InputOf<'evac.returnPeople'>, 'personIds' | 'sourceKey' | 'shelterId'>) => {
    const r = await act('evac.returnPeople', { eventId, atMs, ...scope });
    if (r) finish(r.count);
  };

  return (
    <div className="stack">
      <div className="card evac-toolbar">
        <label>
          {t('evac.people.search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={50} />
        </label>
        <label>
          {t('evac.people.filterStatus')}
          <select value={status ?? ''} onChange={(e) => setStatus((e.target.value || null) as StatusFilter)} data-testid="filter-status">
            <option value="">{t('evac.people.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`evac.status.${s}` as TKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('evac.people.filterShelter')}
          <select value={shelterId} onChange={(e) => setShelterId(e.target.value)}>
            <option value="">{t('evac.people.any')}</option>
            {shelters.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('evac.people.filterSource')}
          <select value={sourceKey} onChange={(e) => setSourceKey(e.target.value)} data-testid="filter-source">
            <option value="">{t('evac.people.any')}</option>
            {sources.data?.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name} ({s.out}/{s.people})
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
          {t('evac.people.personal')}
        </label>
      </div>

      <div className="card evac-toolbar" data-testid="bulk-actions">
        <span role="status">{t('evac.people.total', { total: people.data?.total ?? 0, selected: selected.size })}</span>
        <button type="button" onClick={() => setSelected(new Set(rows.map((r) => r.id)))} data-testid="select-all">
          {t('evac.people.selectAll')}
        </button>
        <button type="button" onClick={() => setSelected(new Set())}>
          {t('evac.people.clear')}
        </button>
        <label>
          {t('evac.people.at')}
          <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} name="actionAt" />
        </label>
        <label>
          {t('evac.people.chooseShelter')}
          <select value={target} onChange={(e) => setTarget(e.target.value)} name="target">
            <option value="" />
            {shelters.data
              ?.filter((s) => s.status !== 'closed')
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.occupancy}/{s.capacity ?? '—'})
                </option>
              ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={!ids.length || !target} onClick={checkIn} data-testid="do-checkin">
          {t('evac.people.checkIn')}
        </button>
        <button type="button" disabled={!ids.length} onClick={() => returnHome({ personIds: ids })} data-testid="do-return">
          {t('evac.people.return')}
        </button>
        <button type="button" disabled={!ids.length} onClick={() => place('dispersed')}>
          {t('evac.people.disperse')}
        </button>
        <button type="button" disabled={!ids.length} onClick={() => place('unknown')}>
          {t('evac.people.unknown')}
        </button>
        {sourceKey && (
          <button type="button" onClick={() => returnHome({ sourceKey })}>
            {t('evac.people.returnSource')}
          </button>
        )}
        {shelterId && (
          <button type="button" onClick={() => returnHome({ shelterId })}>
            {t('evac.people.returnShelter')}
          </button>
        )}
        {message && <span className="muted" data-testid="people-message">{message}</span>}
      </div>

      <div className="card evac-list" role="table" aria-rowcount={rows.length} data-testid="people-list">
        <div className="evac-row evac-row-head" role="row">
          <span role="columnheader" />
          <span role="columnheader">{t('evac.move.name')}</span>
          <span role="columnheader">{t('evac.people.household')}</span>
          <span role="columnheader">{t('evac.move.idNumber')}</span>
          <span role="columnheader">{t('evac.move.phone')}</span>
          <span role="columnheader">{t('evac.people.source')}</span>
          <span role="columnheader">{t('evac.people.status')}</span>
          <span role="columnheader">{t('evac.people.place')}</span>
          <span role="columnheader">{t('evac.people.movedAt')}</span>
        </div>
        <div ref={parent} className="evac-scroll">
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const p = rows[item.index];
              return (
                <div key={p.id} role="row" className="evac-row" style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, width: '100%' }} data-testid="person-row">
                  <StoredRow method="evac.listPeople" rowId={p.id} name={p.name} as="div">
                    {() => (
                      <>
                        <span role="cell">
                          <input type="checkbox" aria-label={p.name} checked={selected.has(p.id)} onChange={() => toggle(p.id)} />
                        </span>
                        <span role="cell">
                          {p.name}
                          {p.flags.length > 0 && <span className="pill evac-flag">{p.flags.map((f) => plain(code('evac.flag', f))).join('')}</span>}
                        </span>
                        <span role="cell">{p.householdHead}</span>
                        <span role="cell" className="mono">{p.idNumber}</span>
                        <span role="cell" className="mono">{p.phone}</span>
                        <span role="cell">{p.sourceName}</span>
                        <span role="cell" className={`evac-status evac-status-${p.status}`}>{code('evac.status', p.status)}</span>
                        <span role="cell">{p.shelterName ?? p.where ?? ''}</span>
                        <span role="cell">{showTime(p.firstMovedAtMs, zone)}</span>
                      </>
                    )}
                  </StoredRow>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {ask && <OverrideDialog ask={ask} onClose={() => setAsk(null)} />}
    </div>
  );
}
