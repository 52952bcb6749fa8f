import type { SignalSuggestion } from '../../../core/contract/rain';
import { SIGNAL_COLOURS } from '../../../core/domain/rain/grades';
import { act } from '../../api/hooks';
import { useT, type TKey } from '../../i18n';
import { fmtTime, useTimeZone } from './format';

/** Suggestions only: the officer reports up the chain or dismisses; the met service issues signals. */
export function SignalPanel({ open, onChanged }: { open: SignalSuggestion[]; onChanged(): void }) {
  const t = useT();
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
            <li key={s.id} style={{ borderLeftColor: `var(${SIGNAL_COLOURS[s.colour].cssVar}, ${SIGNAL_COLOURS[s.colour].fallback})` }} data-signal={s.colour}>
              <span className="mono">{fmtTime(s.atMs, zone)}</span>{' '}
              {t('rain.signals.line', {
                station: s.stationName,
                window: t(`rain.col.${s.window}` as TKey),
                total: s.totalMm.toFixed(1),
                colour: t(`rain.signal.${s.colour}` as TKey),
                threshold: s.thresholdMm,
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
          ))}
        </ul>
      )}
    </section>
  );
}
