import { z } from 'zod';
import { read, write } from './define';
import type { MethodDef } from './define';
import { localDate, zId, zInstant, zLat, zLng, zText } from './fields';
import type { RowError } from '../domain/rain/csv';
import type { RainGrade, SignalColour } from '../domain/rain/grades';
import type { RollingKey } from '../domain/rain/sums';
import type { WaterStatus } from '../domain/rain/water';
import type { SummarySentence } from '../domain/rain/summary';
import { PACKED_FIELDS } from '../domain/rain/packed';

export type StationType = 'rain' | 'water';

export interface StationRecord {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  type: StationType;
  lat: number | null;
  lng: number | null;
  source: string;
  warningM: number | null;
  guaranteeM: number | null;
  floodLimitM: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** Row version for optimistic concurrency: send it back as `expectedVersion` when updating. */
  version: number;
}

export interface RollingCell {
  totalMm: number | null;
  complete: boolean;
}

/** One line of the station table: latest figures at the instant asked for. */
export interface StationOverview {
  station: StationRecord;
  /** end of the newest reading with data at or before the instant */
  lastEndMs: number | null;
  stale: boolean;
  rolling: Record<RollingKey, RollingCell> | null;
  grade24: RainGrade | null;
  grade12: RainGrade | null;
  signal: SignalColour | null;
  /** water gauges */
  levelM: number | null;
  waterStatus: WaterStatus | null;
  overWarningM: number | null;
}

export interface RainOverview {
  atMs: number;
  stations: StationOverview[];
  /** mean of complete stations per window */
  area: Record<RollingKey, { meanMm: number | null; stationsUsed: number; stationsTotal: number }>;
}

export interface SeriesPoint {
  endMs: number;
  value: number | null;
  /** rain: the hour was fully measured; otherwise the bar is a lower bound (or null) */
  complete: boolean;
}

export interface StationSeriesOut {
  station: StationRecord;
  fromMs: number;
  toMs: number;
  /** rain: hourly totals (null = not fully covered); water: the level readings */
  points: SeriesPoint[];
  /** rain: running total of the hourly bars */
  cumulativeMm: number[];
}

export interface ReadingOutcome {
  outcome: 'inserted' | 'replaced' | 'unchanged' | 'kept_existing';
  endMs: number;
  value: number | null;
  /** how the slot was settled when a copy was already there */
  rule: string | null;
}

export interface ImportBatch {
  id: string;
  kind: 'file' | 'manual';
  source: string;
  fileHash: string;
  status: 'staging' | 'committed' | 'cancelled';
  rowsRead: number;
  readings: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  duplicates: number;
  skippedRows: number;
  errorRows: number;
  warningRows: number;
  actorName: string;
  createdAt: string;
  committedAt: string | null;
}

export interface DuplicateRecord {
  stationCode: string;
  endMs: number;
  intervalMinutes: number;
  keptValue: number | null;
  droppedValue: number | null;
  kept: 'existing' | 'incoming';
  rule: string;
  conflict: boolean;
}

export interface SignalSuggestion {
  id: string;
  stationId: string;
  stationName: string;
  colour: SignalColour;
  window: RollingKey;
  totalMm: number;
  thresholdMm: number;
  atMs: number;
  status: 'open' | 'accepted' | 'dismissed';
  decidedBy: string | null;
  note: string;
}

export interface NormalRecord {
  id: string;
  stationId: string;
  period: string;
  normalMm: number;
  basis: string;
}

export interface StationPeriodTotal {
  stationId: string;
  code: string;
  name: string;
  totalMm: number | null;
  complete: boolean;
  rainDays: number;
  unknownDays: number;
  wettestDay: string | null;
  wettestDayMm: number | null;
  normalMm: number | null;
  departurePercent: number | null;
}

export interface WaterPeriodFacts {
  stationId: string;
  name: string;
  peakM: number | null;
  peakAtMs: number | null;
  daysAboveWarning: number;
  daysWithData: number;
}

export interface RainSummary {
  fromDay: string;
  toDay: string;
  dayRule: 'met' | 'flood';
  stations: StationPeriodTotal[];
  areaTotalMm: number | null;
  areaRainDays: number;
  wettestDay: { day: string; meanMm: number } | null;
  wettestStation: { stationId: string; name: string; totalMm: number } | null;
  water: WaterPeriodFacts[];
  /** the period has not ended: every figure runs to this instant (the last whole hour before now) */
  lastDayUntilMs: number | null;
  sentence: SummarySentence;
}

const level = z.number().min(-1000).max(10_000).nullable().default(null);

