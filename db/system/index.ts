export { systemHandlers } from './system.handlers';
export { settingsHandlers } from './settings.handlers';
export { DEMO_UNIT } from './demo';
