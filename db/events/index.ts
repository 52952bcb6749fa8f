export { eventsHandlers } from './events.handlers';
export { eventsRepo } from './events.repo';
