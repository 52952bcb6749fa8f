import { useState, type FormEvent } from 'react';
import type { StationRecord } from '../../../core/contract/rain';
import { parseManualLine } from '../../../core/domain/rain/manual';
import { act } from '../../api/hooks';
import { plain } from '../../format/safe';
import { useT, type TKey } from '../../i18n';
import { fmtTime, useTimeZone } from './format';

/** The duty officer types what the gauge keeper reads out, and presses Enter: no mouse needed. */
export function ManualEntry({ stations, nowMs, onSaved }: { stations: StationRecord[]; nowMs: () => number; onSaved(): void }) {
  const t = useT();
  const zone = useTimeZone();
  const [line, setLine] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const parsed = parseManualLine(line, nowMs(), zone);
    if (!parsed.ok) {
      setProblem(t(`rain.manual.error.${parsed.error}` as TKey));
      return;
    }
    const { code, endMs, value, trace } = parsed.value;
    const station = stations.find((s) => s.code.toLowerCase() === code.toLowerCase());
    if (!station) {
      setProblem(t('rain.manual.error.station', { code }));
      return;
    }
    setProblem(null);
    setBusy(true);
    const result = await act('rain.addReading', { stationId: station.id, endMs, value, trace, quality: value === null ? 'missing' : 'ok', source: '电话报数' });
    setBusy(false);
    if (!result) return;
    const unit = station.type === 'water' ? ' m' : ' mm';
    setDone(
      t(`rain.manual.saved.${result.outcome}` as TKey, {
        code: station.code,
        time: plain(fmtTime(endMs, zone, 'yyyy-MM-dd HH:mm')),
        value: result.value === null ? '—' : `${result.value}${unit}`,
        rule: result.rule ?? '',
      }),
    );
    setLine('');
    onSaved();
  }

  return (
    <form className="card rain-manual" onSubmit={submit} aria-labelledby="rain-manual-title">
      <h2 id="rain-manual-title">{t('rain.manual.title')}</h2>
      <label>
        {t('rain.manual.label')}
        <span className="rain-manual-line">
          <input
            name="manualLine"
            value={line}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem !== null}
            aria-describedby="rain-manual-msg"
            onChange={(e) => setLine(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setLine('');
                setProblem(null);
              }
            }}
            placeholder="HF01 14:00 12.5"
          />
          <button type="submit" className="primary" disabled={busy || line.trim() === ''}>
            {t('rain.manual.submit')}
          </button>
        </span>
      </label>
      <p id="rain-manual-msg" role="status" className={problem ? 'rain-msg-error' : 'rain-msg-ok'} data-testid="manual-msg">
        {problem ?? done ?? ''}
      </p>
    </form>
  );
}
