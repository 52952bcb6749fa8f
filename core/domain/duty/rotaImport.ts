import { isLocalDate, type LocalDate } from '../../time';

/**
 * Reading a rota typed by people in a spreadsheet: dates in the forms offices write them,
 * several names in one cell, and people named by name or phone.
 */

/** 2024-07-01, 2024/7/1, 2024.7.1, 2024年7月1日, with optional spaces; null when not a real date. */
export function parseImportDate(text: string): LocalDate | null {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return null;
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

/** "张伟、李娜，王强" or "张伟/李娜": the separators seen on real rotas; blanks dropped. */
export function splitNames(cell: string): string[] {
  return cell
    .split(/[、,，;；/\n]+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

interface ResolvablePerson {
  id: string;
  name: string;
  phone: string;
  phone2: string;
  active: boolean;
}

type Resolution = { ok: true; id: string } | { ok: false; reason: 'unknown' | 'ambiguous' };

const digits = (text: string) => text.replace(/\D/g, '');

/**
 * Matches "张伟", "13800001111" or "张伟 13800001111" to one person. A phone number, when
 * present, decides; a name shared by two people is ambiguous unless only one is active,
 * because the spreadsheet is a rota and inactive people are not on it.
 */
export function personResolver(people: readonly ResolvablePerson[]): (text: string) => Resolution {
  const byPhone = new Map<string, ResolvablePerson[]>();
  const byName = new Map<string, ResolvablePerson[]>();
  const add = (map: Map<string, ResolvablePerson[]>, key: string, p: ResolvablePerson) => {
    if (key) map.set(key, [...(map.get(key) ?? []), p]);
  };
  for (const p of people) {
    add(byPhone, digits(p.phone), p);
    add(byPhone, digits(p.phone2), p);
    add(byName, p.name.trim(), p);
  }
  const pick = (candidates: ResolvablePerson[] | undefined): Resolution => {
    if (!candidates?.length) return { ok: false, reason: 'unknown' };
    const unique = [...new Set(candidates)];
    if (unique.length === 1) return { ok: true, id: unique[0].id };
    const active = unique.filter((p) => p.active);
    return active.length === 1 ? { ok: true, id: active[0].id } : { ok: false, reason: 'ambiguous' };
  };
  return (text) => {
    const phone = /\d{7,}/.exec(text.replace(/[\s-]/g, ''))?.[0];
    if (phone) return pick(byPhone.get(phone));
    return pick(byName.get(text.replace(/[（(].*[)）]/, '').trim()));
  };
}
