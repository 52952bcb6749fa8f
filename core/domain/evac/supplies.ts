/**
 * Units a shelter's supplies are counted in. A catalogue rather than free text, so a
 * line reads "80 pcs" in English and "80张" in Chinese; a unit stored as text before the
 * catalogue (or one outside it) is shown as it was typed.
 */
export const SUPPLY_UNITS = {
  piece: { zh: '个', en: 'pcs' },
  sheet: { zh: '张', en: 'pcs' },
  case: { zh: '箱', en: 'cases' },
  portion: { zh: '份', en: 'portions' },
  bottle: { zh: '瓶', en: 'bottles' },
  bag: { zh: '袋', en: 'bags' },
  box: { zh: '盒', en: 'boxes' },
  set: { zh: '套', en: 'sets' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type SupplyUnit = keyof typeof SUPPLY_UNITS;
export const SUPPLY_UNIT_CODES = Object.keys(SUPPLY_UNITS) as SupplyUnit[];

/** The unit a stored value means: a catalogue code, or the Chinese word the catalogue also holds. */
export function supplyUnitOf(stored: string): SupplyUnit | null {
  if (Object.hasOwn(SUPPLY_UNITS, stored)) return stored as SupplyUnit;
  return SUPPLY_UNIT_CODES.find((code) => SUPPLY_UNITS[code].zh === stored) ?? null;
}

export function supplyUnitLabel(stored: string, lang: 'zh' | 'en'): string {
  const unit = supplyUnitOf(stored);
  return unit ? SUPPLY_UNITS[unit][lang] : stored;
}
