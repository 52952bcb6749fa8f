import { useState } from 'react';
import { DEFAULT_HOLIDAYS, DEFAULT_WORKDAYS, PUBLISHED_HOLIDAY_YEARS } from '../../../core/domain/duty/holidays';
import { isLocalDate } from '../../../core/time';
import { useT, type TKey } from '../../i18n';
import { useUi } from '../../store/ui';

interface Props {
  holidays: string[];
  workdays: string[];
  onChange(next: { holidays: string[]; workdays: string[] }): void;
}

type Kind = 'holidays' | 'workdays';

const byYear = (days: string[]) => {
  const years = new Map<string, string[]>();
  for (const day of [...days].sort()) years.set(day.slice(0, 4), [...(years.get(day.slice(0, 4)) ?? []), day]);
  return [...years];
};

function DayList({ kind, days, other, onChange }: { kind: Kind; days: string[]; other: string[]; onChange(days: string[]): void }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<{ key: TKey; day?: string } | null>(null);
  const title = t(kind === 'holidays' ? 'duty.hol.holidays' : 'duty.hol.workdays');

  function add() {
    if (!isLocalDate(typed)) return setProblem({ key: 'duty.hol.bad' });
    if (days.includes(typed)) return setProblem({ key: 'duty.hol.duplicate', day: typed });
    if (other.includes(typed)) return setProblem({ key: 'duty.hol.both', day: typed });
    setProblem(null);
    setTyped('');
    onChange([...days, typed].sort());
  }

  return (
    <fieldset className="holiday-list" data-testid={`duty-${kind}`}>
      <legend>
        {title} <span className="muted">{t('duty.hol.count', { count: days.length })}</span>
      </legend>
      <div className="inline-form">
        <input
          type="date"
          name={`${kind}-add`}
          aria-label={t('duty.hol.addDay', { list: title })}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <button type="button" onClick={add}>
          {t('duty.hol.add')}
        </button>
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {t(problem.key, problem.day ? { day: problem.day } : undefined)}
        </p>
      )}
      {!days.length && <p className="muted">{t('duty.hol.none')}</p>}
      {byYear(days).map(([year, list]) => (
        <div key={year} className="holiday-year">
          <strong>{year}</strong>
          <ul>
            {list.map((day) => (
              <li key={day}>
                <span>{day.slice(5)}</span>
                <button type="button" className="ghost" aria-label={t('duty.hol.remove', { day })} onClick={() => onChange(days.filter((d) => d !== day))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * Public holidays and 调休 working days, preloaded from the State Council's notices: the rota
 * counts holidays as weekend duty and 调休 weekend days as ordinary working days.
 */
export function HolidaysEditor({ holidays, workdays, onChange }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  return (
    <div className="wide stack holidays-editor">
      <DayList kind="holidays" days={holidays} other={workdays} onChange={(next) => onChange({ holidays: next, workdays })} />
      <DayList kind="workdays" days={workdays} other={holidays} onChange={(next) => onChange({ holidays, workdays: next })} />
      <p className="muted">{t('duty.hol.note', { years: PUBLISHED_HOLIDAY_YEARS.map((y) => y.year).join(lang === 'en' ? ', ' : '、') })}</p>
      <div>
        <button type="button" data-testid="duty-holidays-reset" onClick={() => onChange({ holidays: [...DEFAULT_HOLIDAYS], workdays: [...DEFAULT_WORKDAYS] })}>
          {t('duty.hol.reset')}
        </button>
      </div>
    </div>
  );
}
