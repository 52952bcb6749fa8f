import { NotFound } from '../../core/errors';
import { damageTotals, latestVersionsAt } from '../../core/domain/damage/totals';
import type { PhotoMeta } from '../../core/contract/hazards-types';
import type { HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { photoById } from '../hazards';
import { damageRepo } from './records.repo';
import { damageLayerOf, damageMapLayer } from './map-layer';
import { mustGet } from './common';

type ReadMethods = 'damage.list' | 'damage.get' | 'damage.totals' | 'damage.mapLayer';

export const damageReadHandlers = {
  'damage.list': (ctx, filter) => damageRepo(ctx.db).list(filter),

  'damage.get': (ctx, { id }) => {
    const record = mustGet(ctx, id);
    const repo = damageRepo(ctx.db);
    // A photo removed from the store since is left out rather than shown broken.
    const photos = repo.photoIds(id).flatMap((photoId): PhotoMeta[] => {
      const photo = photoById(ctx.db, photoId);
      return photo ? [photo] : [];
    });
    return { record, history: repo.history(id), photos };
  },

  'damage.totals': (ctx, { eventId, atMs = ctx.nowMs }) => {
    if (!eventsRepo(ctx.db).get(eventId)) throw new NotFound('event', eventId);
    const repo = damageRepo(ctx.db);
    const versions = repo.figuresOfEvent(eventId);
    const removed = repo.removedOfEvent(eventId);
    return { eventId, atMs, records: latestVersionsAt(versions, removed, atMs).length, indicators: damageTotals(versions, removed, atMs) };
  },

  'damage.mapLayer': (ctx, { eventId }) => {
    if (eventId === undefined) return damageMapLayer(ctx);
    if (!eventsRepo(ctx.db).get(eventId)) throw new NotFound('event', eventId);
    return damageLayerOf(ctx, eventId);
  },
} satisfies Pick<HandlerMap<'damage'>, ReadMethods>;
