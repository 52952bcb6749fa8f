import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DamageRecord } from '../../../core/contract/damage';
import { DAMAGE_TYPE_IDS, DAMAGE_TYPES, type DamageTypeId } from '../../../core/domain/damage/catalogue';
import { DAMAGE_STATUSES, type DamageStatus } from '../../../core/domain/damage/status';
import { act } from '../../api/hooks';
import { usePagedRows } from '../../api/paged';
import { StoredRow } from '../../components/ErrorBoundary';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { FigureList, StatusPill, useDamageFormat } from './format';
import { damageHref } from './route';

const PAGE = 100;
const ROW_HEIGHT = 48;

interface Filter {
  eventId: string;
  type?: DamageTypeId;
  status?: DamageStatus;
  text: string;
}


/** One record's line: what happened, where, how much, and whether anyone has checked it. */
function RecordCells({ r }: { r: DamageRecord }) {
  const f = useDamageFormat();
  return (
    <>
      <span role="cell">{f.time(r.occurredAtMs)}</span>
      <span role="cell">
        <a href={damageHref({ view: 'record', id: r.id })} data-testid="dmg-open">
          {f.type(r.type)}
        </a>
        {r.place?.name && <small className="muted"> · {r.place.name}</small>}
      </span>
      <span role="cell">
        <FigureList shown={f.quantities(r.quantities)} />
      </span>
      <span role="cell" className="dmg-num">
        {f.loss(r.lossWan)}
      </span>
      <span role="cell">
        <StatusPill status={r.status} format={f} />
      </span>
      <span role="cell">{f.source(r.source?.kind)}</span>
    </>
  );
}

export function RecordList({ eventId }: { eventId: string }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<Filter>({ eventId, text: '' });
  const { total, row, load } = usePagedRows<DamageRecord>(JSON.stringify(filter), PAGE, (offset) => act('damage.list', { ...filter, limit: PAGE, offset }));
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  useEffect(() => setFilter((f) => ({ ...f, eventId })), [eventId]);
  // Typing pauses briefly before searching, so each keystroke does not start a query.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => (f.text === text ? f : { ...f, text })), 200);
    return () => clearTimeout(timer);
  }, [text]);

  const items = virtual.getVirtualItems();
  useEffect(() => {
    items.forEach((item) => load(Math.floor(item.index / PAGE)));
  });

  return (
    <div className="stack">
      <div className="card hz-filters" role="search">
        <label className="hz-search">
          {t('damage.search')}
          <input type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} placeholder={t('damage.searchHint')} data-testid="dmg-search" />
        </label>
        <label>
          {t('damage.type')}
          <select value={filter.type ?? ''} onChange={(e) => setFilter((f) => ({ ...f, type: (e.target.value || undefined) as DamageTypeId | undefined }))} data-testid="dmg-filter-type">
            <option value="">{t('damage.all')}</option>
            {DAMAGE_TYPE_IDS.map((id) => (
              <option key={id} value={id}>
                {DAMAGE_TYPES[id][lang === 'zh-CN' ? 'zh' : 'en']}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('damage.status')}
          <select value={filter.status ?? ''} onChange={(e) => setFilter((f) => ({ ...f, status: (e.target.value || undefined) as DamageStatus | undefined }))} data-testid="dmg-filter-status">
            <option value="">{t('damage.all')}</option>
            {DAMAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`damage.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <a className="button primary" href={damageHref({ view: 'new' })} data-testid="dmg-new">
          {t('damage.tab.new')}
        </a>
      </div>
      <p className="muted" role="status" data-testid="dmg-total">
        {total === null ? t('common.loading') : total === 0 ? t('damage.none') : t('damage.count', { n: total })}
      </p>
      <div className="card dmg-table" role="table" aria-rowcount={total ?? 0} aria-label={t('damage.tab.list')}>
        <div className="dmg-row dmg-row-head" role="row">
          <span role="columnheader">{t('damage.occurredAt')}</span>
          <span role="columnheader">{t('damage.type')}</span>
          <span role="columnheader">{t('damage.figures')}</span>
          <span role="columnheader">{t('damage.lossShort')}</span>
          <span role="columnheader">{t('damage.status')}</span>
          <span role="columnheader">{t('damage.source')}</span>
        </div>
        <div ref={scroller} className="dmg-scroll">
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const r = row(item.index);
              return (
                <div
                  key={item.key}
                  className="dmg-row"
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  data-testid="dmg-row"
                >
                  {r ? (
                    <StoredRow method="damage.list" rowId={r.id} name={r.place?.name} as="div">
                      {() => <RecordCells r={r} />}
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
