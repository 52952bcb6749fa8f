import { z } from 'zod';
import { read, write } from './define';
import type { MethodDef } from './define';
import { zId, zInstant, zLat, zLng, zText } from './fields';
import type { EvacSummary } from '../domain/evac/summary';
import type { DestinationCounts, EventTotals, OccupancySeries, OutPoint, StatusCounts } from '../domain/evac/totals';
import type { PersonStatus, ShelterType, VulnerableFlag } from '../domain/evac/model';

export const SHELTER_TYPES = ['school', 'community_centre', 'hotel', 'gym', 'other'] as const satisfies readonly ShelterType[];
export const SHELTER_STATUSES = ['ready', 'open', 'full', 'closed'] as const;
export type ShelterStatus = (typeof SHELTER_STATUSES)[number];
export const SUPPLY_ITEMS = ['beds', 'water', 'food', 'medicine', 'other'] as const;
const FLAGS = ['elderly', 'child', 'sick', 'disabled', 'pregnant'] as const satisfies readonly VulnerableFlag[];

export interface SupplyLine {
  item: (typeof SUPPLY_ITEMS)[number];
  label: string;
  quantity: number;
  unit: string;
}

export interface ShelterView {
  id: string;
  name: string;
  nameEn: string;
  type: ShelterType;
  address: string;
  lat: number | null;
  lng: number | null;
  usableAreaM2: number | null;
  /** Set by hand; null means derived from the area. */
  capacitySet: number | null;
  /** What is enforced: set by hand, else area / m² per person, else null (unknown). */
  capacity: number | null;
  occupancy: number;
  contactName: string;
  contactPhone: string;
  status: ShelterStatus;
  supplies: SupplyLine[];
  notes: string;
  periods: { eventId: string; openedAtMs: number; closedAtMs: number | null }[];
  createdAt: string;
  updatedAt: string;
}

export type EvacSource =
  | { kind: 'hazard_point'; hazardPointId: string; name: string; lat?: number | null; lng?: number | null }
  | { kind: 'address'; address: string; community?: string; lat?: number | null; lng?: number | null };

export interface PersonRow {
  id: string;
  eventId: string;
  householdId: string;
  householdHead: string;
  name: string;
  /** Masked unless personal data was asked for and the role may see it. */
  idNumber: string;
  phone: string;
  flags: VulnerableFlag[];
  sourceKey: string;
  sourceName: string;
  status: PersonStatus;
  shelterId: string | null;
  shelterName: string | null;
  where: string | null;
  firstMovedAtMs: number;
  lastAtMs: number;
}

export interface MoveResult {
  householdIds: string[];
  moved: { personId: string; name: string; householdId: string }[];
  /** Back home earlier in this event and moved again: the same record, a new trip. */
  movedAgain: { personId: string; name: string; householdId: string }[];
  /** Already out in this event: flagged, not entered again. */
  duplicates: { existingPersonId: string; name: string; basis: string }[];
}

export interface StepResult {
  count: number;
  overrideId: string | null;
}

export interface DashboardSourceRow extends EventTotals {
  key: string;
  name: string;
}

export interface EvacDashboard {
  atMs: number;
  /** 'sql': current state columns; 'replay': the movement log replayed to a past instant. */
  basis: 'sql' | 'replay';
  movedHouseholds: number;
  movedPeople: number;
  vulnerablePeople: number;
  byStatus: StatusCounts;
  stillOut: number;
  byDestination: DestinationCounts;
  currentByShelter: Record<string, number>;
  bySource: DashboardSourceRow[];
  byEvent: Record<string, EventTotals>;
  shelters: { id: string; name: string; type: ShelterType; capacity: number | null; occupancy: number; firstPlaced: number }[];
  duplicatesFlagged: number;
  overrides: number;
  summary: EvacSummary;
}

export interface EvacSeries {
  out: OutPoint[];
  occupancy: OccupancySeries;
  capacities: Record<string, number | null>;
  names: Record<string, string>;
}

export interface EvacExport {
  shelters: ShelterView[];
  people: PersonRow[];
  movements: { personId: string; name: string; kind: string; atMs: number; by: string; shelterName: string | null; where: string | null; sourceName: string | null }[];
  overrides: { shelterName: string; atMs: number; reason: string; capacity: number | null; occupancyBefore: number; adding: number; actorName: string }[];
  duplicates: { name: string; existingPersonId: string; basis: string; atMs: number }[];
}

const lat = zLat.nullable().default(null);
const lng = zLng.nullable().default(null);
/** Mainland ID: 18 characters (last may be X) or the legacy 15 digits; empty when unknown. */
const idNumber = zText(30).regex(/^$|^\d{15}$|^\d{17}[\dXx]$/, 'ID number must be 15 or 18 characters');
const phone = zText(30).regex(/^$|^[+\d][\d\s()-]{4,24}$/, 'Phone must be digits');
const personIds = z.array(zId).min(1).max(20_000);

const supplies = z
  .array(z.object({ item: z.enum(SUPPLY_ITEMS), label: zText(50).default(''), quantity: z.number().min(0).max(10_000_000), unit: zText(20).default('') }))
  .max(100);

/** Without defaults, so a patch leaves the fields it does not name alone. */
const shelterFields = z.object({
  name: zText(100).min(1),
  nameEn: zText(200),
  type: z.enum(SHELTER_TYPES),
  address: zText(300),
  lat: zLat.nullable(),
  lng: zLng.nullable(),
  usableAreaM2: z.number().min(0).max(1_000_000).nullable(),
  capacity: z.number().int().min(0).max(100_000).nullable(),
  contactName: zText(50),
  contactPhone: phone,
  supplies,
  notes: zText(2000),
});

