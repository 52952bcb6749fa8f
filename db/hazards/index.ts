export { hazardsHandlers, hazardsMapLayer, hazardsStatus } from './hazards.handlers';
export { dutyDay } from './common';
export { pointsRepo } from './points.repo';
export { rectificationsRepo } from './records.repo';
export { fillMissingPinyin } from './pinyin';
