import { z } from 'zod';
import { read, write } from './define';
import { zCoordSystem, zId, zInstant, zLat, zLng, zText } from './fields';
import type { MapLayerData } from './map-layers';
import type { PhotoMeta } from './hazards-types';
import { DAMAGE_TYPE_IDS, QUANTITY_IDS, QUANTITY_MAX, type DamageTypeId } from '../domain/damage/catalogue';
import type { Quantities } from '../domain/damage/quantities';
import { DAMAGE_STATUSES, type DamageStatus, type VersionChange } from '../domain/damage/status';
import type { IndicatorTotal } from '../domain/damage/totals';
import { STAT_ROW_IDS, STAT_STAGES, type StageRefusal, type StatFigure, type StatStage } from '../domain/damage/statReport';

/** How the desk learned of the damage; every kind but the first two names the record it came from. */
export const damageSourceKinds = ['manual', 'map_point', 'hazard_point', 'log_entry', 'incident', 'inspection'] as const;
export type DamageSourceKind = (typeof damageSourceKinds)[number];

export interface DamageSource {
  kind: DamageSourceKind;
  id: string | null;
}

/** Where it happened, in WGS-84: a clicked point, a hazard point's place, or only words (an address from a call). */
export interface DamagePlace {
  name: string;
  hazardPointId: string | null;
  lat: number | null;
  lng: number | null;
}

/** One kept version of a record: figures as they stood, who wrote them and why. Never changed once written. */
export interface DamageVersion {
  id: string;
  recordId: string;
  version: number;
  change: VersionChange;
  status: DamageStatus;
  type: DamageTypeId;
  occurredAtMs: number;
  place: DamagePlace;
  quantities: Quantities;
  lossWan: number;
  description: string;
  /** Why a correction was made, or the verifier's note. */
  reason: string;
  recordedBy: string;
  recordedAtMs: number;
  verifiedBy: string | null;
  verifiedAtMs: number | null;
  createdAt: string;
  supersededAt: string | null;
}

/** A record as it stands: its current version's figures and the record's own facts. */
export interface DamageRecord extends Omit<DamageVersion, 'id' | 'recordId' | 'createdAt' | 'supersededAt'> {
  id: string;
  versionId: string;
  eventId: string;
  source: DamageSource;
  photoCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deletedBy: string | null;
  deleteReason: string | null;
}

export interface DamageDetail {
  record: DamageRecord;
  /** Every version, oldest first. */
  history: DamageVersion[];
  photos: PhotoMeta[];
}

export interface DamageTotals {
  eventId: string;
  atMs: number;
  /** Records counted (current at `atMs`, not removed). */
  records: number;
  indicators: IndicatorTotal[];
}

/** One line of the statistics quick report as drafted or as a kept version stated it. */
export interface StatRow extends StatFigure {
  /** The figure sent (in a draft: the computed one); null: a hand-entered row not yet entered. */
  reported: number | null;
  /** Why the figure sent differs from the computed one. */
  reason: string;
  /** A 核报 figure resting on damage records nobody has verified yet. */
  unverified: boolean;
}

export interface StatReportHeader {
  id: string;
  eventId: string;
  stage: StatStage;
  seq: number;
  asOfMs: number;
  description: string;
  createdBy: string;
  createdAt: string;
  /** Figures sent differently from what the records gave. */
  edits: number;
}

export interface StatDraft {
  eventId: string;
  asOfMs: number;
  stage: StatStage;
  rows: StatRow[];
  /** Damage records standing at `asOfMs`. */
  records: number;
  /** What the drafted description says besides the figures (core/domain/damage/statText.ts statDescription). */
  context: { eventName: { zh: string; en: string }; eventStartMs: number; shelters: string[]; timeZone: string };
  /** The versions kept so far, oldest first; the highest seq is what `damage.statSave` expects. */
  kept: StatReportHeader[];
  /** Why `stage` cannot be saved now (null: it can). */
  refusal: StageRefusal | null;
}

export interface StatReport {
  header: StatReportHeader;
  /** The figures as sent, with the records behind the damage ones as they stood at the version's as-of instant. */
  rows: StatRow[];
}

const zFigure = z.number().min(0).max(QUANTITY_MAX);
/** Only the catalogue's indicators; which ones a type may count is a rule (core/domain/damage/quantities.ts). */
const zQuantities = z.partialRecord(z.enum(QUANTITY_IDS), zFigure);

const zPlace = z
  .object({
    name: zText(200).default(''),
    hazardPointId: zId.nullable().default(null),
    lat: zLat.nullable().default(null),
    lng: zLng.nullable().default(null),
    /** Points copied from Gaode or Baidu are converted to WGS-84 before they are stored. */
    coordSystem: zCoordSystem.default('wgs84'),
  })
  .refine((p) => (p.lat === null) === (p.lng === null), { message: 'Latitude and longitude go together', path: ['lng'] });

const zSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['manual', 'map_point']) }),
  z.object({ kind: z.enum(['hazard_point', 'log_entry', 'incident', 'inspection']), id: zId }),
]);

