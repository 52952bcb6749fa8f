import { useEffect, useState, type FormEvent } from 'react';
import { checkStatuses, type EquipmentOverview } from '../../../core/contract/dutyShared';
import type { CheckStatus } from '../../../core/domain/duty/equipment';
import { plain } from '../../format/safe';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { useDutyQuery, useDutyWrite } from './store';
import { full, useZone } from './format';

interface ItemDraft {
  key: string;
  status: CheckStatus;
  note: string;
  repairedBy: string;
}

/** Items start as "OK" except those with an open fault, which start as the fault with its note. */
function initialItems(overview: EquipmentOverview): ItemDraft[] {
  const faults = new Map(overview.openFaults.map((f) => [f.key, f]));
  return overview.checklist.map((item) => {
    const fault = faults.get(item.key);
    return { key: item.key, status: fault ? 'fault' : 'ok', note: fault?.note ?? '', repairedBy: '' };
  });
}

export default function EquipmentTab() {
  const t = useT();
  const zone = useZone();
  const lang = useUi((s) => s.lang) === 'zh-CN' ? 'zh' : 'en';
  const write = useDutyWrite();
  const overview = useDutyQuery('duty.equipment', { limit: 20 });
  const [items, setItems] = useState<ItemDraft[]>([]);
  const [checkedBy, setCheckedBy] = useState('');
  const data = overview.data;
  const faultKeys = new Set(data?.openFaults.map((f) => f.key));
  // A check keeps the Chinese label it was recorded with; the checklist names the same key in both languages.
  const itemLabel = (item: { key: string; label: string }) => data?.checklist.find((c) => c.key === item.key)?.label[lang] ?? item.label;

  useEffect(() => {
    if (data) setItems(initialItems(data));
  }, [data]);

  const update = (key: string, patch: Partial<ItemDraft>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    await write('duty.recordCheck', { checkedBy, items: items.map((i) => ({ ...i, repairedBy: i.status === 'ok' ? i.repairedBy : '' })) });
  }

  if (!data) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="duty-equipment grid-2">
      <form className="card" onSubmit={submit} aria-labelledby="check-title" data-testid="check-form">
        <h2 id="check-title">
          {t('duty.eq.checkTitle')} {!data.checkedThisShift && <span className="pill danger">{t('duty.eq.notChecked')}</span>}
        </h2>
        <table className="check-table">
          <tbody>
            {data.checklist.map((item) => {
              const draft = items.find((i) => i.key === item.key);
              if (!draft) return null;
              return (
                <tr key={item.key} data-item={item.key}>
                  <th scope="row">{item.label[lang]}</th>
                  <td>
                    <fieldset className="segmented">
                      <legend className="sr-only">{item.label[lang]}</legend>
                      {checkStatuses.map((s) => (
                        <label key={s} className={draft.status === s ? `on status-${s}` : undefined}>
                          <input type="radio" name={`status-${item.key}`} value={s} checked={draft.status === s} onChange={() => update(item.key, { status: s })} />
                          {t(`duty.eq.status.${s}`)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                  <td>
                    {draft.status === 'fault' && (
                      <input aria-label={t('duty.eq.faultNote')} placeholder={t('duty.eq.faultNote')} value={draft.note} onChange={(e) => update(item.key, { note: e.target.value })} />
                    )}
                    {draft.status === 'ok' && faultKeys.has(item.key) && (
                      <input aria-label={t('duty.eq.repairedBy')} placeholder={t('duty.eq.repairedBy')} value={draft.repairedBy} onChange={(e) => update(item.key, { repairedBy: e.target.value })} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="form-actions">
          <label>
            {t('duty.eq.checkedBy')}
            <input name="checkedBy" required maxLength={50} value={checkedBy} onChange={(e) => setCheckedBy(e.target.value)} />
          </label>
          <button type="submit" className="primary" data-testid="check-save">
            {t('duty.eq.save')}
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="faults-title">
        <h2 id="faults-title">{t('duty.eq.openFaults')}</h2>
        {!data.openFaults.length && <p className="ok-text">{t('duty.eq.noFaults')}</p>}
        <ul className="changes" data-testid="open-faults">
          {data.openFaults.map((f) => (
            <li key={f.key}>
              <strong>{f.label[lang]}</strong> {f.note} <span className="muted">{t('duty.eq.since', { at: plain(full(f.sinceMs, zone)) })}</span>
            </li>
          ))}
        </ul>
        <h2>{t('duty.eq.recent')}</h2>
        <ul className="changes">
          {data.checks.map((c) => {
            const faults = c.items.filter((i) => i.status === 'fault');
            return (
              <li key={c.id}>
                {full(c.atMs, zone)} {c.checkedBy}
                {t('common.colon')}
                {faults.length ? faults.map((i) => t('common.withNote', { name: itemLabel(i), note: i.note })).join(t('common.listSep')) : t('duty.eq.noFaultFound')}
                {c.items.filter((i) => i.repairedBy).map((i) => ` · ${t('duty.eq.repaired', { item: itemLabel(i), by: i.repairedBy })}`)}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
