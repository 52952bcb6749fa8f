import type { Db } from '../platform/connection';
import type { ShelterStatus, ShelterView, SupplyLine } from '../../core/contract/evac';
import type { ShelterType } from '../../core/domain/evac/model';
import { perDb } from '../platform/per-db';

/** A shelter as stored, before capacity and occupancy are worked out. */
export type ShelterRecord = Omit<ShelterView, 'capacity' | 'occupancy' | 'periods'>;

interface ShelterRow {
  id: string;
  name: string;
  name_en: string;
  type: string;
  address: string;
  lat: number | null;
  lng: number | null;
  usable_area_m2: number | null;
  capacity: number | null;
  contact_name: string;
  contact_phone: string;
  status: string;
  supplies: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const toShelter = (row: ShelterRow): ShelterRecord => ({
  id: row.id,
  name: row.name,
  nameEn: row.name_en,
  type: row.type as ShelterType,
  address: row.address,
  lat: row.lat,
  lng: row.lng,
  usableAreaM2: row.usable_area_m2,
  capacitySet: row.capacity,
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  status: row.status as ShelterStatus,
  supplies: JSON.parse(row.supplies) as SupplyLine[],
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toParams = (s: ShelterRecord) => ({
  id: s.id,
  name: s.name,
  nameEn: s.nameEn,
  type: s.type,
  address: s.address,
  lat: s.lat,
  lng: s.lng,
  area: s.usableAreaM2,
  capacity: s.capacitySet,
  contactName: s.contactName,
  contactPhone: s.contactPhone,
  status: s.status,
  supplies: JSON.stringify(s.supplies),
  notes: s.notes,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

export interface ShelterPeriod {
  id: string;
  shelterId: string;
  eventId: string;
  openedAtMs: number;
  closedAtMs: number | null;
}

/** Statements are prepared once per connection: a 5,000-person batch must not prepare them 5,000 times. */
export const sheltersRepo = perDb(buildSheltersRepo);

function buildSheltersRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM evac_shelters WHERE id = ? AND deleted_at IS NULL');
  const list = db.prepare("SELECT * FROM evac_shelters WHERE deleted_at IS NULL AND (@includeClosed OR status <> 'closed') ORDER BY name, id");
  const insert = db.prepare(
    `INSERT INTO evac_shelters (id, name, name_en, type, address, lat, lng, usable_area_m2, capacity, contact_name, contact_phone, status, supplies, notes, created_at, updated_at)
     VALUES (@id, @name, @nameEn, @type, @address, @lat, @lng, @area, @capacity, @contactName, @contactPhone, @status, @supplies, @notes, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE evac_shelters SET name = @name, name_en = @nameEn, type = @type, address = @address, lat = @lat, lng = @lng, usable_area_m2 = @area,
       capacity = @capacity, contact_name = @contactName, contact_phone = @contactPhone, status = @status, supplies = @supplies, notes = @notes,
       updated_at = @updatedAt WHERE id = @id`,
  );
  const allNames = db.prepare('SELECT id, name, name_en, type, capacity, usable_area_m2, deleted_at FROM evac_shelters ORDER BY name, id');
  const softDelete = db.prepare('UPDATE evac_shelters SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const occupancy = db.prepare("SELECT count(*) FROM evac_persons WHERE shelter_id = ? AND status = 'in_shelter' AND deleted_at IS NULL").pluck();
  const occupancyAll = db.prepare(
    "SELECT shelter_id AS id, count(*) AS n FROM evac_persons WHERE status = 'in_shelter' AND deleted_at IS NULL GROUP BY shelter_id",
  );
  const periods = db.prepare('SELECT * FROM evac_shelter_periods ORDER BY opened_at_ms');
  const openPeriod = db.prepare('SELECT * FROM evac_shelter_periods WHERE shelter_id = ? AND event_id = ? AND closed_at_ms IS NULL');
  const insertPeriod = db.prepare(
    `INSERT INTO evac_shelter_periods (id, shelter_id, event_id, opened_at_ms, closed_at_ms, created_at, updated_at)
     VALUES (@id, @shelterId, @eventId, @openedAtMs, NULL, @now, @now)`,
  );
  const closePeriods = db.prepare(
    'UPDATE evac_shelter_periods SET closed_at_ms = max(opened_at_ms, @atMs), updated_at = @now WHERE shelter_id = @shelterId AND closed_at_ms IS NULL',
  );
  const toPeriod = (r: Record<string, unknown>): ShelterPeriod => ({
    id: r.id as string,
    shelterId: r.shelter_id as string,
    eventId: r.event_id as string,
    openedAtMs: r.opened_at_ms as number,
    closedAtMs: r.closed_at_ms as number | null,
  });
  return {
    get: (id: string) => {
      const row = byId.get(id) as ShelterRow | undefined;
      return row ? toShelter(row) : undefined;
    },
    list: (includeClosed: boolean) => (list.all({ includeClosed: includeClosed ? 1 : 0 }) as ShelterRow[]).map(toShelter),
    /** Every shelter ever registered, deleted ones too: old records still name them. */
    allNames: () =>
      (allNames.all() as { id: string; name: string; name_en: string; type: ShelterType; capacity: number | null; usable_area_m2: number | null; deleted_at: string | null }[]).map(
        (r) => ({ id: r.id, name: r.name, nameEn: r.name_en, type: r.type, capacity: r.capacity, usableAreaM2: r.usable_area_m2, deleted: r.deleted_at !== null }),
      ),
    insert: (s: ShelterRecord) => insert.run(toParams(s)),
    update: (s: ShelterRecord) => update.run(toParams(s)),
    softDelete: (id: string, nowIso: string) => softDelete.run(nowIso, nowIso, id),
    occupancy: (id: string) => occupancy.get(id) as number,
    occupancyAll: () => new Map((occupancyAll.all() as { id: string; n: number }[]).map((r) => [r.id, r.n])),
    periods: () => (periods.all() as Record<string, unknown>[]).map(toPeriod),
    openPeriod: (shelterId: string, eventId: string) => {
      const row = openPeriod.get(shelterId, eventId) as Record<string, unknown> | undefined;
      return row ? toPeriod(row) : undefined;
    },
    insertPeriod: (p: { id: string; shelterId: string; eventId: string; openedAtMs: number; now: string }) => insertPeriod.run(p),
    closePeriods: (shelterId: string, atMs: number, now: string) => closePeriods.run({ shelterId, atMs, now }).changes,
  };
}
