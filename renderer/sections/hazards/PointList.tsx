import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { listSorts, type PointFilter, type PointRow } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_IDS, HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVELS, RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { OVERALL_RESULT_LABELS } from '../../../core/domain/hazards/inspection';
import { usePagedRows } from '../../api/paged';
import { act } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain } from '../../format/safe';
import { useT, type TKey } from '../../i18n';
import { useCodeLabel, useFormatTime } from './labels';
import { LabelledOptions } from './LabelledOptions';
import { hazardHref } from './route';

const PAGE = 200;
const ROW_HEIGHT = 44;
type Sort = (typeof listSorts)[number];

const SORT_LABELS: Record<Sort, TKey> = {
  pinyin: 'hazards.sort.pinyin',
  name: 'hazards.sort.name',
  risk: 'hazards.risk',
  lastInspection: 'hazards.lastInspection',
  nextDue: 'hazards.nextDue',
  updated: 'hazards.sort.updated',
};


export function PointList() {
  const t = useT();
  const code = useCodeLabel();
  const time = useFormatTime();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<PointFilter>({ q: '', hazardType: null, riskLevel: null, status: 'active', community: null, overdue: null });
  // Chinese names in code-point order look random; pinyin is the order people look things up in.
  const [sort, setSort] = useState<Sort>('pinyin');
  const [desc, setDesc] = useState(false);
  const { total, row, load, reload } = usePagedRows<PointRow>(JSON.stringify([filter, sort, desc]), PAGE, (offset) => act('hazards.listPoints', { filter, sort, desc, limit: PAGE, offset }));
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  // Typing pauses briefly before searching, so each keystroke does not start a query.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => (f.q === q ? f : { ...f, q })), 200);
    return () => clearTimeout(timer);
  }, [q]);

  const items = virtual.getVirtualItems();
  useEffect(() => {
    items.forEach((item) => load(Math.floor(item.index / PAGE)));
  });

  async function restore(id: string) {
    if (await act('hazards.restorePoint', { id })) reload();
  }

  const set = <K extends keyof PointFilter>(k: K) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [k]: e.target.value === '' ? null : e.target.value }));
  const sortBy = (s: Sort) => () => (s === sort ? setDesc(!desc) : (setSort(s), setDesc(s === 'risk' || s === 'lastInspection')));
  const sortMark = (s: Sort) => (s === sort ? (desc ? ' ▼' : ' ▲') : '');
  const ariaSort = (s: Sort) => (s === sort ? (desc ? 'descending' : 'ascending') : 'none');

  return (
    <div className="stack">
      <div className="card hz-filters" role="search">
        <label className="hz-search">
          {t('hazards.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('hazards.searchHint')} data-testid="hz-search" />
        </label>
        <label>
          {t('hazards.type')}
          <select value={filter.hazardType ?? ''} onChange={set('hazardType')} data-testid="hz-filter-type">
            <option value="">{t('hazards.all')}</option>
            <LabelledOptions values={HAZARD_TYPE_IDS} labels={HAZARD_TYPE_LABELS} />
          </select>
        </label>
        <label>
          {t('hazards.risk')}
          <select value={filter.riskLevel ?? ''} onChange={set('riskLevel')}>
            <option value="">{t('hazards.all')}</option>
            <LabelledOptions values={RISK_LEVELS} labels={RISK_LEVEL_LABELS} />
          </select>
        </label>
        <label>
          {t('hazards.status')}
          <select value={filter.status ?? ''} onChange={set('status')}>
            <option value="">{t('hazards.all')}</option>
            <option value="active">{t('hazards.status.active')}</option>
            <option value="retired">{t('hazards.status.retired')}</option>
          </select>
        </label>
        <label>
          {t('hazards.overdueFilter')}
          <select value={filter.overdue ?? ''} onChange={set('overdue')} data-testid="hz-filter-overdue">
            <option value="">{t('hazards.all')}</option>
            <option value="any">{t('hazards.overdue.any')}</option>
            <option value="inspection">{t('hazards.overdue.inspection')}</option>
            <option value="rectification">{t('hazards.overdue.rectification')}</option>
          </select>
        </label>
        <label className="hz-check">
          <input type="checkbox" checked={filter.deleted === true} onChange={(e) => setFilter((f) => ({ ...f, deleted: e.target.checked || undefined, status: e.target.checked ? null : 'active' }))} data-testid="hz-filter-deleted" />
          {t('hazards.filter.deleted')}
        </label>
        <label>
          {t('hazards.sort')}
          <select value={sort} onChange={(e) => (setSort(e.target.value as Sort), setDesc(e.target.value === 'risk' || e.target.value === 'lastInspection'))} data-testid="hz-sort">
            {(Object.keys(SORT_LABELS) as Sort[]).map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <a className="button primary" href={hazardHref({ view: 'new' })} data-testid="hz-new-point">
          {t('hazards.newPoint')}
        </a>
      </div>
      <p className="muted" role="status" data-testid="hz-total">
        {total === null ? t('common.loading') : t('hazards.count', { n: total })}
      </p>
      <div className="card hz-table" role="table" aria-rowcount={total ?? 0} aria-label={t('hazards.tab.register')}>
        <div className="hz-row hz-row-head" role="row">
          <button type="button" role="columnheader" aria-sort={ariaSort('pinyin')} onClick={sortBy('pinyin')}>
            {t('hazards.name')}
            {sortMark('pinyin')}
          </button>
          <span role="columnheader">{t('hazards.type')}</span>
          <button type="button" role="columnheader" aria-sort={ariaSort('risk')} onClick={sortBy('risk')}>
            {t('hazards.risk')}
            {sortMark('risk')}
          </button>
          <span role="columnheader">{t('hazards.community')}</span>
          <button type="button" role="columnheader" aria-sort={ariaSort('lastInspection')} onClick={sortBy('lastInspection')}>
            {t('hazards.lastInspection')}
            {sortMark('lastInspection')}
          </button>
          <button type="button" role="columnheader" aria-sort={ariaSort('nextDue')} onClick={sortBy('nextDue')}>
            {t('hazards.nextDue')}
            {sortMark('nextDue')}
          </button>
          <span role="columnheader">{t('hazards.openRects')}</span>
        </div>
        <div ref={scroller} className="hz-scroll">
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const p = row(item.index);
              return (
                <div
                  key={item.key}
                  className={`hz-row${p && p.overdueRectifications > 0 ? ' hz-alert' : ''}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  data-testid="hz-row"
                >
                  {p ? (
                    <StoredRow method="hazards.listPoints" rowId={p.id} name={p.name} as="div">
                      {() => (
                        <>
                          {p.deletedAt ? (
                            <span role="cell">
                              {p.name} <small className="muted">({t('hazards.deletedAt', { time: plain(time(p.deletedAt)) })})</small>
                            </span>
                          ) : (
                            <a role="cell" href={hazardHref({ view: 'point', id: p.id })}>
                              {p.name}
                              {p.status === 'retired' && <small className="muted"> ({t('hazards.status.retired')})</small>}
                            </a>
                          )}
                          <span role="cell">{code(HAZARD_TYPE_LABELS, p.hazardType)}</span>
                          <span role="cell">
                            <span className={`hz-risk hz-risk-${p.riskLevel}`}>{code(RISK_LEVEL_LABELS, p.riskLevel)}</span>
                          </span>
                          <span role="cell">{p.community || '—'}</span>
                          <span role="cell">
                            {time(p.lastInspectionMs)} {p.lastResult != null && <small className={`hz-result-${p.lastResult}`}>{code(OVERALL_RESULT_LABELS, p.lastResult)}</small>}
                          </span>
                          <span role="cell" className={p.status === 'active' && !p.deletedAt && (p.nextDueMs === null || p.nextDueMs <= Date.now()) ? 'hz-due' : undefined}>
                            {p.nextDueMs === null ? t('hazards.neverInspected') : time(p.nextDueMs)}
                          </span>
                          {p.deletedAt ? (
                            <span role="cell">
                              <button type="button" onClick={() => restore(p.id)} data-testid="hz-restore-row">
                                {t('hazards.restore')}
                              </button>
                            </span>
                          ) : (
                            <span role="cell">
                              {p.openRectifications}
                              {p.overdueRectifications > 0 && <strong className="hz-overdue"> {t('hazards.overdueN', { n: p.overdueRectifications })}</strong>}
                            </span>
                          )}
                        </>
                      )}
                    </StoredRow>
                  ) : (
                    <span className="muted">…</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
