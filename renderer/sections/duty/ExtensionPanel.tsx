import { useState, type FormEvent } from 'react';
import type { WarningsOverview } from '../../../core/contract/dutyShared';
import { plain } from '../../format/safe';
import { warningLabel } from '../../format/warning';
import { useT } from '../../i18n';
import { useDutyQuery, useDutyWrite } from './store';
import { full, useZone } from './format';

/** 在岗值守至预警解除: keep the day's team on watch and add people, recorded against a warning. */
export function ExtensionPanel({ overview }: { overview: WarningsOverview | undefined }) {
  const t = useT();
  const zone = useZone();
  const write = useDutyWrite();
  const people = useDutyQuery('duty.listPeople', { includeInactive: false });
  const [warningId, setWarningId] = useState('');
  const [extra, setExtra] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const active = overview?.active ?? [];
  const title = (id: string | null) => {
    const warning = overview?.recent.find((w) => w.id === id);
    return warning ? warningLabel(t, warning) : '';
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await write('duty.extendDuty', { warningId: warningId || active[0]?.id, extraPersonIds: extra, note });
    if (saved) {
      setExtra([]);
      setNote('');
    }
  }

  return (
    <section className="card" aria-labelledby="extend-title">
      <h2 id="extend-title">{t('duty.ext.title')}</h2>
      {active.length > 0 ? (
        <form className="stack" onSubmit={submit}>
          <label>
            {t('duty.ext.untilLifted')}
            <select value={warningId} onChange={(e) => setWarningId(e.target.value)}>
              {active.map((w) => (
                <option key={w.id} value={w.id}>
                  {warningLabel(t, w)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="people-picker">
            <legend>{t('duty.ext.extraPeople')}</legend>
            {people.data?.map((p) => (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={extra.includes(p.id)}
                  onChange={(e) => setExtra((list) => (e.target.checked ? [...list, p.id] : list.filter((id) => id !== p.id)))}
                />
                {p.name}
              </label>
            ))}
          </fieldset>
          <label>
            {t('duty.ext.note')}
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit">{t('duty.ext.start')}</button>
        </form>
      ) : (
        <p className="muted">{t('duty.ext.needsWarning')}</p>
      )}
      <ul className="changes">
        {overview?.extensions.map((x) => (
          <li key={x.id}>
            {x.date} {x.warningId ? t('duty.ext.until', { title: title(x.warningId) }) : x.untilMs ? full(x.untilMs, zone) : ''}
            {x.extraPeople.length > 0 && ` · ${x.extraPeople.map((p) => p.name).join(t('common.listSep'))}`}
            {x.endedAtMs ? (
              <span className="muted"> · {t('duty.ext.ended', { at: plain(full(x.endedAtMs, zone)) })}</span>
            ) : (
              <button type="button" className="ghost" onClick={() => write('duty.endExtension', { id: x.id })}>
                {t('duty.ext.end')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
