import type { MethodDef } from './define';
import { dutyRotaContract } from './dutyRota';
import { dutyLogContract } from './dutyLog';
import { dutyDeskContract } from './dutyDesk';

/** Every duty method, split by subject so each file stays readable. */
export const dutyContract = {
  ...dutyRotaContract,
  ...dutyLogContract,
  ...dutyDeskContract,
} satisfies Record<string, MethodDef>;
