import { z } from 'zod';
import { read, write } from './define';
import { zId, zInstant, zText } from './fields';
import { settingsSectionSchema, type Settings } from '../settings';

/**
 * Who reads the whole audit trail: those who answer for the records. It names every person and
 * every change, which a viewer (a leader's assistant, a visiting inspector) has no need to see.
 */
const AUDIT_READERS = ['admin', 'leader'] as const;

export interface SystemInfo {
  appVersion: string;
  schemaVersion: number;
  /** Where the data lives on disk: for administrators only (null for everyone else). */
  dataDir: string | null;
  databaseFile: string | null;
  demo: boolean;
  startedAtMs: number;
}

export interface DutyPerson {
  id: string;
  name: string;
  phone: string;
}

export interface ActiveWarningSummary {
  id: string;
  type: string;
  level: string;
  title: string;
  issuedAtMs: number;
}

/** What the status bar shows on every screen. Later domains fill their parts. */
export interface SystemStatus {
  nowMs: number;
  timeZone: string;
  dutyDay: string;
  dutyDayStart: string;
  unitName: string;
  /** Empty when none is set: readers fall back to `unitName`. */
  unitNameEn: string;
  /** Who writes are recorded as; the local operator of a desk without sign-in is named by the app, so in both languages. */
  operatorName: string;
  operatorNameEn: string;
  leaderOnDuty: DutyPerson | null;
  officersOnDuty: DutyPerson[];
  activeWarnings: ActiveWarningSummary[];
  responseLevel: number | null;
  /** The newest open event, with what its display name is composed from (core/domain/events/name.ts). */
  openEvent: Pick<EventRecord, 'id' | 'name' | 'nameEn' | 'kind' | 'typhoonYear' | 'typhoonNumber'> | null;
  overdueRectifications: number;
  integrity: IntegrityStatus;
}

/** The last full check of the database file (PRAGMA quick_check), run in the background. */
export interface IntegrityStatus {
  state: 'unchecked' | 'checking' | 'ok' | 'damaged';
  reason: 'start' | 'backup' | 'restore' | 'manual' | null;
  startedAtMs: number | null;
  checkedAtMs: number | null;
  /** The end of the newest check that found the file sound. */
  lastGoodMs: number | null;
  problem: string | null;
}

export interface EventRecord {
  id: string;
  name: string;
  nameEn: string;
  kind: EventKind;
  startedAtMs: number;
  endedAtMs: number | null;
  /** A typhoon's year and number (2023, 9 → 2309), both or neither; null on every other kind. */
  typhoonYear: number | null;
  typhoonNumber: number | null;
  notes: string;
  /** Row version for optimistic concurrency: send it back as `expectedVersion` when updating. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AuditRow {
  seq: number;
  atMs: number;
  actorId: string;
  actorName: string;
  method: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Where the audit hash chain first breaks, or its head to note down outside the file. */
export type AuditVerifyResult =
  | { ok: true; rows: number; headSeq: number | null; headHash: string }
  | { ok: false; rows: number; brokenSeq: number; reason: 'unsealed' | 'link' | 'hash' };

export const eventKinds = ['typhoon', 'rainstorm', 'flood', 'plum_rain', 'drill', 'other'] as const;
export type EventKind = (typeof eventKinds)[number];

const zTyphoonYear = z.number().int().min(1949).max(2200);
const zTyphoonNumber = z.number().int().min(1).max(99);

export const eventInput = z
  .object({
    name: zText(100).min(1),
    nameEn: zText(200).default(''),
    kind: z.enum(eventKinds).default('typhoon'),
    startedAtMs: zInstant,
    endedAtMs: zInstant.nullable().default(null),
    typhoonYear: zTyphoonYear.nullable().default(null),
    typhoonNumber: zTyphoonNumber.nullable().default(null),
    notes: zText(5000).default(''),
  })
  .refine((e) => e.endedAtMs === null || e.endedAtMs >= e.startedAtMs, {
    message: 'End must not be before start',
    path: ['endedAtMs'],
  });

export const systemContract = {
  'system.info': read<SystemInfo>()(z.object({}), 'App version, schema version and data location'),
  'system.status': read<SystemStatus>()(z.object({}), 'Duty day, who is on duty, active warnings, the integrity check: the status bar'),
  // A read: it changes no record, and whoever sees a warning on the desk may ask for a fresh check.
  'system.checkIntegrity': read<IntegrityStatus>()(z.object({}), 'Start a full check of the database file in the background; follow it in system.status'),
  // A read, although it appends to a file: it changes no record, and every role on the desk must be able to report.
  'system.logClientError': read<{ ok: true }>()(
    z.object({
      section: zText(100).min(1),
      message: zText(2000),
      stack: zText(16_000),
      method: zText(100).optional(),
      rowId: zText(200).optional(),
    }),
    'Write a screen part that failed to draw (section, error, component stack, the stored row behind it) to logs/renderer.log',
  ),
  'settings.get': read<Settings>()(z.object({}), 'All settings with defaults filled in'),
  'settings.update': write<Settings>()(
    z.object({ section: settingsSectionSchema, values: z.record(z.string(), z.unknown()) }),
    'Change one settings section; the merged section is validated as a whole',
  ),
  'events.list': read<EventRecord[]>()(
    z.object({ includeEnded: z.boolean().default(true) }),
    'Named events (typhoons, rainstorms) newest first',
  ),
  'events.create': write<EventRecord>()(eventInput, 'Open a named event'),
  'events.update': write<EventRecord>()(
    z.object({
      id: zId,
      patch: z
        .object({
          name: zText(100).min(1),
          nameEn: zText(200),
          kind: z.enum(eventKinds),
          startedAtMs: zInstant,
          endedAtMs: zInstant.nullable(),
          typhoonYear: zTyphoonYear.nullable(),
          typhoonNumber: zTyphoonNumber.nullable(),
          notes: zText(5000),
        })
        .partial(),
      /**
       * The `version` the caller read; a different stored version means someone else saved first (409,
       * nothing written). Required: a save without it would silently overwrite another desk's change.
       */
      expectedVersion: z.number().int().min(1),
    }),
    'Rename, re-date, number, annotate or close (endedAtMs) an event',
  ),
  'audit.list': read<{ rows: AuditRow[]; total: number }>()(
    z.object({
      entity: zText(50).optional(),
      entityId: zText(100).optional(),
      method: zText(100).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    'The audit trail, newest first',
    { access: AUDIT_READERS },
  ),
  'audit.verify': read<AuditVerifyResult>()(z.object({}), 'Recompute the audit hash chain: the first broken row, or the head hash', { access: AUDIT_READERS }),
};
