import { ValidationError } from '../../core/errors';
import { sectionSchema, type Settings } from '../../core/settings';
import type { OnlineConfig } from '../../core/contract/map';
import type { HandlerMap } from '../platform/context';
import { settingsRepo } from '../platform/settings.repo';

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
  };
}

/** What the audit trail keeps of the map settings: everything but the key, which is a credential. */
export function redacted(map: MapSettings): Omit<MapSettings, 'onlineKey'> & { onlineKey: string } {
  return { ...map, onlineKey: map.onlineKey ? '(set)' : '' };
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
    settingsRepo(ctx.db).write('map', after, ctx.nowIso);
    ctx.audit({ entity: 'settings', entityId: 'map', before: redacted(before), after: { ...redacted(after), keyChanged: after.onlineKey !== before.onlineKey } });
    return onlineConfigOf(after);
  },
} satisfies Pick<HandlerMap<'map'>, 'map.saveOnline'>;
