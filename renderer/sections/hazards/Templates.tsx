import { useEffect, useState } from 'react';
import type { TemplateRecord } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_IDS, HAZARD_TYPE_LABELS, type HazardTypeId, type TemplateItem } from '../../../core/domain/hazards/templates';
import { act, useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { LabelledOptions } from './LabelledOptions';
import { AreaPicker } from './AreaPicker';

/** Editing a checklist saves a new version; inspections already made keep the version they used. */
export function Templates() {
  const t = useT();
  const [type, setType] = useState<HazardTypeId>('basement');
  const history = useQuery('hazards.templateHistory', { hazardType: type });
  const current: TemplateRecord | undefined = history.data?.[0];
  const [items, setItems] = useState<TemplateItem[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => setItems(current?.items ?? []), [current]);

  const edit = (i: number, patch: Partial<TemplateItem>) => {
    setSaved(false);
    setItems((list) => list.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  };

  async function save() {
    if (await act('hazards.reviseTemplate', { hazardType: type, items })) {
      setSaved(true);
      history.reload();
    }
  }

  return (
    <div className="stack">
      <div className="card form-grid">
        <label>
          {t('hazards.type')}
          <select value={type} onChange={(e) => setType(e.target.value as HazardTypeId)}>
            <LabelledOptions values={HAZARD_TYPE_IDS} labels={HAZARD_TYPE_LABELS} />
          </select>
        </label>
        <p className="muted">{current && t('hazards.tpl.version', { v: current.version, count: history.data?.length ?? 0 })}</p>
      </div>
      <div className="card">
        <table className="hz-template">
          <thead>
            <tr>
              <th>{t('hazards.tpl.key')}</th>
              <th>{t('hazards.tpl.labelZh')}</th>
              <th>{t('hazards.tpl.labelEn')}</th>
              <th>{t('hazards.tpl.kind')}</th>
              <th>{t('hazards.tpl.required')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={t('hazards.tpl.key')} value={item.key} onChange={(e) => edit(i, { key: e.target.value })} />
                </td>
                <td>
                  <input lang="zh-CN" aria-label={t('hazards.tpl.labelZh')} value={item.labelZh} onChange={(e) => edit(i, { labelZh: e.target.value })} />
                </td>
                <td>
                  <input aria-label={t('hazards.tpl.labelEn')} value={item.labelEn} onChange={(e) => edit(i, { labelEn: e.target.value })} />
                </td>
                <td>
                  <select aria-label={t('hazards.tpl.kind')} value={item.kind} onChange={(e) => edit(i, { kind: e.target.value as TemplateItem['kind'], failFromGrade: e.target.value === 'grade' ? 'C' : undefined })}>
                    <option value="check">{t('hazards.tpl.check')}</option>
                    <option value="grade">{t('hazards.tpl.grade')}</option>
                    <option value="count">{t('hazards.tpl.count')}</option>
                  </select>
                </td>
                <td>
                  <input type="checkbox" aria-label={t('hazards.tpl.required')} checked={item.required} onChange={(e) => edit(i, { required: e.target.checked })} />
                </td>
                <td>
                  <button type="button" className="ghost" onClick={() => setItems((list) => list.filter((_, j) => j !== i))} aria-label={t('hazards.remove')}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button type="button" onClick={() => setItems((list) => [...list, { key: `item_${list.length + 1}`, labelZh: '', labelEn: '', kind: 'check', required: true }])}>
            {t('hazards.tpl.add')}
          </button>
          <button type="button" className="primary" onClick={save}>
            {t('hazards.tpl.save')}
          </button>
          {saved && <span role="status">{t('common.saved')}</span>}
        </div>
      </div>
      <AreaPicker />
    </div>
  );
}
