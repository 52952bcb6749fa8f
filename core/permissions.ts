import type { Area } from './contract';

/**
 * Who may call what. Checked in the dispatcher for every call, over IPC and HTTP alike, so
 * hiding a button in the UI is never the only guard.
 */
export const ROLES = ['admin', 'leader', 'duty_officer', 'safety_staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that may change records of each area of the contract. Every area must be named, so a new
 * one does not compile until someone decides who may write to it.
 */
const WRITERS = {
  duty: ['admin', 'leader', 'duty_officer'],
  events: ['admin', 'leader', 'duty_officer'],
  hazards: ['admin', 'leader', 'duty_officer', 'safety_staff'],
  evac: ['admin', 'leader', 'duty_officer'],
  // Safety staff find damage on their rounds; verifying and removing are for those on duty (see core/contract/damage.ts).
  damage: ['admin', 'leader', 'duty_officer', 'safety_staff'],
  rain: ['admin', 'leader', 'duty_officer'],
  map: ['admin', 'leader', 'duty_officer', 'safety_staff'],
  settings: ['admin'],
  backup: ['admin'],
  accounts: ['admin'],
  // Read-only today: a write added here is an administrator's until decided otherwise.
  system: ['admin'],
  audit: ['admin'],
} as const satisfies Record<Area, readonly Role[]>;

/** Evacuees' names, ID numbers and phones: only those who must contact or account for people. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['admin', 'leader', 'duty_officer'];

export interface AccessRule {
  kind: 'read' | 'write';
  /** Overrides the area default, e.g. a read of personal data or a write anyone on duty may make. */
  access?: readonly Role[];
}

function isArea(name: string): name is Area {
  return Object.hasOwn(WRITERS, name);
}

export function mayCall(role: Role, method: string, rule: AccessRule): boolean {
  if (rule.access) return rule.access.includes(role);
  if (rule.kind === 'read') return true;
  const area = method.slice(0, method.indexOf('.'));
  // A name outside the contract never reaches a handler; refusing all but admins keeps this total.
  const writers: readonly Role[] = isArea(area) ? WRITERS[area] : ['admin'];
  return writers.includes(role);
}

export function maySeePersonalData(role: Role): boolean {
  return PERSONAL_DATA_ROLES.includes(role);
}
