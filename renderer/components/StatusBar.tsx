import { useEffect, useState } from 'react';
import { ROMAN } from '../../core/domain/duty/warnings';
import { plain, safeDate, safeEnumLabel, tableLabels } from '../format/safe';
import { useT } from '../i18n';
import { warningLabel } from '../format/warning';
import { useStatus } from '../store/status';
import { useUi } from '../store/ui';
import { useEventName } from './EventPicker';
import { IntegrityPill } from './IntegrityPill';
import './StatusBar.css';

const STATUS_REFRESH_MS = 30_000;

function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Always on screen: the duty day, who is on duty, warnings in force, and the local time. */
export function StatusBar() {
  const t = useT();
  const { status, offline, refresh } = useStatus();
  const go = useUi((state) => state.go);
  const now = useClock();
  const nameOf = useEventName();
  const eventName = status?.openEvent ? nameOf(status.openEvent) : '';

  useEffect(() => {
    refresh();
    const timer = setInterval(() => refresh({ background: true }), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const zone = status?.timeZone;
  return (
    <footer className="status-bar" aria-label={t('status.dutyDay')}>
      {offline && <span className="pill danger">{t('status.offline')}</span>}
      {status?.integrity && <IntegrityPill integrity={status.integrity} />}
      <span>
        {t('status.dutyDay')} <strong data-testid="duty-day">{status?.dutyDay ?? '—'}</strong>
        <small> ({status?.dutyDayStart ?? '08:00'})</small>
      </span>
      <span className="status-leader" title={status?.leaderOnDuty ? `${status.leaderOnDuty.name} ${status.leaderOnDuty.phone}` : undefined}>
        {t('status.leader')} <strong data-testid="leader-on-duty">{status?.leaderOnDuty ? `${status.leaderOnDuty.name} ${status.leaderOnDuty.phone}` : t('status.none')}</strong>
      </span>
      {status && status.officersOnDuty.length > 0 && (
        <span className="status-officers" title={status.officersOnDuty.map((p) => p.name).join(t('common.listSep'))}>
          {t('status.officers')} <strong>{status.officersOnDuty.map((p) => p.name).join(t('common.listSep'))}</strong>
        </span>
      )}
      <span className="status-warnings" data-testid="active-warnings">
        {status && status.activeWarnings.length > 0 ? (
          status.activeWarnings.map((w) => (
            <button type="button" key={w.id} className={`pill warning-${w.level}`} onClick={() => go('duty')} title={warningLabel(t, { ...w, colour: w.level })}>
              {warningLabel(t, { ...w, colour: w.level })}
            </button>
          ))
        ) : (
          <span className="muted">{t('status.noWarnings')}</span>
        )}
      </span>
      {status?.responseLevel != null && (
        <span className="pill danger">
          {t('status.response')} {t('status.responseLevel', { level: plain(safeEnumLabel(status.responseLevel, tableLabels(ROMAN))) })}
        </span>
      )}
      {status?.openEvent && (
        // A link, so the event's page is one click (or Tab, Enter) from anywhere; shortened, never wrapped.
        <a href="#/duty/events" className="status-event" title={`${eventName} · ${t('events.statusLink')}`} data-testid="status-event">
          {t('status.event')} <strong>{eventName}</strong>
        </a>
      )}
      {status != null && status.overdueRectifications > 0 && (
        <button type="button" className="pill danger" onClick={() => go('hazards')}>
          {t('status.overdue')} {status.overdueRectifications}
        </button>
      )}
      <span className="status-clock" aria-label={t('status.clock')} data-testid="clock">
        {zone ? safeDate(now, 'yyyy-MM-dd HH:mm:ss', zone) : '—'}
      </span>
    </footer>
  );
}
