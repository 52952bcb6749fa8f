import type { SignalSuggestion } from '../../../core/contract/rain';
import { SIGNAL_COLOURS } from '../../../core/domain/rain/grades';
import { act } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain, safeNumber, useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { fmtMm, fmtTime, swatch, useTimeZone } from './format';

/** Suggestions only: the officer reports up the chain or dismisses; the met service issues signals. */
export function SignalPanel({ open, onChanged }: { open: SignalSuggestion[]; onChanged(): void }) {
  const t = useT();
  const code = useCodeLabel();
  const zone = useTimeZone();
  async function decide(id: string, status: 'accepted' | 'dismissed') {
    if (await act('rain.decideSuggestion', { id, status })) onChanged();
  }
  async function check() {
    if (await act('rain.checkSignals', {})) onChanged();
  }
  return (
    <section className="card rain-signals" aria-labelledby="rain-signals-title" data-testid="rain-signals">
      <div className="rain-chart-head">
        <h2 id="rain-signals-title">{t('rain.signals.title')}</h2>
        <button type="button" onClick={() => void check()}>
          {t('rain.signals.check')}
        </button>
      </div>
      {open.length === 0 ? (
        <p className="muted">{t('rain.signals.none')}</p>
      ) : (
        <ul className="rain-signal-list">
          {open.map((s) => (
            <StoredRow key={s.id} method="rain.suggestions" rowId={s.id} name={s.stationName} as="li">
              {() => (
                <li style={{ borderLeftColor: swatch(SIGNAL_COLOURS, s.colour) }} data-signal={s.colour}>
                  <span className="mono">{fmtTime(s.atMs, zone)}</span>{' '}
                  {t('rain.signals.line', {
                    station: s.stationName,
                    window: plain(code('rain.col', s.window)),
                    total: plain(fmtMm(s.totalMm)),
                    colour: plain(code('rain.signal', s.colour)),
                    threshold: plain(safeNumber(s.thresholdMm)),
                  })}
                  <span className="rain-signal-actions">
                    <button type="button" onClick={() => void decide(s.id, 'accepted')}>
                      {t('rain.signals.accept')}
                    </button>
                    <button type="button" className="ghost" onClick={() => void decide(s.id, 'dismissed')}>
                      {t('rain.signals.dismiss')}
                    </button>
                  </span>
                </li>
              )}
            </StoredRow>
          ))}
        </ul>
      )}
    </section>
  );
}
