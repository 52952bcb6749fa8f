import type { AllHandlers } from './platform/context';
import { dutyHandlers } from './duty/duty.handlers';
import { hazardsHandlers } from './hazards/hazards.handlers';
import { evacHandlers } from './evac/evac.handlers';
import { rainHandlers } from './rain/rain.handlers';
import { mapHandlers } from './map/map.handlers';
import { backupHandlers } from './backup/backup.handlers';
import { accountsHandlers } from './accounts/accounts.handlers';
import { auditHandlers, eventsHandlers, settingsHandlers, systemHandlers } from './system/system.handlers';

/** Every contract method's handler; a method without one fails to compile here. */
export const handlers = {
  ...systemHandlers,
  ...settingsHandlers,
  ...eventsHandlers,
  ...auditHandlers,
  ...dutyHandlers,
  ...hazardsHandlers,
  ...evacHandlers,
  ...rainHandlers,
  ...mapHandlers,
  ...backupHandlers,
  ...accountsHandlers,
} satisfies AllHandlers;
