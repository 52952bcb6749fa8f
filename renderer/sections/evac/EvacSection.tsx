import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useT, type TKey } from '../../i18n';
import { EventPicker } from '../../components/EventPicker';
import { Dashboard } from './Dashboard';
import { MoveForm } from './MoveForm';
import { People } from './People';
import { Shelters } from './Shelters';
import './evac.css';

const TABS = ['dashboard', 'move', 'people', 'shelters'] as const;
type Tab = (typeof TABS)[number];

/** `#/evac/people/<event id>` opens an event's people list: the statistics report links its evacuation figures here. */
function linkedEvent(): string | null {
  return /^#\/evac\/people\/([0-9a-f-]{36})$/i.exec(location.hash)?.[1] ?? null;
}

export default function EvacSection() {
  const t = useT();
  const events = useQuery('events.list', { includeEnded: true });
  const [eventId, setEventId] = useState<string>(() => linkedEvent() ?? '');
  const [tab, setTab] = useState<Tab>(() => (linkedEvent() ? 'people' : 'dashboard'));
  // Every change bumps this, so the other tabs reload what they show.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  return (
    <section className="panel stack evac">
      <div className="evac-head">
        <h1>{t('evac.title')}</h1>
        <EventPicker className="evac-event" label={t('evac.event')} value={eventId || null} onChange={(id) => setEventId(id ?? '')} defaultToOpen testId="evac-event" />
      </div>
      <div role="tablist" className="evac-tabs no-print" aria-label={t('evac.title')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`evac-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`evac-panel-${name}`}
            className={tab === name ? 'primary' : undefined}
            onClick={() => setTab(name)}
            data-testid={`evac-tab-${name}`}
          >
            {t(`evac.tab.${name}` as TKey)}
          </button>
        ))}
      </div>
      {events.data && !events.data.length && <p className="muted">{t('evac.noEvent')}</p>}
      <div role="tabpanel" id={`evac-panel-${tab}`} aria-labelledby={`evac-tab-${tab}`}>
        {tab === 'shelters' && <Shelters version={version} onChange={changed} />}
        {eventId && tab === 'dashboard' && <Dashboard eventId={eventId} version={version} />}
        {eventId && tab === 'move' && <MoveForm eventId={eventId} version={version} onChange={changed} />}
        {eventId && tab === 'people' && <People eventId={eventId} version={version} onChange={changed} />}
      </div>
    </section>
  );
}
