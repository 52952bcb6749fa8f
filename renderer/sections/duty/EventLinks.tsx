import { ROMAN } from '../../../core/domain/duty/warnings';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain, safeEnumLabel, tableLabels, useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { full, useZone } from './format';
import { useDutyQuery } from './store';

/** The warnings and response levels recorded under one event: its course, oldest first. */
export function EventLinks({ eventId }: { eventId: string }) {
  const t = useT();
  const code = useCodeLabel();
  const zone = useZone();
  const links = useDutyQuery('duty.eventLinks', { eventId }).data;
  const empty = links && !links.warnings.length && !links.responses.length;
  return (
    <section className="card event-links" aria-labelledby="event-links-title" data-testid="event-links">
      <h2 id="event-links-title">{t('events.linked')}</h2>
      {empty && <p className="muted">{t('events.linkedNone')}</p>}
      {links && links.warnings.length > 0 && (
        <>
          <h3>{t('events.warnings')}</h3>
          <ul className="event-link-list">
            {links.warnings.map((w) => (
              <StoredRow key={w.id} method="duty.eventLinks" rowId={w.id} as="li">
                {() => (
                  <li>
                    <span className={`pill warning-${w.colour}`}>
                      {code('duty.warn.type', w.type)} {code('duty.warn.colour', w.colour)}
                    </span>{' '}
                    {full(w.issuedAtMs, zone)} · {w.issuedBy} ·{' '}
                    {w.liftedAtMs === null ? <strong>{t('events.inForce')}</strong> : t('events.lifted', { at: plain(full(w.liftedAtMs, zone)) })}
                  </li>
                )}
              </StoredRow>
            ))}
          </ul>
        </>
      )}
      {links && links.responses.length > 0 && (
        <>
          <h3>{t('events.responses')}</h3>
          <ul className="event-link-list">
            {links.responses.map((r) => (
              <StoredRow key={r.id} method="duty.eventLinks" rowId={r.id} as="li">
                {() => (
                  <li>
                    <span className="pill danger">{t('events.responseLevel', { level: plain(safeEnumLabel(r.level, tableLabels(ROMAN))) })}</span>{' '}
                    {full(r.declaredAtMs, zone)} · {r.declaredBy} ·{' '}
                    {r.liftedAtMs === null ? <strong>{t('events.inForce')}</strong> : t('events.lifted', { at: plain(full(r.liftedAtMs, zone)) })}
                  </li>
                )}
              </StoredRow>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
