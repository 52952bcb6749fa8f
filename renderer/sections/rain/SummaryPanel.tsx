import { useState, type FormEvent } from 'react';
import type { RainSummary, StationRecord } from '../../../core/contract/rain';
import { eventDisplayName } from '../../../core/domain/events/name';
import { daysSpanning, FLOOD_DAY_RULE, MET_DAY_RULE } from '../../../core/domain/rain/days';
import { localParts } from '../../../core/time';
import { act, useQuery } from '../../api/hooks';
import { EventPicker, useEventName } from '../../components/EventPicker';
import { safeNumber } from '../../format/safe';
import { translate, useT } from '../../i18n';
import { fmtM, fmtMm, fmtTime, useTimeZone } from './format';
import { PeriodField, SEASON_PERIOD } from './PeriodField';

/** No normal is stored under this: an event's rain is not compared with a period's normal. */
const EVENT_PERIOD = 'event';

/** Season (or event, or month) figures and the sentence leaders quote, in both languages. */
export function SummaryPanel({ stations, nowMs }: { stations: StationRecord[]; nowMs: number }) {
  const t = useT();
  const zone = useTimeZone();
  const eventName = useEventName();
  const settings = useQuery('settings.get', {});
  const events = useQuery('events.list', { includeEnded: true }).data;
  const normals = useQuery('rain.listNormals', {});
  const knownPeriods = (normals.data ?? []).map((n) => n.period);
  const today = localParts(nowMs, zone).date;
  const year = today.slice(0, 4);
  const season = settings.data?.rain;
  const seasonFrom = `${year}-${season?.seasonStart ?? '04-15'}`;
  const seasonTo = `${year}-${season?.seasonEnd ?? '10-15'}`;
  const [query, setQuery] = useState({ eventId: null as string | null, fromDay: '', toDay: '', dayRule: 'flood' as 'flood' | 'met', period: SEASON_PERIOD, periodName: '' });
  const [result, setResult] = useState<RainSummary | null>(null);
  const event = query.eventId ? events?.find((e) => e.id === query.eventId) : undefined;
  // An event's days follow from its start and end (an open one runs to now) under the chosen day rule.
  const eventDays = event ? daysSpanning(event.startedAtMs, event.endedAtMs ?? Math.max(nowMs, event.startedAtMs), { ...(query.dayRule === 'met' ? MET_DAY_RULE : FLOOD_DAY_RULE), timeZone: zone }) : null;
  const from = eventDays?.fromDay ?? (query.fromDay || (seasonFrom <= today ? seasonFrom : `${year}-01-01`));
  const to = eventDays?.toDay ?? (query.toDay || (seasonTo < today ? seasonTo : today));

  async function run(e: FormEvent) {
    e.preventDefault();
    // The sentence is drafted in both languages, so the default name must be too.
    const periodName = query.periodName
      ? { zh: query.periodName, en: query.periodName }
      : event
        ? { zh: eventDisplayName(event, 'zh'), en: eventDisplayName(event, 'en') }
        : { zh: translate('zh-CN', 'rain.summary.season'), en: translate('en', 'rain.summary.season') };
    const summary = await act('rain.summary', { fromDay: from, toDay: to, dayRule: query.dayRule, period: event ? EVENT_PERIOD : query.period, periodName });
    if (summary) setResult(summary);
  }

  const [normal, setNormal] = useState({ stationId: '', period: SEASON_PERIOD, normalMm: '' });
  const [normalSaved, setNormalSaved] = useState(false);
  async function saveNormal(e: FormEvent) {
    e.preventDefault();
    const stationId = normal.stationId || stations.find((s) => s.type === 'rain')?.id;
    if (!stationId) return;
    const saved = await act('rain.setNormal', { stationId, period: normal.period, normalMm: Number(normal.normalMm) });
    setNormalSaved(Boolean(saved));
    if (saved) normals.reload();
  }

  return (
    <section className="card rain-summary" aria-labelledby="rain-summary-title">
      <h2 id="rain-summary-title">{t('rain.summary.title')}</h2>
      <form className="form-grid" onSubmit={run}>
        <EventPicker
          value={query.eventId}
          onChange={(eventId) => setQuery((q) => ({ ...q, eventId }))}
          emptyLabel={t('rain.summary.byDates')}
          name="summary-event"
          testId="summary-event"
        />
        <label>
          {t('rain.summary.from')}
          <input type="date" name="summary-from" value={from} disabled={event !== undefined} onChange={(e) => setQuery((q) => ({ ...q, fromDay: e.target.value }))} />
        </label>
        <label>
          {t('rain.summary.to')}
          <input type="date" name="summary-to" value={to} disabled={event !== undefined} onChange={(e) => setQuery((q) => ({ ...q, toDay: e.target.value }))} />
        </label>
        <label>
          {t('rain.summary.rule')}
          <select name="summary-rule" value={query.dayRule} onChange={(e) => setQuery((q) => ({ ...q, dayRule: e.target.value as 'flood' | 'met' }))}>
            <option value="flood">{t('rain.summary.flood')}</option>
            <option value="met">{t('rain.summary.met')}</option>
          </select>
        </label>
        {event ? (
          <p className="muted">{t('rain.summary.eventNoNormal')}</p>
        ) : (
          <PeriodField label={t('rain.summary.period')} name="summary-period" value={query.period} known={knownPeriods} onChange={(period) => setQuery((q) => ({ ...q, period }))} />
        )}
        <label>
          {t('rain.summary.periodName')}
          <input
            name="summary-name"
            value={query.periodName}
            placeholder={event ? eventName(event) : t('rain.summary.season')}
            onChange={(e) => setQuery((q) => ({ ...q, periodName: e.target.value }))}
          />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="summary-run">
            {t('rain.summary.run')}
          </button>
        </div>
      </form>
      {result && (
        <div data-testid="summary-result">
          <p lang="zh-CN" className="rain-sentence">
            {result.sentence.zh}
          </p>
          <p lang="en" className="rain-sentence muted">
            {result.sentence.en}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('rain.col.name')}</th>
                <th>{t('rain.summary.total')}</th>
                <th>{t('rain.summary.rainDays')}</th>
                <th>{t('rain.summary.wettest')}</th>
                <th>{t('rain.summary.normal')}</th>
                <th>{t('rain.summary.departure')}</th>
              </tr>
            </thead>
            <tbody>
              {result.stations.map((s) => (
                <tr key={s.stationId}>
                  <td>{s.name}</td>
                  <td className="rain-num" title={s.complete ? undefined : t('rain.incomplete')}>
                    {s.complete || s.totalMm === null ? '' : '≥'}
                    {fmtMm(s.totalMm)}
                  </td>
                  <td className="rain-num">{safeNumber(s.rainDays)}</td>
                  <td>
                    {s.wettestDay ? (
                      <>
                        {s.wettestDay} ({fmtMm(s.wettestDayMm)})
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="rain-num">{fmtMm(s.normalMm)}</td>
                  <td className="rain-num">{safeNumber(s.departurePercent, (p) => `${p > 0 ? '+' : ''}${Math.round(p)}%`)}</td>
                </tr>
              ))}
              {result.water.map((w) => (
                <tr key={w.stationId}>
                  <td>{w.name}</td>
                  <td colSpan={3}>
                    {t('rain.summary.peak')} {fmtM(w.peakM)} m {w.peakAtMs !== null && <>({fmtTime(w.peakAtMs, zone)})</>}
                  </td>
                  <td colSpan={2}>
                    {t('rain.summary.daysAbove')} {safeNumber(w.daysAboveWarning)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form-grid rain-normals" onSubmit={saveNormal} aria-label={t('rain.normals.title')}>
        <h3>{t('rain.normals.title')}</h3>
        <label>
          {t('rain.normals.station')}
          <select name="normal-station" value={normal.stationId} onChange={(e) => setNormal((n) => ({ ...n, stationId: e.target.value }))}>
            {stations
              .filter((s) => s.type === 'rain')
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.code} {s.name}
                </option>
              ))}
          </select>
        </label>
        <PeriodField label={t('rain.normals.period')} name="normal-period" value={normal.period} known={knownPeriods} onChange={(period) => setNormal((n) => ({ ...n, period }))} />
        <label>
          {t('rain.normals.mm')}
          <input name="normal-mm" type="number" min={0} step="0.1" required value={normal.normalMm} onChange={(e) => setNormal((n) => ({ ...n, normalMm: e.target.value }))} />
        </label>
        <div className="form-actions">
          <button type="submit">{t('rain.normals.save')}</button>
          {normalSaved && <span role="status">{t('common.saved')}</span>}
        </div>
      </form>
    </section>
  );
}
