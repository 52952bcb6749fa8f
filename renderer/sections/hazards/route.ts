import { useEffect, useState } from 'react';

/** Sub-routes inside the hazards section, all in the hash so the map can link straight to a point or its inspection. */
export type HazardRoute =
  | { view: 'list' }
  | { view: 'today' }
  | { view: 'new' }
  | { view: 'point'; id: string }
  | { view: 'edit'; id: string }
  | { view: 'inspect'; id: string }
  | { view: 'rects' }
  | { view: 'rect'; id: string }
  | { view: 'notice'; id: string }
  | { view: 'patrols' }
  | { view: 'patrol'; id: string }
  | { view: 'summary' }
  | { view: 'import' }
  | { view: 'templates' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TABS = ['today', 'rects', 'patrols', 'summary', 'import', 'templates', 'new'] as const;

export function parseHazardRoute(hash: string): HazardRoute {
  const [, a, b, c] = hash.replace(/^#\/?/, '').split('/');
  if (!a) return { view: 'list' };
  if (a === 'rect' && b && UUID.test(b)) return c === 'notice' ? { view: 'notice', id: b } : { view: 'rect', id: b };
  if (a === 'patrols' && b && UUID.test(b)) return { view: 'patrol', id: b };
  if ((TABS as readonly string[]).includes(a)) return { view: a } as HazardRoute;
  if (UUID.test(a)) return b === 'inspect' ? { view: 'inspect', id: a } : b === 'edit' ? { view: 'edit', id: a } : { view: 'point', id: a };
  return { view: 'list' };
}

export function hazardHref(route: HazardRoute): string {
  switch (route.view) {
    case 'list':
      return '#/hazards';
    case 'point':
      return `#/hazards/${route.id}`;
    case 'edit':
    case 'inspect':
      return `#/hazards/${route.id}/${route.view}`;
    case 'rect':
      return `#/hazards/rect/${route.id}`;
    case 'notice':
      return `#/hazards/rect/${route.id}/notice`;
    case 'patrol':
      return `#/hazards/patrols/${route.id}`;
    default:
      return `#/hazards/${route.view}`;
  }
}

export function goHazards(route: HazardRoute): void {
  location.hash = hazardHref(route);
}

export function useHazardRoute(): HazardRoute {
  const [route, setRoute] = useState(() => parseHazardRoute(location.hash.replace(/^#\/?hazards/, '')));
  useEffect(() => {
    const onHash = () => setRoute(parseHazardRoute(location.hash.replace(/^#\/?hazards/, '')));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
