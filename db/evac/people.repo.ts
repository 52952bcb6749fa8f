import type { Db } from '../platform/connection';
import type { EvacSource } from '../../core/contract/evac';
import type { Movement, MovementSource, Person, PersonStatus, Placement, VulnerableFlag } from '../../core/domain/evac/model';
import type { PersonEvacState } from '../../core/domain/evac/state';
import { perDb } from '../platform/per-db';

export interface PersonRecord {
  id: string;
  eventId: string;
  householdId: string;
  householdHead: string;
  name: string;
  idNumber: string;
  phone: string;
  flags: VulnerableFlag[];
  idKey: string | null;
  npKey: string | null;
  source: EvacSource;
  sourceKey: string;
  shelterName: string | null;
  state: PersonEvacState;
}

export interface PersonRowDb {
  id: string;
  event_id: string;
  household_id: string;
  head_name: string | null;
  name: string;
  id_number: string;
  phone: string;
  flags: string;
  id_key: string | null;
  np_key: string | null;
  source_kind: 'hazard_point' | 'address';
  source_key: string;
  hazard_point_id: string | null;
  source_name: string;
  source_community: string;
  source_lat: number | null;
  source_lng: number | null;
  status: PersonStatus;
  shelter_id: string | null;
  shelter_name: string | null;
  where_text: string | null;
  first_moved_at: number;
  moved_at: number;
  last_at: number;
  trips: number;
  first_kind: Placement['kind'] | null;
  first_shelter_id: string | null;
}

export function domainSource(source: EvacSource): MovementSource {
  return source.kind === 'hazard_point'
    ? { kind: 'hazard_point', hazardPointId: source.hazardPointId }
    : { kind: 'address', address: source.address, community: source.community ?? '' };
}

const sourceName = (s: EvacSource) => (s.kind === 'hazard_point' ? s.name : s.address);

export function toPersonRecord(row: PersonRowDb): PersonRecord {
  const source: EvacSource =
    row.source_kind === 'hazard_point'
      ? { kind: 'hazard_point', hazardPointId: row.hazard_point_id ?? '', name: row.source_name, lat: row.source_lat, lng: row.source_lng }
      : { kind: 'address', address: row.source_name, community: row.source_community, lat: row.source_lat, lng: row.source_lng };
  const firstPlacement: Placement | null =
    row.first_kind === null ? null : row.first_kind === 'shelter' ? { kind: 'shelter', shelterId: row.first_shelter_id ?? '' } : { kind: row.first_kind };
  return {
    id: row.id,
    eventId: row.event_id,
    householdId: row.household_id,
    householdHead: row.head_name ?? '',
    name: row.name,
    idNumber: row.id_number,
    phone: row.phone,
    flags: JSON.parse(row.flags) as VulnerableFlag[],
    idKey: row.id_key,
    npKey: row.np_key,
    source,
    sourceKey: row.source_key,
    shelterName: row.shelter_name,
    state: {
      eventId: row.event_id,
      personId: row.id,
      status: row.status,
      shelterId: row.shelter_id,
      where: row.where_text,
      source: domainSource(source),
      firstMovedAt: row.first_moved_at,
      movedAt: row.moved_at,
      lastAt: row.last_at,
      trips: row.trips,
      firstPlacement,
    },
  };
}

export function toDomainPerson(p: Pick<PersonRecord, 'id' | 'name' | 'idNumber' | 'phone' | 'householdId' | 'flags'>): Person {
  return {
    id: p.id,
    name: p.name,
    idNumber: p.idNumber || null,
    phone: p.phone || null,
    householdId: p.householdId,
    vulnerable: Object.fromEntries(p.flags.map((f) => [f, true])),
  };
}

const stateParams = (id: string, s: PersonEvacState, now: string) => ({
  id,
  status: s.status,
  shelterId: s.shelterId,
  where: s.where,
  firstMovedAt: s.firstMovedAt,
  movedAt: s.movedAt,
  lastAt: s.lastAt,
  trips: s.trips,
  firstKind: s.firstPlacement?.kind ?? null,
  firstShelterId: s.firstPlacement?.kind === 'shelter' ? s.firstPlacement.shelterId : null,
  now,
});

const SELECT_PERSON = `SELECT p.*, h.head_name, s.name AS shelter_name FROM evac_persons p
  JOIN evac_households h ON h.id = p.household_id LEFT JOIN evac_shelters s ON s.id = p.shelter_id`;

