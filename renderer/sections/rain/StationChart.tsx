import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { StationSeriesOut } from '../../../core/contract/rain';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { plain } from '../../format/safe';
import { useUi } from '../../store/ui';
import { fmtM, fmtMm, fmtTime, useTimeZone } from './format';

// Only the parts drawn here, so the chart costs a fraction of the full echarts bundle. SVG: crisp when
// printed, and its text is in the page, so a test can check that nothing is drawn over anything else.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const RANGES = [24, 72, 168];
const HOUR = 3_600_000;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function options(data: StationSeriesOut, t: ReturnType<typeof useT>, zone: string): echarts.EChartsCoreOption {
  const text = cssVar('--text', '#e6edf3');
  const muted = cssVar('--muted', '#9fb0c0');
  const border = cssVar('--border', '#2b3a4a');
  const labels = data.points.map((p) => plain(fmtTime(p.endMs, zone, 'MM-dd HH:mm')));
  const axis = { axisLine: { lineStyle: { color: border } }, axisLabel: { color: muted }, splitLine: { lineStyle: { color: border } } };
  // The first and last times start and end at their ticks instead of centring there, so they stay
  // clear of the value labels at the corners of the plot.
  const timeAxis = { type: 'category', data: labels, ...axis, axisLabel: { color: muted, alignMinLabel: 'left', alignMaxLabel: 'right' } };
  // The legend has the top row to itself; the axis names sit in the band below it, above the plot,
  // and containLabel keeps the tick labels inside the box whatever their length in either language.
  const base = {
    animation: false,
    textStyle: { color: text },
    tooltip: { trigger: 'axis' },
    legend: { top: 4, left: 'center', textStyle: { color: text } },
    grid: { left: 16, right: 16, top: 64, bottom: 8, containLabel: true },
  };
  if (data.station.type === 'water') {
    const marks = [
      data.station.warningM !== null ? { yAxis: data.station.warningM, name: t('rain.chart.warning', { level: plain(fmtM(data.station.warningM)) }), lineStyle: { color: cssVar('--orange', '#fb923c') } } : null,
      data.station.guaranteeM !== null ? { yAxis: data.station.guaranteeM, name: t('rain.chart.guarantee', { level: plain(fmtM(data.station.guaranteeM)) }), lineStyle: { color: cssVar('--red', '#ef4444') } } : null,
    ].filter((m) => m !== null);
    const values = data.points.map((p) => p.value as number);
    const top = Math.max(...values, ...marks.map((m) => m.yAxis));
    return {
      ...base,
      xAxis: timeAxis,
      yAxis: { type: 'value', name: t('rain.chart.level'), nameTextStyle: { align: 'left' }, min: Math.floor(Math.min(...values, top) - 0.5), max: Math.ceil(top + 0.3), ...axis },
      series: [
        {
          name: t('rain.chart.level'),
          type: 'line',
          data: values,
          showSymbol: false,
          lineStyle: { color: cssVar('--accent', '#4ea8ff'), width: 2 },
          markLine: { symbol: 'none', label: { formatter: '{b}', color: text, position: 'insideEndTop' }, data: marks },
        },
      ],
    };
  }
  return {
    ...base,
    xAxis: timeAxis,
    yAxis: [
      { type: 'value', name: t('rain.chart.hourly'), nameTextStyle: { align: 'left' }, ...axis },
      { type: 'value', name: t('rain.chart.cumulative'), nameTextStyle: { align: 'right' }, ...axis, splitLine: { show: false } },
    ],
    series: [
      { name: t('rain.chart.hourly'), type: 'bar', data: data.points.map((p) => p.value), itemStyle: { color: cssVar('--accent', '#4ea8ff') } },
      { name: t('rain.chart.cumulative'), type: 'line', yAxisIndex: 1, data: data.cumulativeMm, showSymbol: false, lineStyle: { color: cssVar('--orange', '#fb923c'), width: 2 }, itemStyle: { color: cssVar('--orange', '#fb923c') } },
    ],
  };
}

export function StationChart({ stationId, atMs }: { stationId: string; atMs: number }) {
  const t = useT();
  const zone = useTimeZone();
  const theme = useUi((s) => s.theme);
  const [hours, setHours] = useState(72);
  const toMs = Math.floor(atMs / HOUR) * HOUR;
  const series = useQuery('rain.series', { stationId, fromMs: toMs - hours * HOUR, toMs });
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!box.current || !series.data) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
    const data = series.data;
    // Next frame: the shell sets the theme attribute in its own effect, after this one.
    const frame = requestAnimationFrame(() => chart.setOption(options(data, t, zone)));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [series.data, t, zone, theme]);

  const data = series.data;
  const title = data ? t(data.station.type === 'water' ? 'rain.chart.waterTitle' : 'rain.chart.title', { name: data.station.name }) : '';
  return (
    <section className="card rain-chart" aria-labelledby="rain-chart-title" data-testid="rain-chart">
      <div className="rain-chart-head">
        <h2 id="rain-chart-title">{title}</h2>
        <label>
          {t('rain.chart.range')}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))} name="chart-range">
            {RANGES.map((h) => (
              <option key={h} value={h}>
                {t('rain.chart.hours', { n: h })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div ref={box} className="rain-chart-canvas" role="img" aria-label={title} />
      {data && (
        <details className="rain-chart-data">
          <summary>{t('rain.chart.table')}</summary>
          <table>
            <tbody>
              {data.points
                .filter((p) => p.value !== null && p.value !== 0)
                .map((p) => (
                  <tr key={p.endMs}>
                    <td>{fmtTime(p.endMs, zone, 'yyyy-MM-dd HH:mm')}</td>
                    <td className="rain-num">{data.station.type === 'water' ? fmtM(p.value) : fmtMm(p.value)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
