export { rainHandlers, rainMapLayer } from './rain.handlers';
export { rainStationsRepo } from './rain.repo';
export { overview as rainOverview } from './compute';
