import { useState } from 'react';
import type { IndicatorTotal } from '../../../core/domain/damage/totals';
import { useQuery } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain } from '../../format/safe';
import { useT } from '../../i18n';
import { FigureList, StatusPill, useDamageFormat } from './format';
import { damageHref } from './route';

/** The records a figure came from, so a leader can check any number before it goes up the chain (the totals and the statistics report). */
export function RecordsBehind({ eventId, name, recordIds, onClose }: { eventId: string; name: string; recordIds: readonly string[]; onClose(): void }) {
  const t = useT();
  const f = useDamageFormat();
  // One page is enough: damage.list caps a page at 500, more than a street's records for one event.
  const list = useQuery('damage.list', { eventId, limit: 500 });
  const rows = (list.data?.rows ?? []).filter((r) => recordIds.includes(r.id));
  return (
    <section className="card" aria-labelledby="dmg-behind-title" data-testid="dmg-behind">
      <div className="row-between">
        <h3 id="dmg-behind-title">{t('damage.behind', { name })}</h3>
        <button type="button" className="ghost" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <ul className="dmg-behind-list">
        {rows.map((r) => (
          <StoredRow key={r.id} method="damage.list" rowId={r.id} name={r.place?.name} as="li">
            {() => (
              <li data-testid="dmg-behind-row">
                <a href={damageHref({ view: 'record', id: r.id })}>
                  {f.time(r.occurredAtMs)} · {f.type(r.type)}
                </a>{' '}
                <StatusPill status={r.status} format={f} />
                <div className="muted">
                  {r.place?.name ? `${r.place.name} · ` : ''}
                  <FigureList shown={f.quantities(r.quantities)} />
                </div>
              </li>
            )}
          </StoredRow>
        ))}
      </ul>
    </section>
  );
}

/** The event's figure per national indicator as the register stands now, checked figures beside them. */
export function Totals({ eventId }: { eventId: string }) {
  const t = useT();
  const f = useDamageFormat();
  const totals = useQuery('damage.totals', { eventId });
  const [open, setOpen] = useState<IndicatorTotal | null>(null);
  const data = totals.data?.eventId === eventId ? totals.data : undefined;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="dmg-totals-layout">
      <section className="card" data-testid="dmg-totals">
        <h2>{t('damage.totalsTitle', { time: plain(f.time(data.atMs)), n: data.records })}</h2>
        {data.indicators.length === 0 ? (
          <p className="muted">{t('damage.noTotals')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('damage.indicator')}</th>
                <th scope="col" className="dmg-num">
                  {t('damage.value')}
                </th>
                <th scope="col" className="dmg-num">
                  {t('damage.verifiedValue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((row) => (
                <StoredRow key={row.indicator} method="damage.totals" rowId={row.indicator} as="tr" colSpan={3}>
                  {() => (
                    <tr data-testid="dmg-total-row" data-indicator={row.indicator}>
                      <th scope="row">{f.indicator(row.indicator)}</th>
                      <td className="dmg-num">
                        {row.recordIds.length === 0 ? (
                          <span className="muted" data-testid="dmg-total-value">
                            {f.figure(row.value, row.unit)}
                          </span>
                        ) : (
                          <button
                            type="button"
                            className="ghost dmg-figure"
                            aria-pressed={open?.indicator === row.indicator}
                            title={t('damage.showRecords', { name: plain(f.indicator(row.indicator)) })}
                            onClick={() => setOpen(open?.indicator === row.indicator ? null : row)}
                            data-testid="dmg-total-value"
                          >
                            {f.figure(row.value, row.unit)}
                          </button>
                        )}
                      </td>
                      <td className="dmg-num" data-testid="dmg-total-verified">
                        {f.figure(row.verifiedValue, row.unit)}
                      </td>
                    </tr>
                  )}
                </StoredRow>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {open && <RecordsBehind eventId={eventId} name={plain(f.indicator(open.indicator))} recordIds={open.recordIds} onClose={() => setOpen(null)} />}
    </div>
  );
}
