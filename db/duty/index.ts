export { dutyHandlers, dutyStatus } from './duty.handlers';
