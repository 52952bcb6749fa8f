import { Conflict, NotFound, ValidationError } from '../../core/errors';
import { toWgs84 } from '../../core/domain/geo/coords';
import { formatLocal } from '../../core/time';
import type { DamagePlace, DamageRecord, DamageSource } from '../../core/contract/damage';
import type { ParsedInputOf } from '../../core/contract';
import type { DamageTypeId } from '../../core/domain/damage/catalogue';
import { quantityIssues, type Quantities } from '../../core/domain/damage/quantities';
import type { HandlerContext } from '../platform/context';
import { currentLogEntry, incidentById } from '../duty';
import { inspectionById, photoById, pointsRepo } from '../hazards';
import { damageRepo } from './records.repo';

export type PlaceInput = NonNullable<ParsedInputOf<'damage.recordFromLogEntry'>['place']>;

const EMPTY_PLACE: DamagePlace = { name: '', hazardPointId: null, lat: null, lng: null };

/** Six decimals is about 0.1 m, as the other layers store points. */
const coord = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

export function mustGet(ctx: HandlerContext, id: string): DamageRecord {
  const record = damageRepo(ctx.db).current(id);
  if (!record) throw new NotFound('damage_record', id);
  return record;
}

/** A removed record keeps its history but takes no further versions. */
export function mustStand(ctx: HandlerContext, id: string): DamageRecord {
  const record = mustGet(ctx, id);
  if (record.deletedAt !== null) throw new Conflict('errors.damage.removed', 'This damage record was removed; it cannot be changed', { id });
  return record;
}

/**
 * The source must exist (a typo'd id would leave a link to nothing); what it knows of the place
 * fills the place where the caller left it open: a hazard point's position, an inspection's
 * point, an incident's location words.
 */
export function placeFromSource(ctx: HandlerContext, source: DamageSource): Partial<DamagePlace> {
  if (source.id === null) return {};
  switch (source.kind) {
    case 'hazard_point': {
      const point = pointsRepo(ctx.db).get(source.id);
      if (!point) throw new NotFound('hazard_point', source.id);
      return { hazardPointId: point.id };
    }
    case 'inspection': {
      const inspection = inspectionById(ctx.db, source.id);
      if (!inspection) throw new NotFound('hazard_inspection', source.id);
      return { hazardPointId: inspection.pointId };
    }
    case 'incident': {
      const incident = incidentById(ctx.db, source.id);
      if (!incident) throw new NotFound('duty_incident', source.id);
      return { name: incident.location };
    }
    case 'log_entry':
      if (!currentLogEntry(ctx.db, source.id)) throw new NotFound('duty_log_entry', source.id);
      return {};
    default:
      return {};
  }
}

/**
 * The place as stored, in WGS-84: what the caller gave, then what the source knows; a hazard point
 * with no position given puts the damage at the point (copied, so moving the point later does
 * not move where the damage was).
 */
export function resolvePlace(ctx: HandlerContext, input: PlaceInput | undefined, fallback: Partial<DamagePlace>): DamagePlace {
  const place = { ...EMPTY_PLACE, name: input?.name || fallback.name || '', hazardPointId: input?.hazardPointId ?? fallback.hazardPointId ?? null };
  if (input && input.lat !== null && input.lng !== null) {
    const wgs = toWgs84(input.lat, input.lng, input.coordSystem);
    place.lat = coord(wgs.lat);
    place.lng = coord(wgs.lng);
  }
  if (place.hazardPointId !== null) {
    const point = pointsRepo(ctx.db).get(place.hazardPointId);
    if (!point) throw new NotFound('hazard_point', place.hazardPointId);
    if (!place.name) place.name = point.name;
    if (place.lat === null) {
      place.lat = point.lat;
      place.lng = point.lng;
    }
  }
  return place;
}

/** Every problem with the figures at once, as plain field issues the form can place. */
export function assertFigures(type: DamageTypeId, quantities: Quantities, lossWan: number): void {
  const issues = quantityIssues(type, quantities, lossWan);
  if (issues.length) {
    throw new ValidationError(
      'errors.damage.figures',
      `The figures have ${issues.length} problem(s): ${issues.map((i) => i.en).join('; ')}`,
      { count: issues.length },
      issues.map((i) => ({ path: i.path, message: i.en, messageZh: i.zh })),
    );
  }
}

/** Damage is recorded after it happens; a time well ahead of the clock is a wrong day or hour. */
export function assertNotFuture(ctx: HandlerContext, ms: number): void {
  const { duty, general } = ctx.settings();
  if (ms > ctx.nowMs + duty.futureToleranceMinutes * 60_000) {
    const when = formatLocal(ms, 'yyyy-MM-dd HH:mm', general.timeZone);
    throw new ValidationError('errors.damage.inFuture', `The damage time ${when} is in the future`, { when });
  }
}

/** Links fresh uploads to the record; a photo already showing another record is refused, not moved. */
export function linkPhotos(ctx: HandlerContext, recordId: string, version: number, photoIds: readonly string[]): void {
  const repo = damageRepo(ctx.db);
  for (const photoId of new Set(photoIds)) {
    const photo = photoById(ctx.db, photoId);
    if (!photo) throw new NotFound('hazard_photo', photoId);
    if (photo.ownerKind !== 'upload' || repo.photoLinked(photoId)) {
      throw new Conflict('errors.damage.photoTaken', 'This photo already belongs to another record', { name: photo.originalName || photoId });
    }
    repo.linkPhoto(photoId, recordId, version, ctx.nowIso);
  }
}
