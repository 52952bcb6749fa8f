/**
 * Hazard point (隐患点) basics: where it is, how risky it is, and the checks a new point's
 * location gets before it is saved. Locations are WGS-84 decimal degrees; points copied
 * from Gaode/Baidu must be converted first (see `core/domain/geo/coords`).
 */

export interface LatLng {
  lat: number;
  lng: number;
}

/** [west, south, east, north] in degrees, the same order as GeoJSON and MBTiles bounds. */
export type BBox = [number, number, number, number];

/**
 * A deliberately generous box around China (mainland, Hainan, Taiwan, the southern islands
 * down to 曾母暗沙). It catches swapped or zeroed coordinates and points from abroad; it is
 * not a border test, so a point inside it may still be in a neighbouring country.
 */
export const CHINA_BBOX: BBox = [73.4, 3.8, 135.1, 53.6];

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;

export function isValidLatLng(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}

export function isInArea(lat: number, lng: number, bbox: BBox): boolean {
  const [west, south, east, north] = bbox;
  if (!isValidLatLng(lat, lng) || lat < south || lat > north) return false;
  // A box whose west edge is east of its east edge crosses the antimeridian.
  return west <= east ? lng >= west && lng <= east : lng >= west || lng <= east;
}

export function isInChina(lat: number, lng: number): boolean {
  return isInArea(lat, lng, CHINA_BBOX);
}

export type LocationWarningCode = 'invalid' | 'zero' | 'swapped' | 'outside_china' | 'outside_area';

export interface LocationWarning {
  code: LocationWarningCode;
  message: string;
  messageZh: string;
}

const LOCATION_WARNING_TEXT: Record<LocationWarningCode, { en: string; zh: string }> = {
  invalid: { en: 'Latitude must be within ±90 and longitude within ±180', zh: '纬度须在 ±90 之间，经度须在 ±180 之间' },
  zero: { en: 'The location is 0, 0: probably not filled in', zh: '坐标为 0, 0，可能未填写' },
  swapped: { en: 'Latitude and longitude look swapped', zh: '经纬度可能填反了' },
  outside_china: { en: 'The location is outside China; was it converted from another coordinate system?', zh: '坐标不在中国境内，请检查坐标系是否正确' },
  outside_area: { en: 'The location is outside the unit’s area', zh: '坐标不在本单位辖区范围内' },
};

function warning(code: LocationWarningCode): LocationWarning {
  const text = LOCATION_WARNING_TEXT[code];
  return { code, message: text.en, messageZh: text.zh };
}

/**
 * Warnings (not errors: a shelter may lie just outside the street's box) for a point being
 * entered. `area` is the unit's own bounding box when it has one.
 */
export function locationWarnings(lat: number, lng: number, area?: BBox): LocationWarning[] {
  if (!isValidLatLng(lat, lng)) {
    return isValidLatLng(lng, lat) && isInChina(lng, lat) ? [warning('invalid'), warning('swapped')] : [warning('invalid')];
  }
  if (lat === 0 && lng === 0) return [warning('zero')];
  const out: LocationWarning[] = [];
  if (!isInChina(lat, lng)) out.push(isInChina(lng, lat) ? warning('swapped') : warning('outside_china'));
  if (area && !isInArea(lat, lng, area)) out.push(warning('outside_area'));
  return out;
}

/** Great-circle distance by the haversine formula; good to about 0.5 % anywhere. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NamedPoint extends LatLng {
  id?: string;
  name: string;
}

export interface NearDuplicate<P extends NamedPoint> {
  point: P;
  distanceM: number;
}

/**
 * Names typed on different machines differ in width and spacing (“１号 车库” vs “1号车库”);
 * NFKC folds full-width forms, then spaces and case are dropped.
 */
export function normalizePointName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Existing points with the same name within `radiusM` of the new one, nearest first:
 * the usual sign that two people entered the same garage.
 */
export function findNearDuplicates<P extends NamedPoint>(newPoint: NamedPoint, existing: readonly P[], radiusM = 50): NearDuplicate<P>[] {
  const name = normalizePointName(newPoint.name);
  if (!name) return [];
  return existing
    .filter((p) => p.id === undefined || p.id !== newPoint.id)
    .filter((p) => normalizePointName(p.name) === name)
    .map((p) => ({ point: p, distanceM: distanceMeters(newPoint, p) }))
    .filter((d) => d.distanceM <= radiusM)
    .sort((x, y) => x.distanceM - y.distanceM);
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];

export const RISK_LEVEL_LABELS: Record<RiskLevel, { zh: string; en: string }> = {
  low: { zh: '低风险', en: 'Low' },
  medium: { zh: '中风险', en: 'Medium' },
  high: { zh: '高风险', en: 'High' },
  critical: { zh: '极高风险', en: 'Critical' },
};

/** 0 for low … 3 for critical, for sorting and "at least" filters. */
export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RISK_LEVELS as readonly string[]).includes(value);
}

/** Safety grades of housing after JGJ 125 (危险房屋鉴定标准); D is the most dangerous. */
export type SafetyGrade = 'A' | 'B' | 'C' | 'D';

export const SAFETY_GRADES: readonly SafetyGrade[] = ['A', 'B', 'C', 'D'];

export const SAFETY_GRADE_LABELS: Record<SafetyGrade, { zh: string; en: string; descriptionZh: string; descriptionEn: string }> = {
  A: { zh: 'A 级', en: 'Grade A', descriptionZh: '结构安全，未发现危险点', descriptionEn: 'Structure safe, no dangerous members found' },
  B: { zh: 'B 级', en: 'Grade B', descriptionZh: '个别构件危险，不影响主体结构安全', descriptionEn: 'Isolated dangerous members; main structure safe' },
  C: { zh: 'C 级（局部危房）', en: 'Grade C (partly dangerous)', descriptionZh: '部分承重结构不满足安全使用要求，局部危险', descriptionEn: 'Part of the load-bearing structure unsafe' },
  D: { zh: 'D 级（整幢危房）', en: 'Grade D (dangerous building)', descriptionZh: '承重结构已不满足安全使用要求，整体危险', descriptionEn: 'Load-bearing structure unsafe; whole building dangerous' },
};

export function isSafetyGrade(value: unknown): value is SafetyGrade {
  return typeof value === 'string' && (SAFETY_GRADES as readonly string[]).includes(value);
}

/** True when `grade` is as bad as `threshold` or worse (D is worse than C). */
export function gradeAtLeast(grade: SafetyGrade, threshold: SafetyGrade): boolean {
  return SAFETY_GRADES.indexOf(grade) >= SAFETY_GRADES.indexOf(threshold);
}
