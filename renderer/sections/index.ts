import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TKey } from '../i18n';
import type { Section } from '../store/ui';

interface SectionEntry {
  label: TKey;
  component: LazyExoticComponent<ComponentType>;
}

/** Each section loads on first visit, so the duty screen opens without the map's weight. */
export const SECTION_ENTRIES: Record<Section, SectionEntry> = {
  duty: { label: 'nav.duty', component: lazy(() => import('./duty/DutySection')) },
  hazards: { label: 'nav.hazards', component: lazy(() => import('./hazards/HazardsSection')) },
  evac: { label: 'nav.evac', component: lazy(() => import('./evac/EvacSection')) },
  damage: { label: 'damage.nav', component: lazy(() => import('./damage/DamageSection')) },
  rain: { label: 'nav.rain', component: lazy(() => import('./rain/RainSection')) },
  map: { label: 'nav.map', component: lazy(() => import('./map/MapSection')) },
  reports: { label: 'nav.reports', component: lazy(() => import('./reports/ReportsSection')) },
  settings: { label: 'nav.settings', component: lazy(() => import('./settings/SettingsSection')) },
};
