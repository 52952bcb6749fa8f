import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../core/settings';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useDutyWrite } from './store';

type DutySettings = Settings['duty'];
type Colour = keyof DutySettings['responseMapping'];
const COLOURS: Colour[] = ['blue', 'yellow', 'orange', 'red'];
const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The checklist as typed: one item a line, "key | 中文 | English". */
function parseChecklist(text: string): DutySettings['equipmentChecklist'] {
  return lines(text).map((line) => {
    const [key = '', zh = '', en = ''] = line.split('|').map((part) => part.trim());
    return { key, label: { zh, en } };
  });
}

/** The duty section of the settings: the local rules the rota, reports and checks follow. */
export default function SettingsTab() {
  const t = useT();
  const write = useDutyWrite();
  const settings = useQuery('settings.get', {});
  const [draft, setDraft] = useState<DutySettings>();
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [checklist, setChecklist] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const duty = settings.data?.duty;
    if (!duty) return;
    setDraft(duty);
    setHolidays(duty.holidays.join('\n'));
    setWorkdays(duty.workdays.join('\n'));
    setChecklist(duty.equipmentChecklist.map((i) => `${i.key} | ${i.label.zh} | ${i.label.en}`).join('\n'));
  }, [settings.data]);

  if (!draft) return <p className="muted">{t('common.loading')}</p>;
  const set = <K extends keyof DutySettings>(key: K, value: DutySettings[K]) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  };
  const number = (key: 'officersPerDay' | 'reportInitialMinutes' | 'reportWrittenMinutes' | 'futureToleranceMinutes') => ({
    type: 'number',
    name: key,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key, Number(e.target.value)),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const values = { ...draft, holidays: lines(holidays), workdays: lines(workdays), equipmentChecklist: parseChecklist(checklist) };
    if (await write('settings.update', { section: 'duty', values })) {
      setSaved(true);
      settings.reload();
    }
  }

  return (
    <form className="duty-settings grid-2" onSubmit={submit} data-testid="duty-settings">
      <section className="card form-grid">
        <h2>{t('duty.set.rota')}</h2>
        <label>
          {t('duty.set.officersPerDay')}
          <input min={0} max={10} {...number('officersPerDay')} />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.allowConsecutive} onChange={(e) => set('allowConsecutive', e.target.checked)} />
          {t('duty.set.allowConsecutive')}
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.shiftSplit} onChange={(e) => set('shiftSplit', e.target.checked)} />
          {t('duty.set.shiftSplit')}
        </label>
        <label>
          {t('duty.set.nightShiftStart')}
          <input type="time" value={draft.nightShiftStart} onChange={(e) => set('nightShiftStart', e.target.value)} />
        </label>
        <label>
          {t('duty.set.holidays')}
          <textarea rows={6} value={holidays} placeholder="2026-10-01" onChange={(e) => setHolidays(e.target.value)} />
        </label>
        <label>
          {t('duty.set.workdays')}
          <textarea rows={6} value={workdays} placeholder="2026-10-10" onChange={(e) => setWorkdays(e.target.value)} />
        </label>
      </section>
      <section className="card form-grid">
        <h2>{t('duty.set.reports')}</h2>
        <label>
          {t('duty.set.initialMinutes')}
          <input min={1} {...number('reportInitialMinutes')} />
        </label>
        <label>
          {t('duty.set.writtenMinutes')}
          <input min={1} {...number('reportWrittenMinutes')} />
        </label>
        <label>
          {t('duty.set.followupMinutes')}
          <input
            type="number"
            min={10}
            value={draft.reportFollowupEveryMinutes ?? ''}
            onChange={(e) => set('reportFollowupEveryMinutes', e.target.value ? Number(e.target.value) : null)}
          />
        </label>
        <label>
          {t('duty.set.futureTolerance')}
          <input min={0} max={120} {...number('futureToleranceMinutes')} />
        </label>
        <h2>{t('duty.set.mapping')}</h2>
        {COLOURS.map((colour) => (
          <label key={colour}>
            {t(`duty.warn.colour.${colour}`)}
            <select
              value={draft.responseMapping[colour] ?? ''}
              onChange={(e) => set('responseMapping', { ...draft.responseMapping, [colour]: e.target.value ? (Number(e.target.value) as 1 | 2 | 3 | 4) : null })}
            >
              <option value="">{t('duty.set.noResponse')}</option>
              {[4, 3, 2, 1].map((level) => (
                <option key={level} value={level}>
                  {t('duty.resp.levelName', { level: ROMAN[level] })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </section>
      <section className="card span-2 stack">
        <label>
          {t('duty.set.checklist')}
          <textarea rows={8} className="mono" data-user-text value={checklist} onChange={(e) => setChecklist(e.target.value)} />
        </label>
      </section>
      {/* Outside the cards: the footer stays on screen while any part of the form is. */}
      <div className="form-actions span-2">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        {saved && <span role="status">{t('common.saved')}</span>}
      </div>
    </form>
  );
}
