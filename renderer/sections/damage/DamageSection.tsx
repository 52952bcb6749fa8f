import '../hazards/hazards.css';
import './damage.css';
import './damageStats.css';
import { useT, type TKey } from '../../i18n';
import { CorrectForm } from './CorrectForm';
import { EventSelect, useDamageEvent } from './EventSelect';
import { RecordDetail } from './RecordDetail';
import { RecordForm } from './RecordForm';
import { RecordList } from './RecordList';
import { damageHref, useDamageRoute, type DamageRoute } from './route';
import { StatsView } from './StatsView';
import { Totals } from './Totals';

const TABS: { view: 'list' | 'totals' | 'stats' | 'new'; label: TKey }[] = [
  { view: 'list', label: 'damage.tab.list' },
  { view: 'totals', label: 'damage.tab.totals' },
  { view: 'stats', label: 'damage.tab.stats' },
  { view: 'new', label: 'damage.tab.new' },
];

function Page({ route, eventId }: { route: DamageRoute; eventId: string | null }) {
  switch (route.view) {
    case 'new':
      return <RecordForm key="new" entryId={null} />;
    case 'fromEntry':
      return <RecordForm key={route.entryId} entryId={route.entryId} />;
    case 'record':
      return <RecordDetail id={route.id} />;
    case 'correct':
      return <CorrectForm id={route.id} />;
    case 'totals':
      return eventId ? <Totals eventId={eventId} /> : null;
    case 'stats':
      return eventId ? <StatsView key={eventId} eventId={eventId} /> : null;
    default:
      return eventId ? <RecordList eventId={eventId} /> : null;
  }
}

/** The damage register (灾情登记): records per event, their versions, and the event's totals. */
export default function DamageSection() {
  const t = useT();
  const route = useDamageRoute();
  const eventId = useDamageEvent((s) => s.eventId);
  const active = route.view === 'fromEntry' ? 'new' : route.view === 'record' || route.view === 'correct' ? 'list' : route.view;
  return (
    <section className="panel hz dmg" data-view={route.view}>
      <div className={route.view === 'stats' ? 'hz-head no-print' : 'hz-head'}>
        <h1>{t('damage.nav')}</h1>
        <nav aria-label={t('damage.tabs')}>
          <ul className="hz-tabs">
            {TABS.map((tab) => (
              <li key={tab.view}>
                <a href={damageHref({ view: tab.view })} aria-current={active === tab.view ? 'page' : undefined} data-tab={tab.view}>
                  {t(tab.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {(route.view === 'list' || route.view === 'totals' || route.view === 'stats') && <EventSelect />}
      </div>
      <Page route={route} eventId={eventId} />
    </section>
  );
}
