import { isIP } from 'node:net';
import { ValidationError } from '../../core/errors';
import { sectionSchema, type Settings } from '../../core/settings';
import type { OnlineConfig } from '../../core/contract/map';
import type { HandlerMap } from '../platform/context';
import { settingsRepo } from '../platform/settings.repo';
import { onlineSource, onlineTileUrl } from './online-tiles';
import { hostOf, isPublicAddress } from './upstream';

type MapSettings = Settings['map'];

export function onlineConfigOf(map: MapSettings): OnlineConfig {
  return {
    url: map.onlineUrl,
    subdomains: map.onlineSubdomains,
    keySet: map.onlineKey !== '',
    attribution: map.onlineAttribution,
    maxZoom: map.onlineMaxZoom,
    coordSystem: map.onlineCoordSystem,
    tileCacheMb: map.tileCacheMb,
    intranetHosts: map.onlineIntranetHosts,
  };
}

/** What the audit trail keeps of the map settings: everything but the key, which is a credential. */
export function redacted(map: MapSettings): Omit<MapSettings, 'onlineKey'> & { onlineKey: string } {
  return { ...map, onlineKey: map.onlineKey ? '(set)' : '' };
}

/** The host the first tile would come from, or null when the template cannot be filled in yet. */
function sampleTileHost(map: MapSettings): string | null {
  const source = onlineSource({ ...map, onlineKey: map.onlineKey || 'key' });
  const url = source && onlineTileUrl(source, 0, 0, 0);
  return url ? hostOf(new URL(url)) : null;
}

export const mapOnlineHandlers = {
  'map.saveOnline': (ctx, input) => {
    const before = ctx.settings().map;
    const merged = sectionSchema('map').safeParse({
      ...before,
      onlineUrl: input.url,
      onlineSubdomains: input.subdomains,
      onlineKey: input.key ?? before.onlineKey,
      onlineAttribution: input.attribution,
      onlineMaxZoom: input.maxZoom,
      onlineCoordSystem: input.coordSystem,
      tileCacheMb: input.tileCacheMb,
      onlineIntranetHosts: input.intranetHosts ?? before.onlineIntranetHosts,
    });
    if (!merged.success) {
      const issues = merged.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, messageZh: issue.message }));
      throw new ValidationError('errors.map.onlineUrl', `Invalid online tile settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, undefined, issues);
    }
    const after = merged.data;
    if (after.onlineUrl.includes('{s}') && after.onlineSubdomains === '') {
      throw new ValidationError('errors.map.onlineSubdomains', 'The URL contains {s}: give the subdomains, e.g. 01234567 or abc');
    }
    if (after.onlineUrl.includes('{key}') && after.onlineKey === '') {
      throw new ValidationError('errors.map.onlineKeyMissing', 'The URL contains {key}: enter the key');
    }
    const host = sampleTileHost(after);
    if (host !== null && !after.onlineIntranetHosts.includes(host) && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && !isPublicAddress(host)))) {
      throw new ValidationError('errors.map.onlinePrivateHost', `${host} is an address of the local network: name it as an intranet tile server to use it`, { host });
    }
    settingsRepo(ctx.db).write('map', after, ctx.nowIso);
    ctx.audit({ entity: 'settings', entityId: 'map', before: redacted(before), after: { ...redacted(after), keyChanged: after.onlineKey !== before.onlineKey } });
    return onlineConfigOf(after);
  },
} satisfies Pick<HandlerMap<'map'>, 'map.saveOnline'>;
