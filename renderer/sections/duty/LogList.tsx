import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { InputOf } from '../../../core/contract';
import type { LogEntry } from '../../../core/contract/dutyShared';
import { act } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useDutyStore } from './store';
import { hm, useZone } from './format';

const PAGE = 200;

export type LogFilter = Omit<InputOf<'duty.listLog'>, 'limit' | 'offset'>;

/** Pages of the log, fetched as the list scrolls, starting again whenever the filter or the data changes. */
function useLogPages(filter: LogFilter) {
  const version = useDutyStore((s) => s.version);
  const [rows, setRows] = useState<LogEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [exhausted, setExhausted] = useState(false);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const load = async (offset: number, gen: number) => {
    setLoading(true);
    const page = await act('duty.listLog', { ...filter, limit: PAGE, offset });
    if (gen !== generation.current) return;
    setLoading(false);
    if (!page) return;
    setTotal(page.total);
    setExhausted(page.rows.length < PAGE);
    setRows((old) => (offset === 0 ? page.rows : [...old, ...page.rows]));
  };

  useEffect(() => {
    const gen = ++generation.current;
    void load(0, gen);
    // `key` stands for the filter object, which is a new object on every render.
  }, [key, version]);

  const more = () => {
    if (!loading && !exhausted) void load(rows.length, generation.current);
  };
  return { rows, total, loading, more };
}

export function LogList({ filter, selected, onSelect }: { filter: LogFilter; selected: string | null; onSelect(entry: LogEntry): void }) {
  const t = useT();
  const code = useCodeLabel();
  const zone = useZone();
  const { rows, total, loading, more } = useLogPages(filter);
  const parent = useRef<HTMLDivElement>(null);
  // Sizes are remembered per entry, not per position: a new entry at the top moves every row down one
  // place while React keeps each row's element, so a size kept by index would belong to the wrong row.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    getItemKey: (index) => rows[index].id,
    estimateSize: () => 72,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (last && last.index >= rows.length - 20) more();
  });

  return (
    <div className="card duty-log-list">
      <p className="muted" role="status" data-testid="log-total">
        {loading && !rows.length ? t('common.loading') : t('duty.log.count', { shown: rows.length, total })}
      </p>
      <div ref={parent} className="virtual-scroll" role="list" aria-label={t('duty.log.listLabel')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const e = rows[item.index];
            return (
              <div
                key={e.id}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="log-row-wrap"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <StoredRow method="duty.listLog" rowId={e.id} as="div">
                  {() => (
                    <button
                      type="button"
                      className={`log-row${selected === e.entryId ? ' selected' : ''}`}
                      aria-pressed={selected === e.entryId}
                      data-testid="log-row"
                      onClick={() => onSelect(e)}
                    >
                      <span className="log-time">{hm(e.receivedAtMs, zone)}</span>
                      <span className={`pill channel-${e.channel}`}>{code('duty.channel', e.channel)}</span>
                      <span className="log-from">{[e.fromUnit, e.fromName].filter(Boolean).join(' ')}</span>
                      <span className={`pill status-${e.status}`}>{code('duty.status', e.status)}</span>
                      {e.version > 1 && <span className="pill">{t('duty.log.corrected', { version: e.version })}</span>}
                      {e.followUpOf && <span className="pill">{t('duty.log.isFollowUp')}</span>}
                      <span className="log-content">{e.content}</span>
                      {e.actionTaken && <span className="log-action muted">→ {e.actionTaken}</span>}
                    </button>
                  )}
                </StoredRow>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
