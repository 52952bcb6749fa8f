import { useUi } from '../../store/ui';
import { DEFAULT_TIME_ZONE } from '../../../core/time';
import { frequencyLabel, type Frequency } from '../../../core/domain/hazards/inspection';
import { pairLabels, safeDate, safeEnumLabel, type Shown } from '../../format/safe';
import { useStatus } from '../../store/status';

/** Domain label tables carry both languages; this picks the user's. */
export function useLabel(): (pair: { zh: string; en: string }) => string {
  const lang = useUi((s) => s.lang);
  return (pair) => (lang === 'zh-CN' ? pair.zh : pair.en);
}

/** A stored code's label from one of the domain's `{ zh, en }` tables, e.g. `code(RISK_LEVEL_LABELS, p.riskLevel)`. */
export function useCodeLabel(): (table: Readonly<Record<string, { zh: string; en: string }>>, code: unknown) => Shown {
  const lang = useUi((s) => s.lang);
  return (table, code) => safeEnumLabel(code, pairLabels(table, lang));
}

const isFrequency = (value: unknown): value is Frequency =>
  typeof value === 'object' && value !== null && ['days', 'hours'].includes((value as Frequency).kind) && Number.isFinite((value as Frequency).every);

/** "Every 4 h", "Weekly"; a frequency another version wrote in a form this one cannot read shows as such. */
export function useFrequencyLabel(): (frequency: unknown) => Shown {
  const label = useLabel();
  return (frequency) => (isFrequency(frequency) ? label(frequencyLabel(frequency)) : safeEnumLabel(frequency, () => undefined));
}

/** Local time in the office's zone, e.g. `2026-07-01 12:00`. */
export function useFormatTime(): (ms: unknown, pattern?: string) => Shown {
  const zone = useStatus((s) => s.status?.timeZone ?? DEFAULT_TIME_ZONE);
  return (ms, pattern = 'yyyy-MM-dd HH:mm') => safeDate(ms, pattern, zone);
}
