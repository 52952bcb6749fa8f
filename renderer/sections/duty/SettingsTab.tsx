import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../core/settings';
import { useQuery } from '../../api/hooks';
import { ChecklistRows, freshKey } from '../../components/ChecklistRows';
import { useT, type TKey, type TParams } from '../../i18n';
import { HolidaysEditor } from './HolidaysEditor';
import { useDutyWrite } from './store';

type DutySettings = Settings['duty'];
type Colour = keyof DutySettings['responseMapping'];
const COLOURS: Colour[] = ['blue', 'yellow', 'orange', 'red'];
const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];

type ChecklistItem = DutySettings['equipmentChecklist'][number];
const MAX_ITEMS = 40;

/** What the server would refuse, said per row before sending, in the reader's language. */
function checklistProblems(items: ChecklistItem[]): { key: TKey; params?: TParams }[] {
  const problems: { key: TKey; params?: TParams }[] = [];
  if (!items.length) problems.push({ key: 'duty.chk.needOne' });
  if (items.length > MAX_ITEMS) problems.push({ key: 'duty.chk.tooMany', params: { max: MAX_ITEMS } });
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const name = item.label.zh.trim();
    if (!name) return problems.push({ key: 'duty.chk.needZh', params: { n: i + 1 } });
    const earlier = seen.get(name);
    if (earlier !== undefined) problems.push({ key: 'duty.chk.sameName', params: { m: earlier + 1, n: i + 1 } });
    else seen.set(name, i);
  });
  return problems;
}

/** The duty section of the settings: the local rules the rota, reports and checks follow. */
export default function SettingsTab() {
  const t = useT();
  const write = useDutyWrite();
  const settings = useQuery('settings.get', {});
  const [draft, setDraft] = useState<DutySettings>();
  const [problems, setProblems] = useState<ReturnType<typeof checklistProblems>>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const duty = settings.data?.duty;
    if (!duty) return;
    setDraft(duty);
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
    if (!draft) return;
    const equipmentChecklist = draft.equipmentChecklist.map((item) => ({ key: item.key, label: { zh: item.label.zh.trim(), en: item.label.en.trim() } }));
    const found = checklistProblems(equipmentChecklist);
    setProblems(found);
    if (found.length) return;
    if (await write('settings.update', { section: 'duty', values: { ...draft, equipmentChecklist } })) {
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
        <HolidaysEditor
          holidays={draft.holidays}
          workdays={draft.workdays}
          onChange={({ holidays, workdays }) => {
            set('holidays', holidays);
            set('workdays', workdays);
          }}
        />
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
        <h2 id="duty-checklist-title">{t('duty.chk.title')}</h2>
        <ChecklistRows<ChecklistItem>
          testId="duty-checklist"
          items={draft.equipmentChecklist}
          onChange={(items) => set('equipmentChecklist', items)}
          zhOf={(item) => item.label.zh}
          enOf={(item) => item.label.en}
          withLabels={(item, labels) => ({ ...item, label: { ...item.label, ...labels } })}
          blank={(items) => ({ key: freshKey(items.map((item) => item.key)), label: { zh: '', en: '' } })}
          texts={{
            zh: t('duty.chk.zh'),
            en: t('duty.chk.en'),
            item: (n) => t('duty.chk.item', { n }),
            up: (n) => t('duty.chk.up', { n }),
            down: (n) => t('duty.chk.down', { n }),
            remove: (n) => t('duty.chk.remove', { n }),
            add: t('duty.chk.add'),
            keys: t('duty.chk.keys'),
          }}
        />
        {problems.length > 0 && (
          <ul className="error-text" role="alert" data-testid="duty-checklist-problems">
            {problems.map((p) => (
              <li key={`${p.key}${JSON.stringify(p.params)}`}>{t(p.key, p.params)}</li>
            ))}
          </ul>
        )}
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
