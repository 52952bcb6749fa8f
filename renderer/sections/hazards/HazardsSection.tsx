import './hazards.css';
import './print.css';
import './hazards-more.css';
import { useT, type TKey } from '../../i18n';
import { useStatus } from '../../store/status';
import { hazardHref, useHazardRoute, type HazardRoute } from './route';
import { PointList } from './PointList';
import { PointForm } from './PointForm';
import { PointDetail } from './PointDetail';
import { InspectForm } from './InspectForm';
import { RectList, RectDetail } from './Rectifications';
import { Notice } from './Notice';
import { Patrols, PatrolRun } from './Patrols';
import { Today } from './Today';
import { Summary } from './Summary';
import { ImportExport } from './ImportExport';
import { Templates } from './Templates';

const TABS: { view: HazardRoute['view']; label: TKey }[] = [
  { view: 'today', label: 'hazards.tab.today' },
  { view: 'list', label: 'hazards.tab.register' },
  { view: 'rects', label: 'hazards.tab.rects' },
  { view: 'patrols', label: 'hazards.tab.patrols' },
  { view: 'summary', label: 'hazards.tab.summary' },
  { view: 'import', label: 'hazards.tab.import' },
  { view: 'templates', label: 'hazards.tab.templates' },
];

/** Which tab a sub-page belongs to, so the tab bar always shows where the user is. */
const PARENT: Partial<Record<HazardRoute['view'], HazardRoute['view']>> = { new: 'list', point: 'list', edit: 'list', inspect: 'list', rect: 'rects', notice: 'rects', patrol: 'patrols' };

function Page({ route }: { route: HazardRoute }) {
  switch (route.view) {
    case 'today':
      return <Today />;
    case 'new':
      return <PointForm id={null} />;
    case 'point':
      return <PointDetail id={route.id} />;
    case 'edit':
      return <PointForm id={route.id} />;
    case 'inspect':
      return <InspectForm pointId={route.id} />;
    case 'rects':
      return <RectList />;
    case 'rect':
      return <RectDetail id={route.id} />;
    case 'notice':
      return <Notice id={route.id} />;
    case 'patrols':
      return <Patrols />;
    case 'patrol':
      return <PatrolRun routeId={route.id} />;
    case 'summary':
      return <Summary />;
    case 'import':
      return <ImportExport />;
    case 'templates':
      return <Templates />;
    default:
      return <PointList />;
  }
}

export default function HazardsSection() {
  const t = useT();
  const route = useHazardRoute();
  const overdue = useStatus((s) => s.status?.overdueRectifications ?? 0);
  const active = PARENT[route.view] ?? route.view;
  return (
    <section className="panel hz" data-view={route.view}>
      <div className="hz-head no-print">
        <h1>{t('nav.hazards')}</h1>
        <nav aria-label={t('hazards.tabs')}>
          <ul className="hz-tabs">
            {TABS.map((tab) => (
              <li key={tab.view}>
                <a href={hazardHref({ view: tab.view } as HazardRoute)} aria-current={active === tab.view ? 'page' : undefined} data-tab={tab.view}>
                  {t(tab.label)}
                  {tab.view === 'rects' && overdue > 0 && (
                    <span className="pill danger hz-count" data-testid="hz-overdue-count" title={t('status.overdue')}>
                      {overdue}
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Page route={route} />
    </section>
  );
}