const zExpectedVersion = z.number().int().min(1);

/** What a person states about the damage, whether typed from scratch or prefilled from a log entry. */
const figures = {
  type: z.enum(DAMAGE_TYPE_IDS),
  quantities: zQuantities.default({}),
  lossWan: zFigure.default(0),
  photoIds: z.array(zId).max(20).default([]),
  recordedBy: zText(50).optional(),
  /** A second record from the same log entry is refused unless the caller means it (two kinds of damage in one call). */
  allowSecond: z.boolean().default(false),
};

export const damageContract = {
  'damage.list': read<{ rows: DamageRecord[]; total: number }>()(
    z.object({
      eventId: zId.optional(),
      type: z.enum(DAMAGE_TYPE_IDS).optional(),
      status: z.enum(DAMAGE_STATUSES).optional(),
      text: zText(100).default(''),
      includeRemoved: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    'Damage records as they stand, newest first, filtered by event, type, status and text',
  ),
  'damage.get': read<DamageDetail>()(z.object({ id: zId }), 'One damage record with every version and its photos'),
  'damage.record': write<DamageRecord>()(
    z.object({
      eventId: zId,
      ...figures,
      occurredAtMs: zInstant.optional(),
      place: zPlace.prefault({}),
      description: zText(2000).default(''),
      source: zSource.default({ kind: 'manual' }),
    }),
    'Register damage (version 1, reported); photos are uploaded first with hazards.uploadPhoto',
  ),
  'damage.recordFromLogEntry': write<DamageRecord>()(
    z.object({
      entryId: zId,
      ...figures,
      /** Left out: the entry's event, else the open event. */
      eventId: zId.optional(),
      /** Left out: when the call came in. */
      occurredAtMs: zInstant.optional(),
      place: zPlace.optional(),
      /** Left out: what the caller said. */
      description: zText(2000).optional(),
    }),
    'Register damage from a duty log entry, prefilled from it and linked to it',
  ),
  'damage.correct': write<DamageRecord>()(
    z.object({
      id: zId,
      expectedVersion: zExpectedVersion,
      reason: zText(500).min(1),
      /** Only what changes; figures sent replace the record's figures as a whole. */
      patch: z.object({
        type: z.enum(DAMAGE_TYPE_IDS).optional(),
        quantities: zQuantities.optional(),
        lossWan: zFigure.optional(),
        occurredAtMs: zInstant.optional(),
        place: zPlace.optional(),
        description: zText(2000).optional(),
      }),
      photoIds: z.array(zId).max(20).default([]),
    }),
    'Correct a record: a new version with a reason supersedes the current one (status corrected)',
  ),
  'damage.verify': write<DamageRecord>()(
    z.object({ id: zId, expectedVersion: zExpectedVersion, verifiedBy: zText(50).optional(), note: zText(500).default('') }),
    'Mark the current figures as checked: a new version (status verified) naming who checked and when',
    // Checking figures before they go up the chain is for those who answer for the report.
    { access: ['admin', 'leader', 'duty_officer'] },
  ),
  'damage.remove': write<{ removed: true }>()(
    z.object({ id: zId, expectedVersion: zExpectedVersion, reason: zText(500).min(1) }),
    'Remove a record entered by mistake (kept with its versions, left out of every total)',
    { access: ['admin', 'leader', 'duty_officer'] },
  ),
  'damage.totals': read<DamageTotals>()(
    z.object({ eventId: zId, atMs: zInstant.optional() }),
    "An event's figure per statistics indicator as the register stood at an instant (default now), each with its records",
  ),
  'damage.statDraft': read<StatDraft>()(
    z.object({ eventId: zId, asOfMs: zInstant.optional(), stage: z.enum(STAT_STAGES).optional() }),
    "The statistics quick report drafted from an event's records as of an instant (default now), for a stage (default the next one)",
  ),
  'damage.statSave': write<StatReport>()(
    z.object({
      eventId: zId,
      stage: z.enum(STAT_STAGES),
      asOfMs: zInstant,
      /** The highest seq the desk saw (0: none yet); another desk's version saved since is a conflict. */
      expectedSeq: z.number().int().min(0),
      description: zText(8000).default(''),
      /** Rows left out are sent as computed. */
      figures: z
        .array(z.object({ row: z.enum(STAT_ROW_IDS), value: z.number().min(0).max(1e9).nullable(), reason: zText(300).default('') }))
        .max(STAT_ROW_IDS.length)
        .default([]),
    }),
    'Keep a version of the statistics quick report (初报, 续报 or 核报); figures are recomputed from the records and an edited one needs a reason',
  ),
  'damage.statReports': read<StatReportHeader[]>()(z.object({ eventId: zId }), "An event's kept statistics report versions, oldest first"),
  'damage.statReport': read<StatReport>()(z.object({ id: zId }), 'One kept statistics report version with its figures and edits'),
  'damage.mapLayer': read<MapLayerData>()(z.object({ eventId: zId.optional() }), "An event's damage as map points (default the open event)"),
};