export const stationInput = z
  .object({
    id: zId.optional(),
    code: zText(40).min(1).regex(/^[^\s,]+$/, 'No spaces or commas in a station code'),
    name: zText(60).min(1),
    nameEn: zText(120).default(''),
    type: z.enum(['rain', 'water']),
    lat: zLat.nullable().default(null),
    lng: zLng.nullable().default(null),
    source: zText(60).default(''),
    warningM: level,
    guaranteeM: level,
    floodLimitM: level,
    notes: zText(2000).default(''),
    /** Required with `id`: the version that was read, so a save over a newer change is refused. */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((s) => s.id === undefined || s.expectedVersion !== undefined, { message: 'Send the version you read when changing a gauge', path: ['expectedVersion'] })
  .refine((s) => (s.lat === null) === (s.lng === null), { message: 'Give both latitude and longitude, or neither', path: ['lng'] })
  .refine((s) => s.warningM === null || s.guaranteeM === null || s.guaranteeM >= s.warningM, {
    message: 'The guarantee level must not be below the warning level',
    path: ['guaranteeM'],
  });

export const qualitySchema = z.enum(['ok', 'suspect', 'missing', 'estimated']);

/** The column mapping a user confirms before a file is staged (see core/domain/rain/csv.ts). */
export const mappingSchema = z.object({
  station: z.number().int().min(0).max(500).optional(),
  stationFixed: zText(40).optional(),
  time: z.union([
    z.number().int().min(0).max(500),
    z.object({
      year: z.number().int().min(0).max(500),
      month: z.number().int().min(0).max(500),
      day: z.number().int().min(0).max(500),
      hour: z.number().int().min(0).max(500).optional(),
      minute: z.number().int().min(0).max(500).optional(),
    }),
  ]),
  value: z.number().int().min(0).max(500),
  quality: z.number().int().min(0).max(500).optional(),
  qualityCodes: z.record(z.string().max(20), qualitySchema).optional(),
  timeZone: z.string().min(1).max(60),
  intervalMinutes: z.number().int().min(1).max(60 * 24 * 31),
  timeFormat: z.enum(['auto', 'compact', 'epoch_ms', 'epoch_s']).optional(),
  timeMarks: z.enum(['end', 'start']).optional(),
  dayBoundary: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  dayLabel: z.enum(['start', 'end']).optional(),
});

export type MappingInput = z.input<typeof mappingSchema>;

/** Rows per rain.importParsed call at most. */
export const PARSED_CHUNK_ROWS = 50_000;

/** A row problem found while parsing in the renderer, stored as the file's error report. */
const rowErrorSchema = z.object({
  row: z.number().int().min(1),
  column: z.number().int().min(0).max(500).nullable(),
  code: z.enum(['station_blank', 'station_unknown', 'time_invalid', 'date_invalid', 'value_negative', 'value_invalid', 'value_implausible', 'quality_unknown']),
  severity: z.enum(['error', 'warning']),
  message_zh: z.string().max(1200),
  message_en: z.string().max(1200),
}) satisfies z.ZodType<RowError>;

export const rainContract = {
  'rain.listStations': read<StationRecord[]>()(z.object({ type: z.enum(['rain', 'water']).optional() }), 'Gauges by code'),
  'rain.saveStation': write<StationRecord>()(stationInput, 'Create a gauge, or update it when id is given'),
  'rain.deleteStation': write<{ id: string }>()(z.object({ id: zId }), 'Retire a gauge (soft delete; its readings stay)'),
  'rain.addReading': write<ReadingOutcome>()(
    z.object({
      stationId: zId,
      endMs: zInstant,
      /** null records that the gauge gave nothing ("缺测") */
      value: z.number().min(-1000).max(10_000).nullable(),
      intervalMinutes: z.number().int().min(1).max(1440).default(60),
      quality: qualitySchema.default('ok'),
      /** the keeper said "trace" (微量): 0 mm, but not a dry reading */
      trace: z.boolean().default(false),
      source: zText(100).default(''),
      /** the user was shown the value as above the plausible limit (settings: rain.implausibleMmPerHour) and kept it */
      confirmedImplausible: z.boolean().default(false),
      /** the user was shown the stored value and chose to overwrite it with this one */
      replace: z.boolean().default(false),
    }),
    'Manual entry of one reading (a gauge read by phone); refuses an implausible value or overwriting a different stored value unless confirmed; recomputes the signal hints',
  ),
  'rain.overview': read<RainOverview>()(z.object({ atMs: zInstant.optional() }), 'Station table: rolling 1–24 h sums, grades, signals, water status'),
  'rain.series': read<StationSeriesOut>()(
    z.object({ stationId: zId, fromMs: zInstant, toMs: zInstant }).refine((q) => q.toMs > q.fromMs && q.toMs - q.fromMs <= 366 * 86_400_000, {
      message: 'The range must be positive and at most a year',
      path: ['toMs'],
    }),
    'Hourly rain bars and running total, or water levels, for one gauge',
  ),
  'rain.importBegin': write<ImportBatch>()(
    z.object({ fileName: zText(200).min(1), fileHash: zText(128).default(''), mapping: mappingSchema }),
    'Open a staged import of one file',
  ),
  'rain.importChunk': write<{ readings: number; errors: number }>()(
    z.object({ importId: zId, seq: z.number().int().min(0), firstRow: z.number().int().min(1), rows: z.array(z.array(z.string().max(1000)).max(200)).max(20_000) }),
    'Parse and stage one chunk of rows (raw cells as the CSV/XLSX reader gave them)',
    { maxBodyBytes: 16 * 1024 * 1024 },
  ),
  'rain.importParsed': write<{ readings: number; errors: number }>()(
    z.object({
      importId: zId,
      seq: z.number().int().min(0),
      firstRow: z.number().int().min(1),
      /** rows of the file this chunk covers, readings or not (blank lines, notes) */
      rowCount: z.number().int().min(0).max(PARSED_CHUNK_ROWS),
      stations: z.array(zText(40).min(1)).max(PARSED_CHUNK_ROWS),
      /** base64 of the Float64Array from packRainRows (core/domain/rain/packed.ts); each record is checked by the server */
      data: z.string().max(Math.ceil((PARSED_CHUNK_ROWS * PACKED_FIELDS * 8) / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Packed readings must be base64'),
      errors: z.array(rowErrorSchema).max(PARSED_CHUNK_ROWS * 2),
    }),
    'Stage one chunk of a file parsed in the renderer by the same rules, packed; much cheaper than raw rows',
    { maxBodyBytes: 16 * 1024 * 1024 },
  ),
  'rain.importCommit': write<ImportBatch>()(
    z.object({
      importId: zId,
      skipBadRows: z.boolean().default(false),
      /** the user was shown the rows above the plausible limit and keeps them; otherwise they are bad rows */
      confirmedImplausible: z.boolean().default(false),
    }),
    'Write the staged file all at once; refused while rows have errors unless skipBadRows; recomputes the signal hints',
  ),
  'rain.importCancel': write<ImportBatch>()(z.object({ importId: zId }), 'Drop a staged file'),
  'rain.imports': read<ImportBatch[]>()(z.object({ limit: z.number().int().min(1).max(200).default(20) }), 'Recent imports and manual batches'),
  'rain.importErrors': read<{ rows: RowError[]; total: number }>()(
    z.object({ importId: zId, limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }),
    'Row-level problems of a file, by row',
  ),
  'rain.duplicates': read<{ rows: DuplicateRecord[]; total: number }>()(
    z.object({ importId: zId.optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    'Duplicate readings that were merged, newest first',
  ),
  'rain.checkSignals': write<SignalSuggestion[]>()(z.object({ atMs: zInstant.optional() }), 'Log a suggestion for each gauge whose rolling sums reach a signal threshold'),
  'rain.suggestions': read<SignalSuggestion[]>()(z.object({ status: z.enum(['open', 'accepted', 'dismissed']).optional(), limit: z.number().int().min(1).max(500).default(50) }), 'Signal suggestions, newest first'),
  'rain.decideSuggestion': write<SignalSuggestion>()(
    z.object({ id: zId, status: z.enum(['accepted', 'dismissed']), note: zText(500).default('') }),
    'The duty officer accepts (will report/issue through the proper channel) or dismisses a suggestion',
  ),
  'rain.listNormals': read<NormalRecord[]>()(z.object({ stationId: zId.optional() }), 'Normals per station and period'),
  'rain.setNormal': write<NormalRecord>()(
    z.object({ stationId: zId, period: zText(40).min(1), normalMm: z.number().min(0).max(20_000), basis: zText(40).default('1991–2020') }),
    'Enter or replace the normal for a station and period',
  ),
  'rain.summary': read<RainSummary>()(
    z
      .object({ fromDay: localDate('YYYY-MM-DD'), toDay: localDate('YYYY-MM-DD'), dayRule: z.enum(['met', 'flood']).default('flood'), period: zText(40).default('season'), periodName: z.object({ zh: zText(40), en: zText(80) }).optional() })
      .refine((q) => q.fromDay <= q.toDay, { message: 'The end must not be before the start', path: ['toDay'] }),
    'Totals, rain days, wettest day and station, departure from normal, water peaks, and the summary sentence',
  ),
} satisfies Record<string, MethodDef>;
