import { useState, type FormEvent } from 'react';
import { reportModes, reportStages, type IncidentView } from '../../../core/contract/dutyShared';
import type { ReportMode, ReportStage } from '../../../core/domain/duty/incidents';
import { StoredRow } from '../../components/ErrorBoundary';
import { EventPicker } from '../../components/EventPicker';
import { plain, useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useDutyQuery, useDutyWrite } from './store';
import { hoursMinutes } from '../../format/duration';
import { full, hm, useNow, useZone } from './format';

const REPORT_TO_KEY = 'flooddesk.duty.reportTo';

/** Where reports usually go; remembered on this computer so the one-click 零报告 stays one click. */
function useReportTo(): [string, (value: string) => void] {
  const [value, setValue] = useState(() => localStorage.getItem(REPORT_TO_KEY) ?? '');
  return [
    value,
    (next) => {
      setValue(next);
      localStorage.setItem(REPORT_TO_KEY, next);
    },
  ];
}

function Countdown({ incident, now }: { incident: IncidentView; now: number }) {
  const t = useT();
  const code = useCodeLabel();
  if (!incident.due) return <span className="pill">{incident.closedAtMs ? t('duty.inc.closed') : t('duty.inc.noDeadline')}</span>;
  // The server's countdown was true when loaded; the screen keeps it ticking from the deadline itself.
  const remaining = incident.due.dueMs - now;
  return (
    <span className={`countdown${remaining < 0 ? ' overdue' : remaining < 10 * 60_000 ? ' soon' : ''}`} data-testid="countdown" role="timer">
      {code('duty.inc.stage', incident.due.stage)}
      {incident.due.written ? t('duty.inc.writtenSuffix') : ''} {remaining < 0 ? t('duty.inc.overdue') : t('duty.inc.remaining')} {hoursMinutes(remaining)}
    </span>
  );
}

