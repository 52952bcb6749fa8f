import { useEffect, useState, type FormEvent } from 'react';
import type { BBox } from '../../../core/domain/hazards/points';
import { bboxOf } from '../../../core/domain/geo/geojson';
import { act, useQuery } from '../../api/hooks';
import { useT, type TKey } from '../../i18n';

const SIDES = ['west', 'south', 'east', 'north'] as const;
type Side = (typeof SIDES)[number];
type Draft = Record<Side, string>;

const LIMIT: Record<Side, number> = { west: 180, south: 90, east: 180, north: 90 };
const toDraft = (area: BBox | null): Draft => ({ west: area ? String(area[0]) : '', south: area ? String(area[1]) : '', east: area ? String(area[2]) : '', north: area ? String(area[3]) : '' });

/** The first problem with the four numbers, or the box; a unit's area never crosses the antimeridian, so west < east. */
export function checkArea(draft: Draft): { error: TKey } | { area: BBox } {
  const values = SIDES.map((side) => Number(draft[side]));
  for (const [i, side] of SIDES.entries()) {
    if (draft[side].trim() === '' || !Number.isFinite(values[i])) return { error: 'hazards.area.notNumber' };
    if (Math.abs(values[i]) > LIMIT[side]) return { error: side === 'west' || side === 'east' ? 'hazards.area.lngRange' : 'hazards.area.latRange' };
  }
  const [west, south, east, north] = values;
  if (south >= north) return { error: 'hazards.area.southNorth' };
  if (west >= east) return { error: 'hazards.area.westEast' };
  return { area: [west, south, east, north] };
}

/** Where the unit works: points outside this box are warned on entry and import. */
export function AreaPicker() {
  const t = useT();
  const settings = useQuery('settings.get', {});
  const stored = settings.data?.hazards.area ?? null;
  const [draft, setDraft] = useState<Draft>(toDraft(null));
  const [message, setMessage] = useState<{ key: TKey; error: boolean } | null>(null);
  useEffect(() => setDraft(toDraft(stored)), [JSON.stringify(stored)]);

  async function fromBoundary() {
    const view = await act('map.view', {});
    const boundary = view?.shapes.find((s) => s.kind === 'boundary');
    const box = boundary ? bboxOf(boundary.geojson) : null;
    if (!box) return setMessage({ key: 'hazards.area.noBoundary', error: true });
    // Six decimals are about 0.1 m, finer than any boundary drawing.
    setDraft(toDraft(box.map((v) => Math.round(v * 1e6) / 1e6) as BBox));
    setMessage({ key: boundary?.approximate ? 'hazards.area.fromApproximate' : 'hazards.area.fromBoundary', error: false });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const checked = checkArea(draft);
    if ('error' in checked) return setMessage({ key: checked.error, error: true });
    if (await act('settings.update', { section: 'hazards', values: { area: checked.area } })) {
      setMessage({ key: 'hazards.area.saved', error: false });
      settings.reload();
    }
  }

  async function clear() {
    if (await act('settings.update', { section: 'hazards', values: { area: null } })) {
      setMessage({ key: 'hazards.area.cleared', error: false });
      settings.reload();
    }
  }

  return (
    <form className="card form-grid" onSubmit={save} aria-labelledby="hz-area-title" data-testid="hz-area">
      <h2 id="hz-area-title">{t('hazards.area.title')}</h2>
      <p className="muted hz-wide">{t('hazards.area.hint')}</p>
      {SIDES.map((side) => (
        <label key={side}>
          {t(`hazards.area.${side}`)}
          <input
            name={`area-${side}`}
            inputMode="decimal"
            value={draft[side]}
            onChange={(e) => (setMessage(null), setDraft((d) => ({ ...d, [side]: e.target.value })))}
            data-testid={`hz-area-${side}`}
          />
        </label>
      ))}
      <p role={message?.error ? 'alert' : 'status'} className={`hz-wide${message?.error ? ' hz-error' : ''}`} data-testid="hz-area-message">
        {message && t(message.key)}
      </p>
      <div className="form-actions hz-wide">
        <button type="submit" className="primary" data-testid="hz-area-save">
          {t('common.save')}
        </button>
        <button type="button" onClick={fromBoundary} data-testid="hz-area-boundary">
          {t('hazards.area.useBoundary')}
        </button>
        <button type="button" className="ghost" onClick={clear} disabled={!stored}>
          {t('hazards.area.clear')}
        </button>
      </div>
    </form>
  );
}
