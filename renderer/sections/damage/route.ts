import { useEffect, useState } from 'react';

/** Sub-routes of the damage section, in the hash so the map popup and a duty log entry can link straight in. */
export type DamageRoute =
  | { view: 'list' }
  | { view: 'totals' }
  | { view: 'stats' }
  | { view: 'new' }
  | { view: 'fromEntry'; entryId: string }
  | { view: 'record'; id: string }
  | { view: 'correct'; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseDamageRoute(hash: string): DamageRoute {
  const [, a, b] = hash.replace(/^#\/?/, '').split('/');
  if (a === 'totals' || a === 'stats' || a === 'new') return { view: a };
  if (a === 'from' && b && UUID.test(b)) return { view: 'fromEntry', entryId: b };
  if (a && UUID.test(a)) return b === 'correct' ? { view: 'correct', id: a } : { view: 'record', id: a };
  return { view: 'list' };
}

export function damageHref(route: DamageRoute): string {
  switch (route.view) {
    case 'list':
      return '#/damage';
    case 'fromEntry':
      return `#/damage/from/${route.entryId}`;
    case 'record':
      return `#/damage/${route.id}`;
    case 'correct':
      return `#/damage/${route.id}/correct`;
    default:
      return `#/damage/${route.view}`;
  }
}

export function goDamage(route: DamageRoute): void {
  location.hash = damageHref(route);
}

export function useDamageRoute(): DamageRoute {
  const read = () => parseDamageRoute(location.hash.replace(/^#\/?damage/, ''));
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