export const shelterInput = shelterFields.extend({
  nameEn: zText(200).default(''),
  address: zText(300).default(''),
  lat,
  lng,
  usableAreaM2: z.number().min(0).max(1_000_000).nullable().default(null),
  capacity: z.number().int().min(0).max(100_000).nullable().default(null),
  contactName: zText(50).default(''),
  contactPhone: phone.default(''),
  supplies: supplies.default([]),
  notes: zText(2000).default(''),
});

export const sourceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hazard_point'), hazardPointId: zText(100).min(1), name: zText(200).min(1), lat, lng }),
  z.object({ kind: z.literal('address'), address: zText(300).min(1), community: zText(100).default(''), lat, lng }),
]);

const personInput = z.object({
  name: zText(50).min(1),
  idNumber: idNumber.default(''),
  phone: phone.default(''),
  flags: z.array(z.enum(FLAGS)).max(5).default([]),
});

export const overrideInput = z.object({ reason: zText(500).min(1) }).nullable().default(null);

export const destinationInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('shelter'), shelterId: zId, override: overrideInput }),
    z.object({ kind: z.literal('dispersed'), where: zText(300).default('') }),
    z.object({ kind: z.literal('elsewhere'), where: zText(300).default('') }),
  ])
  .nullable()
  .default(null);

const scope = {
  eventIds: z.array(zId).max(200).nullable().default(null),
  fromMs: zInstant.nullable().default(null),
  toMs: zInstant.nullable().default(null),
};

export const evacContract = {
  'evac.listShelters': read<ShelterView[]>()(z.object({ includeClosed: z.boolean().default(true) }), 'Shelters with capacity, occupancy and supplies'),
  'evac.createShelter': write<ShelterView>()(shelterInput, 'Register a shelter (status ready)'),
  'evac.updateShelter': write<ShelterView>()(z.object({ id: zId, patch: shelterFields.partial() }), 'Edit a shelter'),
  'evac.setShelterStatus': write<ShelterView>()(
    z.object({ id: zId, status: z.enum(SHELTER_STATUSES), eventId: zId.nullable().default(null), atMs: zInstant }),
    'Open, mark full or close a shelter; opening and closing are kept per event',
  ),
  'evac.deleteShelter': write<{ id: string }>()(z.object({ id: zId }), 'Remove an empty shelter (soft delete); refused while occupied'),
  'evac.moveGroup': write<MoveResult>()(
    z.object({
      eventId: zId,
      source: sourceInput,
      atMs: zInstant,
      by: zText(50).default(''),
      households: z
        .array(z.object({ headName: zText(50).default(''), address: zText(300).default(''), phone: phone.default(''), members: z.array(personInput).min(1).max(200) }))
        .min(1)
        .max(5000),
      destination: destinationInput,
    }),
    'Move a household or a list of people from one place, optionally placing them at once',
  ),
  'evac.checkIn': write<StepResult>()(
    z.object({ eventId: zId, personIds, shelterId: zId, atMs: zInstant, by: zText(50).default(''), override: overrideInput }),
    'Check people in at a shelter (or transfer them there); beyond capacity needs an override with a reason',
  ),
  'evac.place': write<StepResult>()(
    z.object({ eventId: zId, personIds, kind: z.enum(['dispersed', 'elsewhere', 'unknown']), where: zText(300).default(''), atMs: zInstant, by: zText(50).default('') }),
    'Record dispersed placement (投亲靠友), a move elsewhere, or lost contact',
  ),
  'evac.returnPeople': write<StepResult>()(
    z
      .object({
        eventId: zId,
        personIds: personIds.nullable().default(null),
        sourceKey: zText(400).nullable().default(null),
        shelterId: zId.nullable().default(null),
        atMs: zInstant,
        by: zText(50).default(''),
      })
      .refine((i) => [i.personIds, i.sourceKey, i.shelterId].filter((v) => v !== null).length === 1, {
        message: 'Give exactly one of: people, a source, a shelter',
        path: ['personIds'],
      }),
    'Return home: chosen people, everyone out from one source, or everyone in one shelter',
  ),
  'evac.listPeople': read<{ rows: PersonRow[]; total: number }>()(
    z.object({
      eventId: zId,
      status: z.enum(['moved', 'in_shelter', 'dispersed', 'returned', 'elsewhere', 'unknown', 'out']).nullable().default(null),
      shelterId: zId.nullable().default(null),
      sourceKey: zText(400).nullable().default(null),
      search: zText(50).default(''),
      includePersonal: z.boolean().default(false),
      limit: z.number().int().min(1).max(100_000).default(1000),
      offset: z.number().int().min(0).default(0),
    }),
    'Evacuees of an event; ID numbers and phones masked unless personal data is asked for by an allowed role',
  ),
  'evac.listSources': read<{ key: string; kind: string; name: string; people: number; out: number }[]>()(
    z.object({ eventId: zId.nullable().default(null) }),
    'Places people were moved from, with how many are still out',
  ),
  'evac.dashboard': read<EvacDashboard>()(
    z.object({ ...scope, atMs: zInstant.nullable().default(null) }),
    'Leaders’ totals (they always add up) and the summary sentence, now or as of a past instant',
  ),
  'evac.series': read<EvacSeries>()(
    z.object({ ...scope, seriesFromMs: zInstant, seriesToMs: zInstant, bucketMinutes: z.number().int().min(5).max(1440).default(60) }),
    'People out over time and shelter occupancy, replayed from the movement log',
  ),
  'evac.exportData': read<EvacExport>()(
    z.object({ eventId: zId, includePersonal: z.boolean().default(false) }),
    'Every list of an event for the XLSX export',
  ),
} satisfies Record<string, MethodDef>;
