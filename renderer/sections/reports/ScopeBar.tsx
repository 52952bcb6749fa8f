import { useEffect, useState, type FormEvent } from 'react';
import type { EventRecord } from '../../../core/contract/system';
import { eventDisplayName } from '../../../core/domain/events/name';
import { addDays, zonedToUtc } from '../../../core/time';
import { isInstant } from '../../format/safe';
import { useT } from '../../i18n';
import { EventPicker } from '../../components/EventPicker';
import type { DraftLang } from './draft';
import { localDay, type ReportScope } from './gather';

interface Props {
  events: EventRecord[] | undefined;
  timeZone: string;
  nowMs: number;
  draftLang: DraftLang;
  busy: boolean;
  hasDraft: boolean;
  onDraftLang(lang: DraftLang): void;
  onBuild(scope: ReportScope): void;
}

/** An event stored with a start or end this version cannot read (another office's row) cannot bound a report. */
export const reportable = (e: EventRecord): boolean => isInstant(e.startedAtMs) && (e.endedAtMs === null || isInstant(e.endedAtMs));

const unreportable = (e: EventRecord): boolean => !reportable(e);

/** The open event, else the newest (the list comes newest first). */
export function defaultEvent(events: EventRecord[]): EventRecord | undefined {
  const usable = events.filter(reportable);
  return usable.find((e) => e.endedAtMs === null) ?? usable[0];
}

export function eventScope(event: EventRecord, nowMs: number, timeZone: string): ReportScope {
  const toMs = event.endedAtMs ?? Math.max(nowMs, event.startedAtMs);
  return {
    eventId: event.id,
    name: { zh: eventDisplayName(event, 'zh'), en: eventDisplayName(event, 'en') },
    fromMs: event.startedAtMs,
    toMs,
    fromDay: localDay(event.startedAtMs, timeZone),
    toDay: localDay(toMs, timeZone),
    timeZone,
  };
}

export function ScopeBar({ events, timeZone, nowMs, draftLang, busy, hasDraft, onDraftLang, onBuild }: Props) {
  const t = useT();
  const [mode, setMode] = useState<'event' | 'range'>('event');
  const [eventId, setEventId] = useState('');
  const today = localDay(nowMs, timeZone);
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);

  useEffect(() => {
    if (!events) return;
    const chosen = defaultEvent(events);
    if (chosen && !eventId) setEventId(chosen.id);
    if (!chosen) setMode('range');
  }, [events, eventId]);

  const event = events?.find((e) => e.id === eventId);
  const badRange = mode === 'range' && (!from || !to || to < from);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (mode === 'event' && event && reportable(event)) onBuild(eventScope(event, nowMs, timeZone));
    if (mode === 'range' && !badRange) {
      onBuild({
        eventId: null,
        name: { zh: t('reports.draft.rangeName'), en: t('reports.draft.rangeName') },
        fromMs: zonedToUtc(from, '00:00', timeZone),
        toMs: zonedToUtc(addDays(to, 1), '00:00', timeZone) - 1,
        fromDay: from,
        toDay: to,
        timeZone,
      });
    }
  }

  return (
    <form className="card reports-scope no-print" onSubmit={submit} aria-label={t('reports.scope')}>
      <fieldset className="reports-mode">
        <legend>{t('reports.scope')}</legend>
        <label className="inline">
          <input type="radio" name="mode" value="event" checked={mode === 'event'} disabled={!events?.length} onChange={() => setMode('event')} />
          {t('reports.byEvent')}
        </label>
        <label className="inline">
          <input type="radio" name="mode" value="range" checked={mode === 'range'} onChange={() => setMode('range')} />
          {t('reports.byRange')}
        </label>
      </fieldset>
      {mode === 'event' ? (
        <EventPicker label={t('reports.event')} value={eventId || null} onChange={(id) => setEventId(id ?? '')} isDisabled={unreportable} testId="reports-event" />
      ) : (
        <>
          <label>
            {t('reports.from')}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required data-testid="reports-from" />
          </label>
          <label>
            {t('reports.to')}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required aria-invalid={badRange} data-testid="reports-to" />
          </label>
        </>
      )}
      <label>
        {t('reports.draftLang')}
        <select value={draftLang} onChange={(e) => onDraftLang(e.target.value as DraftLang)} data-testid="reports-lang">
          <option value="zh">{t('reports.langZh')}</option>
          <option value="en">{t('reports.langEn')}</option>
          <option value="both">{t('reports.langBoth')}</option>
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy || badRange || (mode === 'event' && !event)} data-testid="reports-build">
        {hasDraft ? t('reports.rebuild') : t('reports.build')}
      </button>
      {badRange && <p className="reports-error" role="alert">{t('reports.badRange')}</p>}
      {mode === 'event' && events && !events.length && <p className="muted">{t('reports.noEvents')}</p>}
    </form>
  );
}
