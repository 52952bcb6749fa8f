/**
 * Who may call what. Checked in the dispatcher for every call, over IPC and HTTP alike, so
 * hiding a button in the UI is never the only guard.
 */
export const ROLES = ['admin', 'leader', 'duty_officer', 'safety_staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may change records of an area (the part of a method name before the dot). */
const WRITERS: Record<string, readonly Role[]> = {
  duty: ['admin', 'leader', 'duty_officer'],
  events: ['admin', 'leader', 'duty_officer'],
  hazards: ['admin', 'leader', 'duty_officer', 'safety_staff'],
  evac: ['admin', 'leader', 'duty_officer'],
  rain: ['admin', 'leader', 'duty_officer'],
  map: ['admin', 'leader', 'duty_officer', 'safety_staff'],
  settings: ['admin'],
  backup: ['admin'],
  accounts: ['admin'],
};

/** Evacuees' names, ID numbers and phones: only those who must contact or account for people. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['admin', 'leader', 'duty_officer'];

export interface AccessRule {
  kind: 'read' | 'write';
  /** Overrides the area default, e.g. a read of personal data or a write anyone on duty may make. */
  access?: readonly Role[];
}

export function mayCall(role: Role, method: string, rule: AccessRule): boolean {
  if (rule.access) return rule.access.includes(role);
  if (rule.kind === 'read') return true;
  const area = method.slice(0, method.indexOf('.'));
  return (WRITERS[area] ?? ['admin']).includes(role);
}

export function maySeePersonalData(role: Role): boolean {
  return PERSONAL_DATA_ROLES.includes(role);
}
