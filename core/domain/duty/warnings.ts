/**
 * Meteorological and hazard warnings, and the response level they suggest. Signals are
 * issued by the weather, water and natural-resources bureaus; emergency response levels
 * are declared by the flood-control command (防指). The app only suggests a level from
 * the warnings in force; the mapping is local policy and therefore a setting.
 */

import type { Label } from './types';

export type WarningType = 'rainstorm' | 'typhoon' | 'flood' | 'geological' | 'other';

export type WarningColour = 'blue' | 'yellow' | 'orange' | 'red';

/** Lowest to highest. */
export const WARNING_COLOURS: readonly WarningColour[] = ['blue', 'yellow', 'orange', 'red'];

export interface Warning {
  id: string;
  type: WarningType;
  colour: WarningColour;
  issuedBy: string;
  issuedAtMs: number;
  liftedAtMs: number | null;
}

export const WARNING_TYPE_LABELS: Record<WarningType, Label> = {
  rainstorm: { zh: '暴雨', en: 'Rainstorm' },
  typhoon: { zh: '台风', en: 'Typhoon' },
  flood: { zh: '洪水', en: 'Flood' },
  geological: { zh: '地质灾害', en: 'Geological hazard' },
  other: { zh: '其他', en: 'Other' },
};

export const WARNING_COLOUR_LABELS: Record<WarningColour, Label> = {
  blue: { zh: '蓝色', en: 'blue' },
  yellow: { zh: '黄色', en: 'yellow' },
  orange: { zh: '橙色', en: 'orange' },
  red: { zh: '红色', en: 'red' },
};

/** Ⅳ is the lowest level and Ⅰ the highest, so the number falls as severity rises. */
export type ResponseLevel = 1 | 2 | 3 | 4;

export const ROMAN: Record<ResponseLevel, string> = { 1: 'Ⅰ', 2: 'Ⅱ', 3: 'Ⅲ', 4: 'Ⅳ' };
const LATIN_ROMAN: Record<ResponseLevel, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

export function responseLevelLabel(level: ResponseLevel): Label {
  return { zh: `${ROMAN[level]}级应急响应`, en: `Level ${LATIN_ROMAN[level]} emergency response` };
}

/** null means "no response suggested for this colour". */
export type ResponseLevelMapping = Record<WarningColour, ResponseLevel | null>;

export const DEFAULT_RESPONSE_MAPPING: ResponseLevelMapping = { blue: 4, yellow: 3, orange: 2, red: 1 };

export function colourRank(colour: WarningColour): number {
  return WARNING_COLOURS.indexOf(colour);
}

/** In force at `nowMs`: issued at or before it and not yet lifted. */
export function isActive(warning: Warning, nowMs: number): boolean {
  return warning.issuedAtMs <= nowMs && (warning.liftedAtMs === null || warning.liftedAtMs > nowMs);
}

/** Warnings in force, most severe first, then most recently issued, as the banner shows them. */
export function activeWarnings(warnings: readonly Warning[], nowMs: number): Warning[] {
  return warnings
    .filter((w) => isActive(w, nowMs))
    .sort((a, b) => colourRank(b.colour) - colourRank(a.colour) || b.issuedAtMs - a.issuedAtMs);
}

export interface ResponseSuggestion {
  level: ResponseLevel;
  colour: WarningColour;
  /** The active warnings of that colour, so the screen can say what the suggestion rests on. */
  warningIds: string[];
}

export function suggestResponseLevel(
  warnings: readonly Warning[],
  nowMs: number,
  mapping: ResponseLevelMapping = DEFAULT_RESPONSE_MAPPING,
): ResponseSuggestion | null {
  const active = activeWarnings(warnings, nowMs);
  if (active.length === 0) return null;
  const colour = active[0].colour;
  const level = mapping[colour];
  if (level === null) return null;
  return { level, colour, warningIds: active.filter((w) => w.colour === colour).map((w) => w.id) };
}

/** A rainstorm signal is met when rain over the window reaches the amount, observed or expected. */
export interface RainstormSignalThreshold {
  windowHours: number;
  mm: number;
}

/** National defaults (DOMAIN §3); provinces differ, so these seed a setting. */
export const DEFAULT_RAINSTORM_SIGNALS: Record<WarningColour, RainstormSignalThreshold> = {
  blue: { windowHours: 12, mm: 50 },
  yellow: { windowHours: 6, mm: 50 },
  orange: { windowHours: 3, mm: 50 },
  red: { windowHours: 3, mm: 100 },
};

/** A typhoon signal is met when, within the lead time, mean wind or gusts reach the force (Beaufort). */
export interface TyphoonSignalThreshold {
  withinHours: number;
  meanWindForce: number;
  gustForce: number;
}

export const DEFAULT_TYPHOON_SIGNALS: Record<WarningColour, TyphoonSignalThreshold> = {
  blue: { withinHours: 24, meanWindForce: 6, gustForce: 8 },
  yellow: { withinHours: 24, meanWindForce: 8, gustForce: 10 },
  orange: { withinHours: 12, meanWindForce: 10, gustForce: 12 },
  red: { withinHours: 6, meanWindForce: 12, gustForce: 14 },
};

/**
 * The highest rainstorm colour whose threshold is reached, given rain sums keyed by
 * window length in hours (e.g. `{ 3: 62, 6: 80, 12: 95 }`). A window that is absent or
 * null is unknown, not dry: it simply cannot support that colour.
 */
export function rainstormColourFor(
  sumsByWindowHours: Readonly<Record<number, number | null | undefined>>,
  thresholds: Record<WarningColour, RainstormSignalThreshold> = DEFAULT_RAINSTORM_SIGNALS,
): WarningColour | null {
  return highestMet((t: RainstormSignalThreshold) => {
    const sum = sumsByWindowHours[t.windowHours];
    return sum !== null && sum !== undefined && sum >= t.mm;
  }, thresholds);
}

export interface TyphoonForecast {
  /** Hours until the wind is expected; 0 when it is already blowing. */
  hoursAhead: number;
  meanWindForce: number;
  gustForce: number;
}

export function typhoonColourFor(
  forecast: TyphoonForecast,
  thresholds: Record<WarningColour, TyphoonSignalThreshold> = DEFAULT_TYPHOON_SIGNALS,
): WarningColour | null {
  return highestMet(
    (t: TyphoonSignalThreshold) =>
      forecast.hoursAhead <= t.withinHours && (forecast.meanWindForce >= t.meanWindForce || forecast.gustForce >= t.gustForce),
    thresholds,
  );
}

function highestMet<T>(met: (threshold: T) => boolean, thresholds: Record<WarningColour, T>): WarningColour | null {
  for (const colour of [...WARNING_COLOURS].reverse()) if (met(thresholds[colour])) return colour;
  return null;
}
