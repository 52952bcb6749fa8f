import { useState, type FormEvent } from 'react';
import { SHELTER_TYPES, SUPPLY_ITEMS, type ShelterView, type SupplyLine } from '../../../core/contract/evac';
import { act, useQuery } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain, safeNumber, useCodeLabel } from '../../format/safe';
import { SUPPLY_UNIT_CODES, supplyUnitLabel } from '../../../core/domain/evac/supplies';
import { useT, type TKey } from '../../i18n';
import { useStatus } from '../../store/status';
import { useUi } from '../../store/ui';

interface Draft {
  name: string;
  type: ShelterView['type'];
  address: string;
  lat: string;
  lng: string;
  area: string;
  capacity: string;
  contactName: string;
  contactPhone: string;
  notes: string;
  supplies: SupplyLine[];
}

const empty: Draft = { name: '', type: 'school', address: '', lat: '', lng: '', area: '', capacity: '', contactName: '', contactPhone: '', notes: '', supplies: [] };
const num = (v: string) => (v.trim() === '' ? null : Number(v));
const str = (v: number | null) => (v === null ? '' : String(v));

export function Shelters({ version, onChange }: { version: number; onChange(): void }) {
  const t = useT();
  const code = useCodeLabel();
  const lang = useUi((st) => st.lang);
  const unitLabel = (unit: string) => supplyUnitLabel(unit, lang === 'zh-CN' ? 'zh' : 'en');
  const list = useQuery('evac.listShelters', { includeClosed: true }, String(version));
  const settings = useQuery('settings.get', {});
  const status = useStatus((s) => s.status);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(empty);

  const edit = (s: ShelterView | null) => {
    setEditing(s ? s.id : 'new');
    setDraft(
      s
        ? { name: s.name, type: s.type, address: s.address, lat: str(s.lat), lng: str(s.lng), area: str(s.usableAreaM2), capacity: str(s.capacitySet), contactName: s.contactName, contactPhone: s.contactPhone, notes: s.notes, supplies: s.supplies }
        : empty,
    );
  };
  const field = (key: keyof Omit<Draft, 'supplies' | 'type'>) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });
  const setSupply = (i: number, patch: Partial<SupplyLine>) => setDraft({ ...draft, supplies: draft.supplies.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  async function save(e: FormEvent) {
    e.preventDefault();
    const values = {
      name: draft.name,
      type: draft.type,
      address: draft.address,
      lat: num(draft.lat),
      lng: num(draft.lng),
      usableAreaM2: num(draft.area),
      capacity: num(draft.capacity),
      contactName: draft.contactName,
      contactPhone: draft.contactPhone,
      notes: draft.notes,
      supplies: draft.supplies,
    };
    const saved = editing === 'new' ? await act('evac.createShelter', values) : await act('evac.updateShelter', { id: editing!, patch: values });
    if (saved) {
      setEditing(null);
      onChange();
    }
  }
  async function setShelterStatus(s: ShelterView, next: 'open' | 'closed') {
    if (await act('evac.setShelterStatus', { id: s.id, status: next, eventId: status?.openEvent?.id ?? null, atMs: status?.nowMs ?? Date.now() })) onChange();
  }
  async function remove(s: ShelterView) {
    if (window.confirm(t('evac.shelters.confirmDelete', { name: s.name })) && (await act('evac.deleteShelter', { id: s.id }))) onChange();
  }

  return (
    <div className="stack">
      <div className="evac-toolbar no-print">
        <button type="button" className="primary" onClick={() => edit(null)} data-testid="shelter-new">
          {t('evac.shelters.new')}
        </button>
      </div>
      {editing && (
        <form className="card form-grid" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && setEditing(null)} data-testid="shelter-form">
          <h2>{t(editing === 'new' ? 'evac.shelters.new' : 'evac.shelters.edit')}</h2>
          <label>
            {t('evac.shelters.name')}
            <input name="name" required maxLength={100} autoFocus {...field('name')} />
          </label>
          <label>
            {t('evac.shelters.type')}
            <select name="type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as Draft['type'] })}>
              {SHELTER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`evac.shelterType.${type}` as TKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('evac.shelters.address')}
            <input name="address" maxLength={300} {...field('address')} />
          </label>
          <label>
            {t('evac.shelters.area')}
            <input name="area" type="number" min={0} step="0.1" {...field('area')} />
          </label>
          <label>
            {t('evac.shelters.capacity')}
            <input name="capacity" type="number" min={0} step={1} placeholder={t('evac.shelters.capacityHint', { m2: settings.data?.evac.m2PerPerson ?? 1.5 })} {...field('capacity')} />
          </label>
          <label>
            {t('evac.shelters.lat')}
            <input name="lat" type="number" step="any" {...field('lat')} />
          </label>
          <label>
            {t('evac.shelters.lng')}
            <input name="lng" type="number" step="any" {...field('lng')} />
          </label>
          <label>
            {t('evac.shelters.contactName')}
            <input name="contactName" maxLength={50} {...field('contactName')} />
          </label>
          <label>
            {t('evac.shelters.contactPhone')}
            <input name="contactPhone" maxLength={30} {...field('contactPhone')} />
          </label>
          <fieldset className="evac-supplies">
            <legend>{t('evac.shelters.supplies')}</legend>
            {draft.supplies.map((l, i) => (
              <div key={i} className="evac-member">
                <select aria-label={t('evac.shelters.supplies')} value={l.item} onChange={(e) => setSupply(i, { item: e.target.value as SupplyLine['item'] })}>
                  {SUPPLY_ITEMS.map((item) => (
                    <option key={item} value={item}>
                      {t(`evac.supply.${item}` as TKey)}
                    </option>
                  ))}
                </select>
                <input aria-label={t('evac.shelters.quantity')} type="number" min={0} value={l.quantity} onChange={(e) => setSupply(i, { quantity: Number(e.target.value) })} />
                <select aria-label={t('evac.shelters.unit')} value={l.unit} onChange={(e) => setSupply(i, { unit: e.target.value })}>
                  {/* A unit typed before the catalogue stays selectable as it was written. */}
                  {![...SUPPLY_UNIT_CODES, ''].includes(l.unit) && <option value={l.unit}>{unitLabel(l.unit)}</option>}
                  <option value="">—</option>
                  {SUPPLY_UNIT_CODES.map((unit) => (
                    <option key={unit} value={unit}>
                      {unitLabel(unit)}
                    </option>
                  ))}
                </select>
                <button type="button" className="ghost" onClick={() => setDraft({ ...draft, supplies: draft.supplies.filter((_, j) => j !== i) })}>
                  {t('evac.move.remove')}
                </button>
              </div>
            ))}
            <button type="button" onClick={() => setDraft({ ...draft, supplies: [...draft.supplies, { item: 'water', label: '', quantity: 0, unit: '' }] })}>
              {t('evac.shelters.addSupply')}
            </button>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="primary" data-testid="shelter-save">
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <div className="card">
        <table data-testid="shelter-table">
          <thead>
            <tr>
              <th>{t('evac.shelters.name')}</th>
              <th>{t('evac.shelters.type')}</th>
              <th>{t('evac.shelters.address')}</th>
              <th className="num">{t('evac.shelters.occupancy')}</th>
              <th>{t('evac.shelters.status')}</th>
              <th>{t('evac.shelters.supplies')}</th>
              <th className="no-print" />
            </tr>
          </thead>
          <tbody>
            {list.data?.map((s) => (
              <StoredRow key={s.id} method="evac.listShelters" rowId={s.id} name={s.name} as="tr" colSpan={7}>
                {() => (
                  <tr className={s.capacity !== null && s.occupancy >= s.capacity && s.occupancy > 0 ? 'evac-full' : undefined}>
                    <td>{s.name}</td>
                    <td>{code('evac.shelterType', s.type)}</td>
                    <td>{s.address}</td>
                    <td className="num">
                      {safeNumber(s.occupancy)} / {safeNumber(s.capacity)}
                    </td>
                    <td>
                      <span className={`pill evac-shelter-${s.status}`}>{code('evac.shelterStatus', s.status)}</span>
                    </td>
                    <td>{s.supplies.map((l) => t('evac.shelters.supplyLine', { item: l.label || plain(code('evac.supply', l.item)), quantity: plain(safeNumber(l.quantity)), unit: unitLabel(l.unit) })).join(t('common.listSep'))}</td>
                    <td className="no-print evac-actions">
                      <button type="button" onClick={() => edit(s)}>
                        {t('evac.shelters.edit')}
                      </button>
                      {s.status === 'closed' || s.status === 'ready' ? (
                        <button type="button" onClick={() => setShelterStatus(s, 'open')}>
                          {t('evac.shelters.open')}
                        </button>
                      ) : (
                        <button type="button" onClick={() => setShelterStatus(s, 'closed')}>
                          {t('evac.shelters.close')}
                        </button>
                      )}
                      <button type="button" className="ghost" onClick={() => remove(s)}>
                        {t('evac.shelters.delete')}
                      </button>
                    </td>
                  </tr>
                )}
              </StoredRow>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
