export { damageHandlers } from './damage.handlers';
export { damageFacts, damageMapLayer } from './map-layer';
