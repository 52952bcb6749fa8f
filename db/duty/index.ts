import type { Db } from '../platform/connection';
import { dutyIncidentsRepo } from './incidents.repo';
import { dutyLogRepo } from './log.repo';

export { dutyHandlers, dutyStatus } from './duty.handlers';

/** The current version of a log entry, by its `entryId`: for records that link to a call (damage). */
export const currentLogEntry = (db: Db, entryId: string) => dutyLogRepo(db).current(entryId);

export const incidentById = (db: Db, id: string) => dutyIncidentsRepo(db).get(id);
