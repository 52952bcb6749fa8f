import type { LeavePeriod, Person, PersonRole } from '../../../core/domain/duty/types';

export function person(id: string, roles: PersonRole[], extra: { active?: boolean; leave?: LeavePeriod[] } = {}): Person {
  return { id, name: `Name ${id}`, roles, active: extra.active ?? true, leave: extra.leave ?? [] };
}

export function spread(values: number[]): number {
  return Math.max(...values) - Math.min(...values);
}
