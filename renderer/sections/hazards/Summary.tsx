import type { SummaryRow } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_LABELS, isHazardTypeId } from '../../../core/domain/hazards/templates';
import { useQuery } from '../../api/hooks';
import { useT, type TKey } from '../../i18n';
import { useStatus } from '../../store/status';
import { useFormatTime, useLabel } from './labels';

const COLUMNS: { key: keyof SummaryRow; label: TKey }[] = [
  { key: 'points', label: 'hz.sum.points' },
  { key: 'active', label: 'hz.sum.active' },
  { key: 'highRisk', label: 'hz.sum.highRisk' },
  { key: 'residents', label: 'hz.residents' },
  { key: 'vulnerable', label: 'hz.vulnerable' },
  { key: 'inspected7d', label: 'hz.sum.inspected7d' },
  { key: 'openRectifications', label: 'hz.sum.open' },
  { key: 'overdueRectifications', label: 'hz.sum.overdue' },
  { key: 'closedRectifications', label: 'hz.sum.closed' },
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
          <th scope="row">{t('hz.sum.total')}</th>
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
        <h2>{t('hz.sum.title', { unit })}</h2>
        <p className="muted">{t('hz.sum.madeAt', { at: time(Date.now()) })}</p>
      </header>
      <Table title={t('hz.sum.byType')} first={t('hz.type')} rows={s.byType} total={s.total} name={(k) => (isHazardTypeId(k) ? label(HAZARD_TYPE_LABELS[k]) : k)} />
      <Table title={t('hz.sum.byCommunity')} first={t('hz.community')} rows={s.byCommunity} total={s.total} name={(k) => k || t('hz.sum.noCommunity')} />
    </div>
  );
}
