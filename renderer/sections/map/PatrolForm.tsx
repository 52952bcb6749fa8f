import { useMemo, useState } from 'react';
import type { RouteRecord } from '../../../core/contract/hazards-types';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { routeInput } from './domain-inputs';
import type { Feature } from './model';
import { nearestNeighbourOrder, pathLengthMeters } from './nav';

/** `hazards.saveRoute` takes at most this many points. */
export const MAX_ROUTE_POINTS = 200;

interface PatrolFormProps {
  /** Hazard points caught by the polygon. */
  points: Feature[];
  onSaved(route: RouteRecord): void;
  onClose(): void;
}

const km = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(2)} km` : `${Math.round(m)} m`);

/** A patrol route from a polygon selection: walking order by nearest neighbour from a chosen start. */
export function PatrolForm({ points, onSaved, onClose }: PatrolFormProps) {
  const t = useT();
  const dutyDay = useStatus((s) => s.status?.dutyDay ?? '');
  const [startId, setStartId] = useState(points[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const order = useMemo(() => nearestNeighbourOrder(points, startId), [points, startId]);
  const tooMany = points.length > MAX_ROUTE_POINTS;

  async function submit(form: HTMLFormElement) {
    setBusy(true);
    const route = await act('hazards.saveRoute', routeInput(new FormData(form), order.map((p) => p.id)));
    setBusy(false);
    if (route) onSaved(route);
  }

  return (
    <form className="map-add map-patrol" onSubmit={(e) => (e.preventDefault(), submit(e.currentTarget))} onKeyDown={(e) => e.key === 'Escape' && onClose()} data-testid="patrol-form">
      <h3>{t('map.patrol.title', { count: points.length })}</h3>
      {tooMany && <p className="map-warn">{t('map.patrol.tooMany', { max: MAX_ROUTE_POINTS })}</p>}
      <label>
        {t('map.patrol.name')}
        <input name="name" required maxLength={100} defaultValue={t('map.patrol.defaultName', { day: dutyDay })} autoFocus />
      </label>
      <label>
        {t('map.patrol.start')}
        <select value={startId} onChange={(e) => setStartId(e.target.value)} data-testid="patrol-start">
          {points.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <div className="map-patrol-freq">
        <label>
          {t('map.patrol.every')}
          <input name="every" type="number" min={1} max={365} step={1} defaultValue={1} required />
        </label>
        <label>
          {t('map.patrol.unit')}
          <select name="unit" defaultValue="days">
            <option value="days">{t('map.patrol.days')}</option>
            <option value="hours">{t('map.patrol.hours')}</option>
          </select>
        </label>
      </div>
      <label>
        {t('map.patrol.assignees')}
        <input name="assignees" maxLength={500} placeholder={t('map.patrol.assigneesHint')} />
      </label>
      <p className="muted small">{t('map.patrol.order', { length: km(pathLengthMeters(order)) })}</p>
      <ol className="map-patrol-order" data-testid="patrol-order">
        {order.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ol>
      <div className="map-tool-row">
        <button type="submit" className="primary" disabled={busy || tooMany} data-testid="patrol-save">
          {t('map.patrol.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
