import type { SummaryRow } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_LABELS, isHazardTypeId } from '../../../core/domain/hazards/templates';
import { useQuery } from '../../api/hooks';
import { plain } from '../../format/safe';
import { useT, type TKey } from '../../i18n';
import { useStatus } from '../../store/status';
import { useFormatTime, useLabel } from './labels';

const COLUMNS: { key: keyof SummaryRow; label: TKey }[] = [
  { key: 'points', label: 'hazards.sum.points' },
  { key: 'active', label: 'hazards.sum.active' },
  { key: 'highRisk', label: 'hazards.sum.highRisk' },
  { key: 'residents', label: 'hazards.residents' },
  { key: 'vulnerable', label: 'hazards.vulnerable' },
  { key: 'inspected7d', label: 'hazards.sum.inspected7d' },
  { key: 'openRectifications', label: 'hazards.sum.open' },
  { key: 'overdueRectifications', label: 'hazards.sum.overdue' },
  { key: 'closedRectifications', label: 'hazards.sum.closed' },
];

function Table({ title, first, rows, total, name }: { title: string; first: string; rows: SummaryRow[]; total: SummaryRow; name: (key: string) => string }) {
  const t = useT();
  return (
    <table className="hz-summary">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          {COLUMNS.map((c) => (
            <th key={c.key} scope="col">
              {t(c.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{name(r.key)}</th>
            {COLUMNS.map((c) => (
              <td key={c.key} className={c.key === 'overdueRectifications' && Number(r[c.key]) > 0 ? 'hz-overdue' : undefined}>
                {r[c.key]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('hazards.sum.total')}</th>
          {COLUMNS.map((c) => (
            <td key={c.key}>{total[c.key]}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

/** The page leaders print: per type and per community, with the unit's name and the time it was made. */
export function Summary() {
  const t = useT();
  const label = useLabel();
  const time = useFormatTime();
  const unit = useStatus((s) => s.status?.unitName ?? '');
  const summary = useQuery('hazards.summary', {});
  const s = summary.data;
  if (!s) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="stack hz-print-page" data-testid="hz-summary">
      <div className="form-actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('common.print')}
        </button>
      </div>
      <header className="hz-print-head">
        <h2>{t('hazards.sum.title', { unit })}</h2>
        <p className="muted">{t('hazards.sum.madeAt', { at: plain(time(Date.now())) })}</p>
      </header>
      <Table title={t('hazards.sum.byType')} first={t('hazards.type')} rows={s.byType} total={s.total} name={(k) => (isHazardTypeId(k) ? label(HAZARD_TYPE_LABELS[k]) : k)} />
      <Table title={t('hazards.sum.byCommunity')} first={t('hazards.community')} rows={s.byCommunity} total={s.total} name={(k) => k || t('hazards.sum.noCommunity')} />
    </div>
  );
}
