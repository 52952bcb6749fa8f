import { useCallback, useEffect, useState } from 'react';
import { RAIN_GRADES, gradeColour } from '../../../core/domain/rain/grades';
import { useQuery } from '../../api/hooks';
import { useT, type TKey } from '../../i18n';
import { fmtTime, useTimeZone } from './format';
import { ImportPanel } from './ImportPanel';
import { ManualEntry } from './ManualEntry';
import { SignalPanel } from './SignalPanel';
import { StationChart } from './StationChart';
import { StationForm } from './StationForm';
import { StationTable } from './StationTable';
import { SummaryPanel } from './SummaryPanel';
import './rain.css';

/** A gauge picked on the map arrives as `#/rain/<id>`. */
function stationFromHash(): string | null {
  const match = /^#\/rain\/([0-9a-f-]{36})/.exec(location.hash);
  return match ? match[1] : null;
}

export default function RainSection() {
  const t = useT();
  const zone = useTimeZone();
  // The table shows "now"; it is refreshed on demand and after every entry or import.
  const [atMs, setAtMs] = useState(() => Date.now());
  const overview = useQuery('rain.overview', { atMs }, String(atMs));
  const stations = useQuery('rain.listStations', {});
  const suggestions = useQuery('rain.suggestions', { status: 'open', limit: 20 });
  const [selected, setSelected] = useState<string | null>(stationFromHash);

  const refresh = useCallback(() => {
    setAtMs(Date.now());
    stations.reload();
    suggestions.reload();
  }, [stations, suggestions]);

  const rows = overview.data?.stations ?? [];
  useEffect(() => {
    if (selected === null && rows.length > 0) setSelected(rows[0].station.id);
  }, [rows, selected]);

  return (
    <section className="panel stack rain-section">
      <div className="rain-top">
        <h1>{t('rain.title')}</h1>
        <span className="muted" data-testid="rain-at">
          {t('rain.at')} {fmtTime(atMs, zone, 'yyyy-MM-dd HH:mm')}
        </span>
        <button type="button" onClick={refresh}>
          {t('rain.refresh')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('rain.print')}
        </button>
      </div>
      <ManualEntry stations={stations.data ?? []} nowMs={() => Date.now()} onSaved={refresh} />
      <SignalPanel open={suggestions.data ?? []} onChanged={refresh} />
      <section className="card" aria-labelledby="rain-table-title">
        <h2 id="rain-table-title">{t('rain.stations')}</h2>
        {overview.data && rows.length > 0 ? (
          <>
            <StationTable data={overview.data} selectedId={selected} onSelect={setSelected} />
            <p className="rain-legend" aria-label={t('rain.legend')}>
              {RAIN_GRADES.map((g) => (
                <span key={g}>
                  <i style={{ background: gradeColour(g) }} aria-hidden="true" />
                  {t(`rain.grade.${g}` as TKey)}
                </span>
              ))}
              <span className="muted">≥ {t('rain.incomplete')}</span>
            </p>
          </>
        ) : (
          !overview.loading && <p className="muted">{t('rain.noStations')}</p>
        )}
      </section>
      {selected && rows.some((r) => r.station.id === selected) ? <StationChart stationId={selected} atMs={atMs} /> : null}
      <ImportPanel onImported={refresh} />
      <SummaryPanel stations={stations.data ?? []} nowMs={atMs} />
      <StationForm onSaved={refresh} />
    </section>
  );
}
