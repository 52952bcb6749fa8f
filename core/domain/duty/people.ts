import { personPinyinSortKey } from '../hazards/pinyin';

interface Named {
  id: string;
  name: string;
  active: boolean;
}

/**
 * The order people are listed and picked in: active first, then by the pinyin of the name
 * (the order of the hazard register and of any printed 名单), so 吕 (lǚ) comes after 李 (lǐ)
 * and 曾 files under Z. Code-point order would look random to a Chinese reader.
 */
export function sortPeople<T extends Named>(people: T[]): T[] {
  const keys = new Map(people.map((p) => [p.id, personPinyinSortKey(p.name)]));
  const key = (p: T) => keys.get(p.id)!;
  return [...people].sort((a, b) => Number(b.active) - Number(a.active) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) || (a.id < b.id ? -1 : 1));
}
