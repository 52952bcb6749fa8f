import { useState, type FormEvent } from 'react';
import type { StatRow } from '../../../core/contract/damage';
import { UNITS } from '../../../core/domain/damage/catalogue';
import { STAT_ROWS, type StatRowId } from '../../../core/domain/damage/statReport';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';

export interface FigureEdit {
  value: number | null;
  reason: string;
}

interface Props {
  eventId: string;
  rows: StatRow[];
  /** A kept version: figures shown as sent, nothing to edit. */
  readOnly: boolean;
  openRow: StatRowId | null;
  onOpen(row: StatRowId | null): void;
  onEdit(row: StatRowId, edit: FigureEdit | null): void;
}

function Editor({ row, name, onDone }: { row: StatRow; name: string; onDone(edit: FigureEdit | null | undefined): void }) {
  const t = useT();
  const [value, setValue] = useState(row.reported === null ? '' : String(row.reported));
  const [reason, setReason] = useState(row.reason);
  const number = value.trim() === '' ? null : Number(value);
  // A figure the records give needs a reason to differ; a hand-entered one is simply entered.
  const needsReason = row.computed !== null && number !== row.computed;
  function apply(e: FormEvent) {
    e.preventDefault();
    if (number !== null && (!Number.isFinite(number) || number < 0)) return;
    onDone(row.computed !== null && number === row.computed ? null : { value: number, reason: reason.trim() });
  }
  return (
    <form className="dmg-stat-editor" onSubmit={apply} aria-label={t('damage.stat.editOf', { name })} data-testid="dmg-stat-editor">
      <label>
        {t('damage.stat.newValue')}
        <input type="number" min={0} step="any" value={value} onChange={(e) => setValue(e.target.value)} autoFocus data-testid="dmg-stat-edit-value" />
      </label>
      {row.computed !== null && (
        <label>
          {t('damage.stat.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} required={needsReason} maxLength={300} data-testid="dmg-stat-edit-reason" />
        </label>
      )}
      <button type="submit" className="primary" data-testid="dmg-stat-edit-apply">
        {t('damage.stat.apply')}
      </button>
      <button type="button" onClick={() => onDone(undefined)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

/** The report's table: 指标 | 单位 | 数值 | 备注/来源, each computed figure leading to what it was counted from. */
export function StatTable({ eventId, rows, readOnly, openRow, onOpen, onEdit }: Props) {
  const t = useT();
  const lang = useUi((s) => (s.lang === 'zh-CN' ? 'zh' : 'en'));
  const [editing, setEditing] = useState<StatRowId | null>(null);

  const line = (row: StatRow) => {
    const spec = STAT_ROWS[row.row];
    const name = `${spec[lang]}（${UNITS[row.unit][lang]}）`;
    const shown = row.reported === null ? <span className="dmg-stat-pending">{t('damage.stat.toEnter')}</span> : String(row.reported);
    const basis = spec.basis.kind;
    const value =
      basis === 'damage' && row.recordIds.length > 0 ? (
        <button type="button" className="ghost dmg-figure" aria-pressed={openRow === row.row} title={t('damage.stat.showRecords', { name })} onClick={() => onOpen(openRow === row.row ? null : row.row)} data-testid="dmg-stat-value">
          {shown}
        </button>
      ) : basis === 'relocated' || basis === 'moved' ? (
        <a className="dmg-figure" href={`#/evac/people/${eventId}`} title={t('damage.stat.showPeople')} data-testid="dmg-stat-value">
          {shown}
        </a>
      ) : (
        <span data-testid="dmg-stat-value">{shown}</span>
      );
    const note =
      basis === 'damage' ? (row.recordIds.length ? t('damage.stat.fromDamage', { n: row.recordIds.length }) : t('damage.stat.fromDamageNone')) : t(basis === 'manual' ? 'damage.stat.manualNote' : basis === 'relocated' ? 'damage.stat.relocatedNote' : 'damage.stat.movedNote');
    return (
      <tr key={row.row} data-testid="dmg-stat-row" data-row={row.row} data-edited={row.reason ? 'true' : undefined}>
        <th scope="row">{spec[lang]}</th>
        <td>{UNITS[row.unit][lang]}</td>
        <td className="dmg-num">
          {value}
          {row.reason && <span className="pill dmg-stat-edited">{t('damage.stat.editedBadge')}</span>}
        </td>
        <td>
          <div className="dmg-stat-note">
            <div>
              <div className="muted">{note}</div>
              {row.reason && <div data-testid="dmg-stat-edit-note">{t('damage.stat.edited', { computed: String(row.computed), reason: row.reason })}</div>}
              {row.unverified && (
                <div className="dmg-stat-unverified" data-testid="dmg-stat-unverified">
                  {t('damage.stat.unverified', { verified: String(row.verified) })}
                </div>
              )}
            </div>
            {!readOnly && editing !== row.row && (
              <button type="button" className="ghost" onClick={() => setEditing(row.row)} aria-label={t('damage.stat.editOf', { name })} data-testid="dmg-stat-edit">
                {t('damage.stat.edit')}
              </button>
            )}
          </div>
          {editing === row.row && (
            <Editor
              row={row}
              name={name}
              onDone={(edit) => {
                if (edit !== undefined) onEdit(row.row, edit);
                setEditing(null);
              }}
            />
          )}
        </td>
      </tr>
    );
  };

  const statistics = rows.filter((r) => STAT_ROWS[r.row].table === 'statistics');
  const floodControl = rows.filter((r) => STAT_ROWS[r.row].table === 'floodControl');
  return (
    <table className="dmg-stat-table" data-testid="dmg-stat-table">
      <thead>
        <tr>
          <th scope="col">{t('damage.stat.colIndicator')}</th>
          <th scope="col">{t('damage.stat.colUnit')}</th>
          <th scope="col" className="dmg-num">
            {t('damage.stat.colValue')}
          </th>
          <th scope="col">{t('damage.stat.colNote')}</th>
        </tr>
      </thead>
      <tbody>{statistics.map(line)}</tbody>
      <tbody className="dmg-stat-apart">
        <tr>
          <th scope="rowgroup" colSpan={4}>
            {t('damage.stat.floodLine')}
          </th>
        </tr>
        {floodControl.map(line)}
      </tbody>
    </table>
  );
}
