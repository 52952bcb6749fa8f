import { useEffect, useState } from 'react';
import type { TemplateRecord } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_IDS, HAZARD_TYPE_LABELS, type HazardTypeId, type TemplateItem } from '../../../core/domain/hazards/templates';
import { act, useQuery } from '../../api/hooks';
import { ChecklistRows, freshKey } from '../../components/ChecklistRows';
import { useT, type TKey, type TParams } from '../../i18n';
import { LabelledOptions } from './LabelledOptions';
import { AreaPicker } from './AreaPicker';

type Problem = { key: TKey; params?: TParams };

/** What the server would refuse, said per row in the reader's language before anything is sent. */
function itemProblems(items: TemplateItem[]): Problem[] {
  const problems: Problem[] = items.length ? [] : [{ key: 'hazards.tpl.needOne' }];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const n = i + 1;
    if (!item.labelZh.trim()) problems.push({ key: 'hazards.tpl.needZh', params: { n } });
    if (!item.labelEn.trim()) problems.push({ key: 'hazards.tpl.needEn', params: { n } });
    const name = item.labelZh.trim();
    if (!name) return;
    const earlier = seen.get(name);
    if (earlier !== undefined) problems.push({ key: 'hazards.tpl.sameName', params: { m: earlier + 1, n } });
    else seen.set(name, i);
  });
  return problems;
}

/** Editing a checklist saves a new version; inspections already made keep the version they used. */
export function Templates() {
  const t = useT();
  const [type, setType] = useState<HazardTypeId>('basement');
  const history = useQuery('hazards.templateHistory', { hazardType: type });
  const current: TemplateRecord | undefined = history.data?.[0];
  const [items, setItems] = useState<TemplateItem[]>([]);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    setItems(current?.items ?? []);
    setProblems([]);
  }, [current]);

  const change = (next: TemplateItem[]) => {
    setSaved(false);
    setItems(next);
  };

  async function save() {
    const trimmed = items.map((item) => ({ ...item, labelZh: item.labelZh.trim(), labelEn: item.labelEn.trim() }));
    const found = itemProblems(trimmed);
    setProblems(found);
    if (found.length) return;
    if (await act('hazards.reviseTemplate', { hazardType: type, items: trimmed })) {
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
      <div className="card hz-template">
        <ChecklistRows<TemplateItem>
          testId="hazard-template-rows"
          items={items}
          onChange={change}
          zhOf={(item) => item.labelZh}
          enOf={(item) => item.labelEn}
          withLabels={(item, { zh, en }) => ({ ...item, ...(zh === undefined ? {} : { labelZh: zh }), ...(en === undefined ? {} : { labelEn: en }) })}
          blank={(list) => ({ key: freshKey(list.map((item) => item.key)), labelZh: '', labelEn: '', kind: 'check', required: true })}
          texts={{
            zh: t('hazards.tpl.labelZh'),
            en: t('hazards.tpl.labelEn'),
            item: (n) => t('hazards.tpl.item', { n }),
            up: (n) => t('hazards.tpl.up', { n }),
            down: (n) => t('hazards.tpl.down', { n }),
            remove: (n) => t('hazards.tpl.remove', { n }),
            add: t('hazards.tpl.add'),
            keys: t('hazards.tpl.keys'),
          }}
          extra={(item, i, edit) => (
            <span className="hz-template-extra">
              <select
                aria-label={`${t('hazards.tpl.item', { n: i + 1 })} ${t('hazards.tpl.kind')}`}
                value={item.kind}
                onChange={(e) => {
                  const kind = e.target.value as TemplateItem['kind'];
                  const { failFromGrade: _old, ...rest } = item;
                  edit({ ...rest, kind, ...(kind === 'grade' ? { failFromGrade: 'C' as const } : {}) });
                }}
              >
                <option value="check">{t('hazards.tpl.check')}</option>
                <option value="grade">{t('hazards.tpl.grade')}</option>
                <option value="count">{t('hazards.tpl.count')}</option>
              </select>
              <label className="check">
                <input type="checkbox" checked={item.required} onChange={(e) => edit({ ...item, required: e.target.checked })} />
                {t('hazards.tpl.required')}
              </label>
            </span>
          )}
        />
        {problems.length > 0 && (
          <ul className="hz-error" role="alert" data-testid="hazard-template-problems">
            {problems.map((p) => (
              <li key={`${p.key}${JSON.stringify(p.params)}`}>{t(p.key, p.params)}</li>
            ))}
          </ul>
        )}
        <div className="form-actions">
          <button type="button" className="primary" onClick={save} data-testid="hazard-template-save">
            {t('hazards.tpl.save')}
          </button>
          {saved && <span role="status">{t('common.saved')}</span>}
        </div>
      </div>
      <AreaPicker />
    </div>
  );
}
