import { useState } from 'react';
import { useT } from '../../i18n';

/** The period every season total is compared under; other names are the user's own (a month, a plum-rain season). */
export const SEASON_PERIOD = 'season';
const OTHER = '';

/**
 * The name a normal is stored under, chosen by its label: the built-in season shows as
 * 汛期 / Flood season, names the user entered before are listed as they wrote them, and
 * "other" opens a text box for a new one.
 */
export function PeriodField({ label, name, value, known, onChange }: { label: string; name: string; value: string; known: readonly string[]; onChange(period: string): void }) {
  const t = useT();
  const listed = [SEASON_PERIOD, ...new Set(known.filter((p) => p !== SEASON_PERIOD))];
  const [typing, setTyping] = useState(!listed.includes(value));
  const chosen = typing ? OTHER : value;
  return (
    <>
      <label>
        {label}
        <select
          name={name}
          value={chosen}
          onChange={(e) => {
            const next = e.target.value;
            setTyping(next === OTHER);
            onChange(next);
          }}
        >
          {listed.map((p) => (
            <option key={p} value={p}>
              {p === SEASON_PERIOD ? t('rain.period.season') : p}
            </option>
          ))}
          <option value={OTHER}>{t('rain.period.other')}</option>
        </select>
      </label>
      {typing && (
        <label>
          {t('rain.period.custom')}
          <input name={`${name}-custom`} required maxLength={40} value={value} onChange={(e) => onChange(e.target.value)} />
        </label>
      )}
    </>
  );
}
