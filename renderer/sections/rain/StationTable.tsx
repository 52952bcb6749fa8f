import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RainOverview, StationOverview } from '../../../core/contract/rain';
import { gradeColour, RAIN_GRADE_COLOURS, SIGNAL_COLOURS, gradeRain } from '../../../core/domain/rain/grades';
import { StoredRow } from '../../components/ErrorBoundary';
import { useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { fmtM, fmtMm, fmtTime, swatch, useTimeZone } from './format';

const WINDOWS = ['h1', 'h3', 'h6', 'h12', 'h24'] as const;
const ROW_HEIGHT = 44;

/** Printing needs every row on paper, so the virtual window is switched off while printing. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const query = matchMedia('print');
    const on = () => setPrinting(query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, []);
  return printing;
}

function RainCells({ row }: { row: StationOverview }) {
  const t = useT();
  const code = useCodeLabel();
  return (
    <>
      {WINDOWS.map((key) => {
        const cell = row.rolling?.[key];
        // 12 h and 24 h are graded by GB/T 28592; shorter windows have no national grade.
        const grade = key === 'h24' || key === 'h12' ? gradeRain(cell?.totalMm, key === 'h24' ? '24h' : '12h') : null;
        return (
          <span
            role="cell"
            key={key}
            className={`rain-num${cell && !cell.complete && cell.totalMm !== null ? ' rain-partial' : ''}`}
            title={cell && !cell.complete && cell.totalMm !== null ? t('rain.incomplete') : undefined}
            style={grade ? { boxShadow: `inset 4px 0 0 ${gradeColour(grade.grade)}` } : undefined}
          >
            {cell && !cell.complete && cell.totalMm !== null ? '≥' : ''}
            {fmtMm(cell?.totalMm)}
          </span>
        );
      })}
      <span role="cell">
        {row.grade24 ? (
          <span className="rain-grade" style={{ background: swatch(RAIN_GRADE_COLOURS, row.grade24) }} data-grade={row.grade24}>
            {code('rain.grade', row.grade24)}
          </span>
        ) : (
          '—'
        )}
      </span>
      <span role="cell">
        {row.signal ? (
          <span className="rain-signal" style={{ background: swatch(SIGNAL_COLOURS, row.signal) }} data-signal={row.signal}>
            {code('rain.signal', row.signal)}
          </span>
        ) : (
          '—'
        )}
      </span>
    </>
  );
}

function WaterCells({ row }: { row: StationOverview }) {
  const code = useCodeLabel();
  const status = row.waterStatus ?? 'unknown';
  return (
    <>
      <span role="cell" className="rain-water-span">
        {fmtM(row.levelM)} / {fmtM(row.station.warningM)} m
        {row.overWarningM !== null && row.overWarningM > 0 && <> (+{fmtM(row.overWarningM)})</>}
      </span>
      <span role="cell">
        <span className={`rain-water rain-water-${status}`} data-water={status}>
          {code('rain.water', status)}
        </span>
      </span>
    </>
  );
}

export function StationTable({ data, selectedId, onSelect }: { data: RainOverview; selectedId: string | null; onSelect(id: string): void }) {
  const t = useT();
  const zone = useTimeZone();
  const printing = usePrinting();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = data.stations;
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const visible = printing ? rows.map((_, index) => ({ index, start: index * ROW_HEIGHT })) : virtual.getVirtualItems();

  const onKey = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(rows[index].station.id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.min(rows.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)));
      virtual.scrollToIndex(next);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
    }
  };

  return (
    <div className="rain-table" role="table" aria-label={t('rain.stations')} aria-rowcount={rows.length + 1}>
      <div className="rain-row rain-head" role="row">
        {(['code', 'name', 'latest', 'h1', 'h3', 'h6', 'h12', 'h24', 'grade', 'signal'] as const).map((c) => (
          <span role="columnheader" key={c}>
            {t(`rain.col.${c}`)}
          </span>
        ))}
      </div>
      <div ref={scroller} className="rain-scroll" style={{ maxHeight: printing ? 'none' : Math.min(rows.length, 12) * ROW_HEIGHT + 2 }}>
        <div style={{ height: printing ? 'auto' : virtual.getTotalSize(), position: 'relative' }}>
          {visible.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={row.station.id}
                role="row"
                tabIndex={0}
                data-index={item.index}
                data-code={row.station.code}
                aria-selected={row.station.id === selectedId}
                className={`rain-row${row.station.id === selectedId ? ' selected' : ''}${row.stale ? ' stale' : ''}`}
                style={printing ? undefined : { position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => onSelect(row.station.id)}
                onKeyDown={(e) => onKey(e, item.index)}
              >
                <StoredRow method="rain.overview" rowId={row.station.id} name={row.station.name} as="div">
                  {() => (
                    <>
                      <span role="cell" className="mono">
                        {row.station.code}
                      </span>
                      <span role="cell">{row.station.name}</span>
                      <span role="cell" title={row.stale ? t('rain.stale') : undefined} className={row.stale ? 'rain-stale' : undefined}>
                        {fmtTime(row.lastEndMs, zone)}
                      </span>
                      {row.station.type === 'rain' ? <RainCells row={row} /> : <WaterCells row={row} />}
                    </>
                  )}
                </StoredRow>
              </div>
            );
          })}
        </div>
      </div>
      <div className="rain-row rain-area" role="row">
        <span role="cell" />
        <span role="cell">{t('rain.area')}</span>
        <span role="cell" />
        {WINDOWS.map((key) => (
          <span role="cell" key={key} className="rain-num" title={t('rain.areaUsed', { used: data.area[key].stationsUsed, total: data.area[key].stationsTotal })}>
            {fmtMm(data.area[key].meanMm)}
          </span>
        ))}
        <span role="cell" />
        <span role="cell" />
      </div>
    </div>
  );
}
