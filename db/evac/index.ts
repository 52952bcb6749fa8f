export { evacHandlers, evacMapLayer } from './evac.handlers';
export { evacPeopleRepo } from './people.repo';
export { evacStepsRepo } from './steps.repo';