function ReportForm({ incident, reportTo }: { incident: IncidentView; reportTo: string }) {
  const t = useT();
  const write = useDutyWrite();
  const [stage, setStage] = useState<ReportStage>(incident.reports.length ? 'followup' : 'initial');
  const [mode, setMode] = useState<ReportMode>('verbal');
  const [to, setTo] = useState(reportTo);
  const [content, setContent] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await write('duty.addReport', { incidentId: incident.id, stage, mode, reportedTo: to, content })) setContent('');
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <select aria-label={t('duty.inc.stage')} value={stage} onChange={(e) => setStage(e.target.value as ReportStage)}>
        {reportStages.map((s) => (
          <option key={s} value={s}>
            {t(`duty.inc.stage.${s}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('duty.inc.mode')} value={mode} onChange={(e) => setMode(e.target.value as ReportMode)}>
        {reportModes.map((m) => (
          <option key={m} value={m}>
            {t(`duty.inc.mode.${m}`)}
          </option>
        ))}
      </select>
      <input aria-label={t('duty.inc.reportedTo')} placeholder={t('duty.inc.reportedTo')} required value={to} onChange={(e) => setTo(e.target.value)} />
      <input aria-label={t('duty.inc.content')} placeholder={t('duty.inc.content')} value={content} onChange={(e) => setContent(e.target.value)} />
      <button type="submit">{t('duty.inc.report')}</button>
    </form>
  );
}

export default function IncidentsTab() {
  const t = useT();
  const code = useCodeLabel();
  const zone = useZone();
  const now = useNow();
  const write = useDutyWrite();
  // Shown and changeable: an incident filed silently under the open event is hard to find later.
  const [eventId, setEventId] = useState<string | null>(null);
  const [includeClosed, setIncludeClosed] = useState(false);
  const overview = useDutyQuery('duty.incidents', { includeClosed, limit: 100 });
  const [reportTo, setReportTo] = useReportTo();
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [summary, setSummary] = useState('');
  const data = overview.data;
  const zeroToday = data?.zeroReports.find((z) => z.dutyDay === data.dutyDay);

  async function open(e: FormEvent) {
    e.preventDefault();
    if (await write('duty.openIncident', { title, location, summary, eventId })) {
      setTitle('');
      setLocation('');
      setSummary('');
    }
  }

  return (
    <div className="duty-incidents grid-2">
      <section className="card span-2 toolbar" aria-label={t('duty.inc.zeroTitle')}>
        <label>
          {t('duty.inc.reportTo')}
          <input name="reportTo" value={reportTo} onChange={(e) => setReportTo(e.target.value)} placeholder={t('duty.inc.reportToHint')} />
        </label>
        {zeroToday ? (
          <span className="pill ok" data-testid="zero-done">
            {t('duty.inc.zeroDone', { day: zeroToday.dutyDay, at: plain(hm(zeroToday.atMs, zone)) })}
          </span>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="zero-report"
            disabled={!reportTo.trim() || (data?.incidentsToday ?? 0) > 0}
            title={(data?.incidentsToday ?? 0) > 0 ? t('duty.inc.zeroBlocked') : undefined}
            onClick={() => write('duty.zeroReport', { reportedTo: reportTo })}
          >
            {t('duty.inc.zero', { day: data?.dutyDay ?? '' })}
          </button>
        )}
        {(data?.incidentsToday ?? 0) > 0 && !zeroToday && <span className="muted">{t('duty.inc.zeroBlocked')}</span>}
      </section>

      <section className="card" aria-labelledby="incidents-title">
        <div className="row-between">
          <h2 id="incidents-title">{t('duty.inc.listTitle')}</h2>
          <label className="check">
            <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} />
            {t('duty.inc.showClosed')}
          </label>
        </div>
        {data && !data.incidents.length && <p className="muted">{t('duty.inc.none')}</p>}
        <ul className="incident-list" data-testid="incident-list">
          {data?.incidents.map((incident) => (
            <StoredRow key={incident.id} method="duty.incidents" rowId={incident.id} name={incident.title} as="li">
              {() => (
                <li className={incident.due?.overdue ? 'overdue' : undefined}>
                  <div className="row-between">
                    <strong>{incident.title}</strong>
                    <Countdown incident={incident} now={now} />
                  </div>
                  <div className="muted">
                    {t('duty.inc.received', { at: plain(full(incident.receivedAtMs, zone)) })} {incident.location}
                  </div>
                  {incident.summary && <p>{incident.summary}</p>}
                  <ol className="report-chain">
                    {incident.reports.map((r) => (
                      <li key={r.id}>
                        {code('duty.inc.stage', r.stage)}（{code('duty.inc.mode', r.mode)}）{hm(r.atMs, zone)} → {r.reportedTo} · {r.reportedBy}
                      </li>
                    ))}
                  </ol>
                  {!incident.closedAtMs && <ReportForm incident={incident} reportTo={reportTo} />}
                </li>
              )}
            </StoredRow>
          ))}
        </ul>
      </section>

      <form className="card stack" onSubmit={open} aria-labelledby="new-incident-title">
        <h2 id="new-incident-title">{t('duty.inc.newTitle')}</h2>
        <label>
          {t('duty.inc.title')}
          <input name="title" required maxLength={100} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('duty.inc.location')}
          <input name="location" maxLength={200} value={location} onChange={(e) => setLocation(e.target.value)} />
        </label>
        <label>
          {t('duty.inc.summary')}
          <textarea name="summary" rows={3} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <EventPicker value={eventId} onChange={setEventId} emptyLabel={t('events.pickNone')} defaultToOpen testId="incident-event" />
        <button type="submit" className="primary">
          {t('duty.inc.open')}
        </button>
        <h3>{t('duty.inc.zeroHistory')}</h3>
        <ul className="changes">
          {data?.zeroReports.map((z) => (
            <li key={z.id}>
              {z.dutyDay} {hm(z.atMs, zone)} → {z.reportedTo} · {z.reportedBy}
            </li>
          ))}
        </ul>
      </form>
    </div>
  );
}