export interface PeopleFilter {
  eventId: string;
  status: PersonStatus | 'out' | null;
  shelterId: string | null;
  sourceKey: string | null;
  search: string;
  limit: number;
  offset: number;
}

/** Statements are prepared once per connection: a 5,000-person batch must not prepare them 5,000 times. */
export const evacPeopleRepo = perDb(buildEvacPeopleRepo);

function buildEvacPeopleRepo(db: Db) {
  const insertHousehold = db.prepare(
    `INSERT INTO evac_households (id, event_id, head_name, address, phone, created_at, updated_at) VALUES (@id, @eventId, @headName, @address, @phone, @now, @now)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO evac_persons (id, event_id, household_id, name, id_number, phone, flags, vulnerable, id_key, np_key, source_kind, source_key,
       hazard_point_id, source_name, source_community, source_lat, source_lng, status, shelter_id, where_text, first_moved_at, moved_at, last_at,
       trips, first_kind, first_shelter_id, created_at, updated_at)
     VALUES (@id, @eventId, @householdId, @name, @idNumber, @phone, @flags, @vulnerable, @idKey, @npKey, @sourceKind, @sourceKey,
       @hazardPointId, @sourceName, @sourceCommunity, @sourceLat, @sourceLng, @status, @shelterId, @where, @firstMovedAt, @movedAt, @lastAt,
       @trips, @firstKind, @firstShelterId, @now, @now)`,
  );
  // first_moved_at is left out: it is written once, when the person is entered, and naming it
  // here would make SQLite rewrite its index entry on every step.
  // These two run once per person in a bulk step: positional parameters, no object per call.
  const updateState = db.prepare(
    `UPDATE evac_persons SET status = ?, shelter_id = ?, where_text = ?, moved_at = ?, last_at = ?, trips = ?, first_kind = ?, first_shelter_id = ?,
       updated_at = ? WHERE id = ?`,
  );
  const insertMovement = db.prepare(
    `INSERT INTO evac_movements (id, event_id, person_id, kind, at_ms, by_name, source_kind, hazard_point_id, source_name, source_community,
       shelter_id, where_text, override_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Steps need neither the household head nor the shelter's name: no joins for thousands of people.
  const stepPeople = db.prepare(
    `SELECT p.*, NULL AS head_name, NULL AS shelter_name FROM evac_persons p WHERE p.id IN (SELECT value FROM json_each(?)) AND p.deleted_at IS NULL`,
  );
  const byIdKey = db.prepare(`${SELECT_PERSON} WHERE p.event_id = ? AND p.id_key = ? AND p.deleted_at IS NULL`);
  const byNpKey = db.prepare(`${SELECT_PERSON} WHERE p.event_id = ? AND p.np_key = ? AND p.deleted_at IS NULL`);
  const outIds = db
    .prepare(
      `SELECT id FROM evac_persons WHERE event_id = @eventId AND deleted_at IS NULL AND status <> 'returned'
         AND (@sourceKey IS NULL OR source_key = @sourceKey) AND (@shelterId IS NULL OR (status = 'in_shelter' AND shelter_id = @shelterId))`,
    )
    .pluck();
  const where = `WHERE p.event_id = @eventId AND p.deleted_at IS NULL
    AND (@status IS NULL OR p.status = @status OR (@status = 'out' AND p.status <> 'returned'))
    AND (@shelterId IS NULL OR p.shelter_id = @shelterId) AND (@sourceKey IS NULL OR p.source_key = @sourceKey)
    AND (@search = '' OR instr(p.name, @search) > 0 OR instr(h.head_name, @search) > 0 OR instr(p.source_name, @search) > 0)`;
  const list = db.prepare(`${SELECT_PERSON} ${where} ORDER BY p.first_moved_at, p.household_id, p.rowid LIMIT @limit OFFSET @offset`);
  const count = db.prepare(`SELECT count(*) FROM evac_persons p JOIN evac_households h ON h.id = p.household_id ${where}`).pluck();
  const scopeMovements = db.prepare(
    `SELECT m.* FROM evac_movements m WHERE m.event_id IN (SELECT value FROM json_each(@events)) ORDER BY m.seq`,
  );
  const scopePersons = db.prepare(
    // Entry order within a household, as the people list shows it: exports must match the screen.
    `${SELECT_PERSON} WHERE p.event_id IN (SELECT value FROM json_each(@events)) AND p.deleted_at IS NULL ORDER BY p.first_moved_at, p.household_id, p.rowid`,
  );
  const personMovements = db.prepare(
    `SELECT m.*, p.name, s.name AS shelter_name FROM evac_movements m JOIN evac_persons p ON p.id = m.person_id
       LEFT JOIN evac_shelters s ON s.id = m.shelter_id WHERE m.event_id = ? ORDER BY m.seq`,
  );
  const insertOverride = db.prepare(
    `INSERT INTO evac_capacity_overrides (id, shelter_id, event_id, at_ms, reason, capacity, occupancy_before, adding, actor_name, created_at)
     VALUES (@id, @shelterId, @eventId, @atMs, @reason, @capacity, @occupancyBefore, @adding, @actorName, @now)`,
  );
  const insertFlag = db.prepare(
    `INSERT INTO evac_duplicate_flags (id, event_id, existing_person_id, entered_name, basis, at_ms, created_at)
     VALUES (@id, @eventId, @existingPersonId, @name, @basis, @atMs, @now)`,
  );
  const overrides = db.prepare(
    `SELECT o.*, s.name AS shelter_name FROM evac_capacity_overrides o JOIN evac_shelters s ON s.id = o.shelter_id
       WHERE o.event_id IN (SELECT value FROM json_each(@events)) ORDER BY o.at_ms`,
  );
  const flags = db.prepare(
    `SELECT * FROM evac_duplicate_flags WHERE event_id IN (SELECT value FROM json_each(@events)) ORDER BY at_ms`,
  );
  // From the running counts (0010_perf.sql), not a scan of every person; the kind is the key's prefix.
  const sources = db.prepare(
    `SELECT t.source_key AS key, CASE WHEN t.source_key LIKE 'hazard:%' THEN 'hazard_point' ELSE 'address' END AS kind,
       (SELECT min(n.source_name) FROM evac_source_totals n WHERE n.source_key = t.source_key AND (@eventId IS NULL OR n.event_id = @eventId)) AS name,
       sum(t.people) AS people, sum(CASE WHEN t.status <> 'returned' THEN t.people ELSE 0 END) AS out
       FROM evac_totals t WHERE (@eventId IS NULL OR t.event_id = @eventId) GROUP BY t.source_key HAVING sum(t.people) > 0 ORDER BY name`,
  );
  const sourcePoints = db.prepare(
    `SELECT source_key AS key, min(source_name) AS name, source_kind AS kind, avg(source_lat) AS lat, avg(source_lng) AS lng, count(*) AS people,
       sum(status <> 'returned') AS out FROM evac_persons WHERE deleted_at IS NULL AND source_lat IS NOT NULL AND source_lng IS NOT NULL
       AND (@eventId IS NULL OR event_id = @eventId) GROUP BY source_key`,
  );
  // An explicit list even for "all events", so the event indexes stay usable.
  const allEvents = db.prepare('SELECT json_group_array(id) FROM events').pluck();
  const events = (ids: readonly string[] | null) => (ids === null ? (allEvents.get() as string) : JSON.stringify(ids));

  return {
    insertHousehold: (h: { id: string; eventId: string; headName: string; address: string; phone: string; now: string }) => insertHousehold.run(h),
    insertPerson: (p: Omit<PersonRecord, 'householdHead' | 'shelterName'>, now: string) => {
      const src = p.source;
      insertPerson.run({
        ...stateParams(p.id, p.state, now),
        eventId: p.eventId,
        householdId: p.householdId,
        name: p.name,
        idNumber: p.idNumber,
        phone: p.phone,
        flags: JSON.stringify(p.flags),
        vulnerable: p.flags.length > 0 ? 1 : 0,
        idKey: p.idKey,
        npKey: p.npKey,
        sourceKind: src.kind,
        sourceKey: p.sourceKey,
        hazardPointId: src.kind === 'hazard_point' ? src.hazardPointId : null,
        sourceName: sourceName(src),
        sourceCommunity: src.kind === 'address' ? (src.community ?? '') : '',
        sourceLat: src.lat ?? null,
        sourceLng: src.lng ?? null,
      });
    },
    updateState: (id: string, s: PersonEvacState, now: string) =>
      updateState.run(
        s.status,
        s.shelterId,
        s.where,
        s.movedAt,
        s.lastAt,
        s.trips,
        s.firstPlacement?.kind ?? null,
        s.firstPlacement?.kind === 'shelter' ? s.firstPlacement.shelterId : null,
        now,
        id,
      ),
    insertMovement: (m: Movement & { id: string }, extra: { source?: EvacSource; overrideId?: string | null; now: string }) =>
      insertMovement.run(
        m.id,
        m.eventId,
        m.personId,
        m.kind,
        m.at,
        m.by ?? '',
        extra.source?.kind ?? null,
        extra.source?.kind === 'hazard_point' ? extra.source.hazardPointId : null,
        extra.source ? sourceName(extra.source) : null,
        extra.source?.kind === 'address' ? (extra.source.community ?? '') : null,
        m.kind === 'check_in' ? m.shelterId : m.kind === 'transfer' ? m.toShelterId : null,
        m.kind === 'dispersed' || m.kind === 'elsewhere' ? (m.where ?? null) : null,
        extra.overrideId ?? null,
        extra.now,
      ),
    /** People about to take a step: householdHead and shelterName are left empty. */
    forSteps: (ids: readonly string[]) => (stepPeople.all(JSON.stringify(ids)) as PersonRowDb[]).map(toPersonRecord),
    byIdKey: (eventId: string, key: string) => (byIdKey.all(eventId, key) as PersonRowDb[]).map(toPersonRecord),
    byNpKey: (eventId: string, key: string) => (byNpKey.all(eventId, key) as PersonRowDb[]).map(toPersonRecord),
    outIds: (eventId: string, sourceKey: string | null, shelterId: string | null) => outIds.all({ eventId, sourceKey, shelterId }) as string[],
    list: (f: PeopleFilter) => ({
      rows: (list.all(f) as PersonRowDb[]).map(toPersonRecord),
      total: count.get(f) as number,
    }),
    scopeMovements: (ids: readonly string[] | null) => scopeMovements.all({ events: events(ids) }) as Record<string, unknown>[],
    scopePersons: (ids: readonly string[] | null) => (scopePersons.all({ events: events(ids) }) as PersonRowDb[]).map(toPersonRecord),
    eventMovements: (eventId: string) => personMovements.all(eventId) as Record<string, unknown>[],
    insertOverride: (o: {
      id: string;
      shelterId: string;
      eventId: string;
      atMs: number;
      reason: string;
      capacity: number | null;
      occupancyBefore: number;
      adding: number;
      actorName: string;
      now: string;
    }) => insertOverride.run(o),
    insertFlag: (f: { id: string; eventId: string; existingPersonId: string; name: string; basis: string; atMs: number; now: string }) => insertFlag.run(f),
    overrides: (ids: readonly string[] | null) => overrides.all({ events: events(ids) }) as Record<string, unknown>[],
    flags: (ids: readonly string[] | null) => flags.all({ events: events(ids) }) as Record<string, unknown>[],
    sources: (eventId: string | null) => sources.all({ eventId }) as { key: string; kind: string; name: string; people: number; out: number }[],
    sourcePoints: (eventId: string | null) =>
      sourcePoints.all({ eventId }) as { key: string; name: string; kind: string; lat: number; lng: number; people: number; out: number }[],
  };
}

/** A stored movement row as the pure state machine's input. */
export function toMovement(r: Record<string, unknown>): Movement {
  const base = { id: r.id as string, eventId: r.event_id as string, personId: r.person_id as string, at: r.at_ms as number, by: r.by_name as string };
  switch (r.kind as Movement['kind']) {
    case 'moved':
      return {
        ...base,
        kind: 'moved',
        from:
          r.source_kind === 'hazard_point'
            ? { kind: 'hazard_point', hazardPointId: r.hazard_point_id as string }
            : { kind: 'address', address: r.source_name as string, community: (r.source_community as string) ?? '' },
      };
    case 'check_in':
      return { ...base, kind: 'check_in', shelterId: r.shelter_id as string };
    case 'transfer':
      return { ...base, kind: 'transfer', toShelterId: r.shelter_id as string };
    case 'dispersed':
    case 'elsewhere':
      return { ...base, kind: r.kind as 'dispersed' | 'elsewhere', where: r.where_text as string | null };
    case 'returned':
    case 'unknown':
      return { ...base, kind: r.kind as 'returned' | 'unknown' };
  }
}
