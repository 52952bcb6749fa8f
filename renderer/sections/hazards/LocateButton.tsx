import { useState } from 'react';
import { useT, type TKey } from '../../i18n';

export interface LocationFix {
  lat: number;
  lng: number;
  accuracyM: number;
}

type State = { kind: 'idle' } | { kind: 'locating' } | { kind: 'fixed'; fix: LocationFix } | { kind: 'failed'; reason: TKey };

/** Beyond this the fix may be on the wrong street: said so next to the accuracy. */
const COARSE_M = 100;

const FAILURE: Record<number, TKey> = { 1: 'hazards.gps.denied', 2: 'hazards.gps.unavailable', 3: 'hazards.gps.timeout' };

/**
 * "Use my location": one fix from the device (browser geolocation is WGS-84, the register's
 * system), with its accuracy shown and a plain reason when there is none. Browsers allow
 * geolocation only on secure origins (localhost or HTTPS), so a LAN desk on plain HTTP is told so.
 */
export function LocateButton({ onFix }: { onFix: (fix: LocationFix) => void }) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });

  function locate() {
    if (!window.isSecureContext) return setState({ kind: 'failed', reason: 'hazards.gps.insecure' });
    if (!('geolocation' in navigator)) return setState({ kind: 'failed', reason: 'hazards.gps.unsupported' });
    setState({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const fix = { lat: position.coords.latitude, lng: position.coords.longitude, accuracyM: Math.round(position.coords.accuracy) };
        setState({ kind: 'fixed', fix });
        onFix(fix);
      },
      (error) => setState({ kind: 'failed', reason: FAILURE[error.code] ?? 'hazards.gps.unavailable' }),
      // maximumAge 0: someone walking from one point to the next must not get the previous point's fix.
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  }

  return (
    <div className="hz-locate hz-wide">
      <button type="button" onClick={locate} disabled={state.kind === 'locating'} data-testid="hz-locate">
        {state.kind === 'locating' ? t('hazards.gps.locating') : t('hazards.gps.use')}
      </button>
      <span role="status" aria-live="polite" data-testid="hz-locate-status" className={state.kind === 'failed' ? 'hz-error' : undefined}>
        {state.kind === 'fixed' &&
          `${t('hazards.gps.fixed', { lat: state.fix.lat.toFixed(6), lng: state.fix.lng.toFixed(6), m: state.fix.accuracyM })}${state.fix.accuracyM > COARSE_M ? ` ${t('hazards.gps.coarse')}` : ''}`}
        {state.kind === 'failed' && t(state.reason)}
      </span>
    </div>
  );
}
