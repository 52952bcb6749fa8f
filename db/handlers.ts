import type { AllHandlers } from './platform/context';
import { dutyHandlers } from './services/duty';
import { hazardsHandlers } from './services/hazards';
import { evacHandlers } from './services/evac';
import { rainHandlers } from './services/rain';
import { mapHandlers } from './services/map';
import { backupHandlers } from './services/backup';
import { accountsHandlers } from './services/accounts';
import { auditHandlers, eventsHandlers, settingsHandlers, systemHandlers } from './services/system';

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
