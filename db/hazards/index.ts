import type { Db } from '../platform/connection';
import { photosRepo } from './photos.repo';
import { inspectionsRepo } from './records.repo';

export { hazardsHandlers, hazardsMapLayer, hazardsStatus } from './hazards.handlers';
export { dutyDay } from './common';
export { pointsRepo } from './points.repo';
export { rectificationsRepo } from './records.repo';
export { fillMissingPinyin } from './pinyin';

export const inspectionById = (db: Db, id: string) => inspectionsRepo(db).get(id);

/**
 * A stored photo (not deleted). Other areas keep their photos in this store: uploaded with
 * hazards.uploadPhoto, shown with hazards.photo, linked by id from their own tables.
 */
export const photoById = (db: Db, id: string) => photosRepo(db).get(id);
