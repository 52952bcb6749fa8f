import type { FairnessRow, NamedConflict, RotaDayView, RotaSlotView } from '../../../core/contract/dutyShared';
import { useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { WEEKDAYS_EN, WEEKDAYS_ZH } from './format';

export interface PickedDuty {
  date: string;
  personId: string;
  name: string;
}

interface RotaTableProps {
  days: RotaDayView[];
  today: string;
  picked?: PickedDuty | null;
  onPick?(duty: PickedDuty): void;
  /** Opens the hand edit of one day; the button is handed over so focus can return to it. */
  onEditDay?(day: RotaDayView, button: HTMLButtonElement): void;
}

/** The month as printed: one row per day, phones under names; on screen names are buttons for 调班 and each day has an edit button. */
export function RotaTable({ days, today, picked, onPick, onEditDay }: RotaTableProps) {
  const t = useT();
  const code = useCodeLabel();
  const lang = useUi((s) => s.lang);
  const weekdays = lang === 'zh-CN' ? WEEKDAYS_ZH : WEEKDAYS_EN;

  const person = (date: string, slot: RotaSlotView) => {
    const isPicked = picked?.date === date && picked.personId === slot.personId;
    const label = (
      <>
        <span className="name">{slot.name}</span>
        <small className="phone">{slot.phone}</small>
        {slot.shift !== 'full' && <small className="shift">{code('duty.rota.shift', slot.shift)}</small>}
      </>
    );
    return onPick ? (
      <button
        key={slot.assignmentId}
        type="button"
        className={`rota-person${isPicked ? ' picked' : ''}${slot.source === 'swap' ? ' swapped' : ''}`}
        aria-pressed={isPicked}
        data-person={slot.name}
        data-date={date}
        onClick={() => onPick({ date, personId: slot.personId, name: slot.name })}
      >
        {label}
      </button>
    ) : (
      <span key={slot.assignmentId} className="rota-person">
        {label}
      </span>
    );
  };

  return (
    <table className="rota-table" data-testid="rota-table">
      <thead>
        <tr>
          <th>{t('duty.rota.date')}</th>
          <th>{t('duty.rota.weekday')}</th>
          <th>{t('duty.rota.leader')}</th>
          <th>{t('duty.rota.officers')}</th>
          <th>{t('duty.rota.backup')}</th>
          <th>{t('duty.rota.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.date} className={[day.weekendOrHoliday ? 'weekend' : '', day.date === today ? 'today' : ''].join(' ')} data-date={day.date}>
            <td className="mono">
              {day.date.slice(5)}
              {onEditDay && (
                <button
                  type="button"
                  className="rota-edit-day no-print"
                  aria-label={t('duty.rotaEdit.editDay', { date: day.date })}
                  title={t('duty.rotaEdit.editDay', { date: day.date })}
                  data-testid="rota-edit-day"
                  data-date={day.date}
                  onClick={(e) => onEditDay(day, e.currentTarget)}
                >
                  ✎
                </button>
              )}
            </td>
            <td>{weekdays[(new Date(`${day.date}T00:00:00Z`).getUTCDay() + 6) % 7]}</td>
            <td>{day.leader ? person(day.date, day.leader) : <span className="missing">{t('duty.rota.none')}</span>}</td>
            <td>
              <div className="people">{day.officers.length ? day.officers.map((o) => person(day.date, o)) : <span className="missing">{t('duty.rota.none')}</span>}</div>
            </td>
            <td>{day.backup ? person(day.date, day.backup) : '—'}</td>
            <td className="notes">
              {day.holiday && <span className="pill">{t('duty.rota.holiday')}</span>}
              {day.changed && <span className="pill">{t('duty.rota.swapped')}</span>}
              {day.extras.length > 0 && <span className="pill">{t('duty.rota.extraPeople', { names: day.extras.map((p) => p.name).join(t('common.listSep')) })}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FairnessTable({ rows, caption }: { rows: FairnessRow[]; caption: string }) {
  const t = useT();
  const sorted = [...rows].sort((a, b) => b.total - a.total || b.weekendOrHoliday - a.weekendOrHoliday);
  return (
    <table className="fairness-table" data-testid="fairness-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>{t('duty.people.name')}</th>
          <th className="num">{t('duty.rota.totalDuties')}</th>
          <th className="num">{t('duty.rota.weekendDuties')}</th>
          <th className="num">{t('duty.rota.backupDays')}</th>
          <th className="num">{t('duty.rota.yearTotal')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.personId}>
            <td>{r.name}</td>
            <td className="num">{r.total}</td>
            <td className="num">{r.weekendOrHoliday}</td>
            <td className="num">{r.backup}</td>
            <td className="num">{r.yearTotal}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ConflictList({ conflicts }: { conflicts: NamedConflict[] }) {
  const t = useT();
  const code = useCodeLabel();
  if (!conflicts.length) return <p className="ok-text">{t('duty.rota.noConflicts')}</p>;
  return (
    <ul className="conflicts" data-testid="rota-conflicts">
      {conflicts.map((c, i) => (
        <li key={`${c.date}-${c.kind}-${c.personId ?? i}`} className={`conflict-${c.kind}`}>
          <strong>{c.date}</strong> {code('duty.conflict', c.kind)} {c.personName ?? ''}
        </li>
      ))}
    </ul>
  );
}
