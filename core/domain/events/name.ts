/**
 * How a named event is called on the desk. A typhoon is known by its year and number as well as
 * its name, in the form the weather service and the command use (2023年第9号台风“苏拉”;
 * Typhoon Saola (2309)), so the display name is composed from stored fields rather than typed.
 */

export interface EventNameParts {
  kind: string;
  /** The Chinese name (苏拉), or the whole name of any other event (11月强降雨过程). */
  name: string;
  /** The international name (Saola), or the English name of any other event; may be empty. */
  nameEn: string;
  typhoonYear: number | null;
  typhoonNumber: number | null;
}

export type NameLang = 'zh' | 'en';

/** The four-digit code the services use: year's last two digits and the number, 2309. */
export function typhoonCode(year: number, number: number): string {
  return `${String(year % 100).padStart(2, '0')}${String(number).padStart(2, '0')}`;
}

/**
 * The name people say, in one language. An unnumbered event (a rainstorm, or a typhoon recorded
 * before numbers were kept, whose name already reads 台风“苏拉”) is shown as it was typed; English
 * falls back to the Chinese name, since a name in the other script beats none.
 */
export function eventDisplayName(event: EventNameParts, lang: NameLang): string {
  const name = event.name.trim();
  const nameEn = event.nameEn.trim();
  const { typhoonYear: year, typhoonNumber: number } = event;
  if (event.kind !== 'typhoon' || year === null || number === null) return lang === 'en' && nameEn ? nameEn : name;
  if (lang === 'zh') return `${year}年第${number}号台风“${name}”`;
  return `Typhoon ${nameEn || name} (${typhoonCode(year, number)})`;
}
