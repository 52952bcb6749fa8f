import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { StationRecord } from '../../../core/contract/rain';
import { boundaryDayChoices, parseManualLine, type DayChoice, type ManualLine } from '../../../core/domain/rain/manual';
import { useQuery } from '../../api/hooks';
import { call, CallError } from '../../api/client';
import { plain, safeNumber } from '../../format/safe';
import { useT, type TKey } from '../../i18n';
import { useUi } from '../../store/ui';
import { fmtTime, useTimeZone } from './format';

/** A reading on its way in, with what the user has answered so far. */
interface Pending {
  station: StationRecord;
  line: ManualLine;
  endMs: number;
  confirmedImplausible: boolean;
  replace: boolean;
}

type Question = { kind: 'day'; choices: DayChoice[] } | { kind: 'implausible'; value: number; hours: number } | { kind: 'replace'; old: number; next: number };

const numberParam = (params: Record<string, unknown> | undefined, name: string): number => (typeof params?.[name] === 'number' ? (params[name] as number) : NaN);

/**
 * The duty officer types what the gauge keeper reads out, and presses Enter: no mouse needed.
 * Three things are asked before anything is saved: which duty day a dated reading on a day
 * boundary belongs to, whether an implausibly large figure is really meant, and whether a
 * different stored figure is to be replaced. The server refuses the last two unless told.
 */
export function ManualEntry({ stations, nowMs, onSaved }: { stations: StationRecord[]; nowMs: () => number; onSaved(): void }) {
  const t = useT();
  const zone = useTimeZone();
  const settings = useQuery('settings.get', {}).data;
  const [line, setLine] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const firstAnswer = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (question) firstAnswer.current?.focus();
  }, [question]);

  const unit = (station: StationRecord) => (station.type === 'water' ? ' m' : ' mm');

  async function save(p: Pending) {
    setBusy(true);
    setQuestion(null);
    try {
      const { value, trace } = p.line;
      const result = await call('rain.addReading', {
        stationId: p.station.id,
        endMs: p.endMs,
        value,
        trace,
        quality: value === null ? 'missing' : 'ok',
        source: '电话报数',
        confirmedImplausible: p.confirmedImplausible,
        replace: p.replace,
      });
      setPending(null);
      setDone(
        t(`rain.manual.saved.${result.outcome}` as TKey, {
          code: p.station.code,
          time: plain(fmtTime(p.endMs, zone, 'yyyy-MM-dd HH:mm')),
          value: result.value === null ? '—' : `${result.value}${unit(p.station)}`,
          rule: result.rule ?? '',
        }),
      );
      setLine('');
      onSaved();
    } catch (error) {
      const body = error instanceof CallError ? error.body : { code: 'internal' as const, key: 'errors.internal', message: String(error) };
      setPending(p);
      if (body.key === 'errors.rain.implausible') setQuestion({ kind: 'implausible', value: numberParam(body.params, 'value'), hours: numberParam(body.params, 'minutes') / 60 });
      else if (body.key === 'errors.rain.replaceExisting') setQuestion({ kind: 'replace', old: numberParam(body.params, 'old'), next: numberParam(body.params, 'new') });
      else {
        setPending(null);
        useUi.getState().reportError(body);
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || question) return;
    setDone(null);
    const parsed = parseManualLine(line, nowMs(), zone);
    if (!parsed.ok) {
      setProblem(t(`rain.manual.error.${parsed.error}` as TKey));
      return;
    }
    const station = stations.find((s) => s.code.toLowerCase() === parsed.value.code.toLowerCase());
    if (!station) {
      setProblem(t('rain.manual.error.station', { code: parsed.value.code }));
      return;
    }
    setProblem(null);
    const p: Pending = { station, line: parsed.value, endMs: parsed.value.endMs, confirmedImplausible: false, replace: false };
    const latestMs = nowMs() + (settings?.duty.futureToleranceMinutes ?? 0) * 60_000;
    const choices = boundaryDayChoices(parsed.value, settings?.general.dutyDayStart ?? '08:00', latestMs, zone);
    if (choices.length > 0) {
      setPending(p);
      setQuestion({ kind: 'day', choices });
    } else void save(p);
  }

  function cancel() {
    setQuestion(null);
    setPending(null);
    setDone(t('rain.manual.notSaved'));
    input.current?.focus();
  }

  const when = pending ? plain(fmtTime(pending.endMs, zone, 'yyyy-MM-dd HH:mm')) : '';
  return (
    <form className="card rain-manual" onSubmit={submit} aria-labelledby="rain-manual-title">
      <h2 id="rain-manual-title">{t('rain.manual.title')}</h2>
      <label>
        {t('rain.manual.label')}
        <span className="rain-manual-line">
          <input
            ref={input}
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
          <button type="submit" className="primary" disabled={busy || question !== null || line.trim() === ''}>
            {t('rain.manual.submit')}
          </button>
        </span>
      </label>
      {question && pending && (
        <div role="alertdialog" aria-labelledby="rain-question-text" className="rain-question" data-testid="manual-question" data-kind={question.kind} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
          <p id="rain-question-text">
            {question.kind === 'day' && t('rain.manual.askDay', { code: pending.station.code, time: when })}
            {question.kind === 'implausible' && t('rain.manual.askImplausible', { code: pending.station.code, hours: plain(safeNumber(question.hours)), value: plain(safeNumber(question.value)) })}
            {question.kind === 'replace' &&
              t('rain.manual.askReplace', { code: pending.station.code, time: when, old: `${plain(safeNumber(question.old))}${unit(pending.station)}`, new: `${plain(safeNumber(question.next))}${unit(pending.station)}` })}
          </p>
          <div className="form-actions">
            {question.kind === 'day' &&
              question.choices.map((c, i) => (
                <button key={c.endMs} ref={i === 0 ? firstAnswer : undefined} type="button" className="primary" data-testid="manual-day" onClick={() => void save({ ...pending, endMs: c.endMs })}>
                  {t('rain.manual.dayChoice', { day: c.dutyDay, end: plain(fmtTime(c.endMs, zone, 'yyyy-MM-dd HH:mm')) })}
                </button>
              ))}
            {question.kind === 'implausible' && (
              <button ref={firstAnswer} type="button" className="primary" data-testid="manual-confirm" onClick={() => void save({ ...pending, confirmedImplausible: true })}>
                {t('rain.manual.confirmImplausible')}
              </button>
            )}
            {question.kind === 'replace' && (
              <button ref={firstAnswer} type="button" className="primary" data-testid="manual-confirm" onClick={() => void save({ ...pending, replace: true })}>
                {t('rain.manual.confirmReplace')}
              </button>
            )}
            <button type="button" onClick={cancel} data-testid="manual-cancel">
              {t('rain.manual.cancel')}
            </button>
          </div>
        </div>
      )}
      <p id="rain-manual-msg" role="status" className={problem ? 'rain-msg-error' : 'rain-msg-ok'} data-testid="manual-msg">
        {problem ?? done ?? ''}
      </p>
    </form>
  );
}
