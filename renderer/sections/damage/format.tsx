import { useCallback } from 'react';
import { DAMAGE_TYPES, INDICATORS, UNITS, type IndicatorId, type UnitId } from '../../../core/domain/damage/catalogue';
import { DEFAULT_TIME_ZONE } from '../../../core/time';
import { keyLabels, pairLabels, safeDate, safeEnumLabel, safeNumber, type Shown } from '../../format/safe';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useUi } from '../../store/ui';

/** Stored figures are shown through these, so a value an older version or a restored backup wrote never breaks a row. */
export function useDamageFormat() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const zone = useStatus((s) => s.status?.timeZone ?? DEFAULT_TIME_ZONE);
  const zh = lang === 'zh-CN';
  const figure = useCallback(
    (value: unknown, unit: UnitId): Shown => {
      const shown = safeNumber(value);
      if (typeof shown !== 'string') return shown;
      const name = Object.hasOwn(UNITS, unit) ? UNITS[unit][zh ? 'zh' : 'en'] : '';
      return zh || !name ? `${shown}${name}` : `${shown} ${name}`;
    },
    [zh],
  );
  return {
    zone,
    time: (ms: unknown): Shown => safeDate(ms, 'yyyy-MM-dd HH:mm', zone),
    type: (code: unknown) => safeEnumLabel(code, pairLabels(DAMAGE_TYPES, lang)),
    indicator: (code: unknown) => safeEnumLabel(code, pairLabels(INDICATORS, lang)),
    status: (code: unknown) => safeEnumLabel(code, keyLabels(t, 'damage.status')),
    source: (code: unknown) => safeEnumLabel(code, keyLabels(t, 'damage.source')),
    change: (code: unknown) => safeEnumLabel(code, keyLabels(t, 'damage.change')),
    figure,
    loss: (value: unknown) => figure(value, 'wan_yuan'),
    /** A record's figures, each with its unit; a figure of an indicator this version does not know is shown as unreadable. */
    quantities: (quantities: unknown): Shown[] => {
      if (typeof quantities !== 'object' || quantities === null) return [safeNumber(quantities)];
      return Object.entries(quantities).map(([key, value]) =>
        Object.hasOwn(INDICATORS, key) ? figure(value, INDICATORS[key as IndicatorId].unit) : safeEnumLabel(key, () => undefined),
      );
    },
  };
}

export type DamageFormat = ReturnType<typeof useDamageFormat>;

/** The status as a coloured pill: a figure not yet checked should stand out from a verified one. */
export function StatusPill({ status, format }: { status: unknown; format: DamageFormat }) {
  const known = typeof status === 'string' ? status : 'unknown';
  return (
    <span className={`pill dmg-status dmg-status-${known}`} data-status={known}>
      {format.status(status)}
    </span>
  );
}

/** Figures separated as each language writes a list. */
export function FigureList({ shown }: { shown: Shown[] }) {
  const lang = useUi((s) => s.lang);
  if (!shown.length) return <>—</>;
  return (
    <>
      {shown.map((s, i) => (
        <span key={i}>
          {i > 0 && (lang === 'zh-CN' ? '，' : ', ')}
          {s}
        </span>
      ))}
    </>
  );
}
