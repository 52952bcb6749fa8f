import type { Person } from './model';

/**
 * Recognises one human entered as several person records (two teams registering the
 * same resident), so totals count that human once. Matching is transitive: if A and B
 * share an ID number and B and C share name + phone, A, B and C are one person.
 */

export type DuplicateBasis = 'id_number' | 'name_phone' | 'name_household';

export interface DuplicateGroup {
  eventId: string;
  /** Sorted; two or more records believed to be the same person. */
  personIds: string[];
  basis: DuplicateBasis[];
}

/** Full-width digits and letters (常见于手机输入) fold to ASCII; spaces are dropped. */
function fold(value: string | null | undefined): string {
  return (value ?? '').normalize('NFKC').replace(/\s+/g, '');
}

export function normalizeIdNumber(value: string | null | undefined): string | null {
  const id = fold(value).toUpperCase();
  return id === '' ? null : id;
}

export function normalizeName(value: string | null | undefined): string | null {
  const name = fold(value).toLowerCase();
  return name === '' ? null : name;
}

/** Digits only, without a +86 / 0086 country prefix. */
export function normalizePhone(value: string | null | undefined): string | null {
  let digits = fold(value).replace(/\D/g, '');
  if (/^0086\d{11}$/.test(digits)) digits = digits.slice(4);
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);
  return digits === '' ? null : digits;
}

export function identityKeys(person: Person): { basis: DuplicateBasis; key: string }[] {
  const keys: { basis: DuplicateBasis; key: string }[] = [];
  const id = normalizeIdNumber(person.idNumber);
  const name = normalizeName(person.name);
  const phone = normalizePhone(person.phone);
  const household = (person.householdId ?? '').trim();
  if (id) keys.push({ basis: 'id_number', key: `id:${id}` });
  if (name && phone) keys.push({ basis: 'name_phone', key: `np:${name}|${phone}` });
  if (name && household) keys.push({ basis: 'name_household', key: `nh:${name}|${household}` });
  return keys;
}

/**
 * Partitions the given person ids (all moved in one event) into groups of records for
 * the same human. Every id appears in exactly one group; ids without a person record
 * stay alone.
 */
export function groupSamePerson(
  personIds: readonly string[],
  persons: ReadonlyMap<string, Person>,
): { members: string[]; basis: DuplicateBasis[] }[] {
  const ids = [...new Set(personIds)].sort();
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const firstByKey = new Map<string, number>();
  const joins: { a: number; basis: DuplicateBasis }[] = [];
  ids.forEach((id, i) => {
    const person = persons.get(id);
    if (!person) return;
    for (const { basis, key } of identityKeys(person)) {
      const seen = firstByKey.get(key);
      if (seen === undefined) {
        firstByKey.set(key, i);
        continue;
      }
      parent[find(i)] = find(seen);
      joins.push({ a: i, basis });
    }
  });
  const groups = new Map<number, { members: string[]; basis: Set<DuplicateBasis> }>();
  ids.forEach((id, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { members: [], basis: new Set<DuplicateBasis>() };
    group.members.push(id);
    groups.set(root, group);
  });
  for (const { a, basis } of joins) groups.get(find(a))!.basis.add(basis);
  return [...groups.values()].map((g) => ({ members: g.members, basis: [...g.basis].sort() }));
}
