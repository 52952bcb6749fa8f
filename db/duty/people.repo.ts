import type { Db } from '../platform/connection';
import { perDb } from '../platform/per-db';
import type { Person, PersonRole } from '../../core/domain/duty/types';
import { sortPeople } from '../../core/domain/duty/people';
import type { DutyPersonRecord, LeaveRecord } from '../../core/contract/dutyShared';

interface PersonRow {
  id: string;
  name: string;
  unit: string;
  roles: string;
  phone: string;
  phone2: string;
  active: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

interface LeaveRow {
  id: string;
  person_id: string;
  from_date: string;
  to_date: string;
  reason: string;
}

const toLeave = (row: LeaveRow): LeaveRecord => ({ id: row.id, personId: row.person_id, from: row.from_date, to: row.to_date, reason: row.reason });

type PersonWrite = Omit<DutyPersonRecord, 'leave'>;

export const dutyPeopleRepo = perDb((db: Db) => {
  const all = db.prepare('SELECT * FROM duty_people');
  const byId = db.prepare('SELECT * FROM duty_people WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO duty_people (id, name, unit, roles, phone, phone2, active, notes, created_at, updated_at)
     VALUES (@id, @name, @unit, @roles, @phone, @phone2, @active, @notes, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE duty_people SET name = @name, unit = @unit, roles = @roles, phone = @phone, phone2 = @phone2,
       active = @active, notes = @notes, updated_at = @updatedAt WHERE id = @id`,
  );
  const leaveAll = db.prepare('SELECT * FROM duty_leave WHERE deleted_at IS NULL ORDER BY from_date');
  const leaveFor = db.prepare('SELECT * FROM duty_leave WHERE person_id = ? AND deleted_at IS NULL ORDER BY from_date');
  const leaveById = db.prepare('SELECT * FROM duty_leave WHERE id = ? AND deleted_at IS NULL');
  const leaveOverlap = db.prepare(
    'SELECT * FROM duty_leave WHERE person_id = ? AND deleted_at IS NULL AND from_date <= ? AND to_date >= ? LIMIT 1',
  );
  const insertLeave = db.prepare(
    `INSERT INTO duty_leave (id, person_id, from_date, to_date, reason, created_at, updated_at)
     VALUES (@id, @personId, @from, @to, @reason, @nowIso, @nowIso)`,
  );
  const cancelLeave = db.prepare('UPDATE duty_leave SET deleted_at = ?, updated_at = ? WHERE id = ?');

  const toPerson = (row: PersonRow, leave: LeaveRecord[]): DutyPersonRecord => ({
    id: row.id,
    name: row.name,
    unit: row.unit,
    roles: JSON.parse(row.roles) as PersonRole[],
    phone: row.phone,
    phone2: row.phone2,
    active: row.active === 1,
    notes: row.notes,
    leave,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

  const list = (): DutyPersonRecord[] => {
    const leave = new Map<string, LeaveRecord[]>();
    for (const row of leaveAll.all() as LeaveRow[]) {
      const list = leave.get(row.person_id) ?? [];
      list.push(toLeave(row));
      leave.set(row.person_id, list);
    }
    return sortPeople((all.all() as PersonRow[]).map((row) => toPerson(row, leave.get(row.id) ?? [])));
  };

  return {
    list,
    get(id: string): DutyPersonRecord | undefined {
      const row = byId.get(id) as PersonRow | undefined;
      return row ? toPerson(row, (leaveFor.all(id) as LeaveRow[]).map(toLeave)) : undefined;
    },
    insert(person: PersonWrite): void {
      insert.run({ ...person, roles: JSON.stringify(person.roles), active: person.active ? 1 : 0 });
    },
    update(person: PersonWrite): void {
      update.run({ ...person, roles: JSON.stringify(person.roles), active: person.active ? 1 : 0 });
    },
    /** Everyone, in the shape the rota rules take. */
    roster(): Person[] {
      return list().map((p) => ({ id: p.id, name: p.name, roles: p.roles, active: p.active, leave: p.leave.map(({ from, to }) => ({ from, to })) }));
    },
    getLeave(id: string): LeaveRecord | undefined {
      const row = leaveById.get(id) as LeaveRow | undefined;
      return row ? toLeave(row) : undefined;
    },
    overlappingLeave(personId: string, from: string, to: string): LeaveRecord | undefined {
      const row = leaveOverlap.get(personId, to, from) as LeaveRow | undefined;
      return row ? toLeave(row) : undefined;
    },
    insertLeave(leave: LeaveRecord, nowIso: string): void {
      insertLeave.run({ ...leave, nowIso });
    },
    cancelLeave(id: string, nowIso: string): void {
      cancelLeave.run(nowIso, nowIso, id);
    },
  };
});
