import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT, type TKey } from '../../i18n';
import { DUTY_TABS, tabFromHash, type DutyTab } from './store';
import { LogTab } from './LogTab';
import './duty.css';
import './dutyDesk.css';
import './dutyRota.css';

// The log is the night's fast path and loads with the section; the other tabs load when opened.
const PANELS: Record<Exclude<DutyTab, 'log'>, ReturnType<typeof lazy>> = {
  events: lazy(() => import('./EventsTab')),
  rota: lazy(() => import('./RotaTab')),
  warnings: lazy(() => import('./WarningsTab')),
  handover: lazy(() => import('./HandoverTab')),
  equipment: lazy(() => import('./EquipmentTab')),
  incidents: lazy(() => import('./IncidentsTab')),
  people: lazy(() => import('./PeopleTab')),
  settings: lazy(() => import('./SettingsTab')),
};

const LABELS: Record<DutyTab, TKey> = {
  log: 'duty.tab.log',
  events: 'events.tab',
  rota: 'duty.tab.rota',
  warnings: 'duty.tab.warnings',
  handover: 'duty.tab.handover',
  equipment: 'duty.tab.equipment',
  incidents: 'duty.tab.incidents',
  people: 'duty.tab.people',
  settings: 'duty.tab.settings',
};

function useDutyTab(): [DutyTab, (tab: DutyTab) => void] {
  const [tab, setTab] = useState<DutyTab>(() => tabFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setTab(tabFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: DutyTab) => {
    setTab(next);
    history.replaceState(null, '', `#/duty/${next}`);
  };
  return [tab, go];
}

export default function DutySection() {
  const t = useT();
  const [tab, go] = useDutyTab();
  const refs = useRef<Partial<Record<DutyTab, HTMLButtonElement | null>>>({});

  // Arrow keys move between tabs, as in any tab strip.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = DUTY_TABS[(DUTY_TABS.indexOf(tab) + step + DUTY_TABS.length) % DUTY_TABS.length];
    go(next);
    refs.current[next]?.focus();
  };

  const Panel = tab === 'log' ? LogTab : PANELS[tab];
  return (
    <section className="panel duty">
      <h1 className="no-print">{t('nav.duty')}</h1>
      <div role="tablist" aria-label={t('nav.duty')} className="duty-tabs no-print" onKeyDown={onKeyDown}>
        {DUTY_TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              refs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`duty-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="duty-panel"
            tabIndex={tab === name ? 0 : -1}
            data-tab={name}
            onClick={() => go(name)}
          >
            {t(LABELS[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="duty-panel" aria-labelledby={`duty-tab-${tab}`} data-duty-tab={tab}>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <Panel />
        </Suspense>
      </div>
    </section>
  );
}
