import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EvacSeries } from '../../../core/contract/evac';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useUi } from '../../store/ui';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** About 100 points whatever the event's length, in whole hours once past an hour. */
function bucketFor(rangeMs: number): number {
  const minutes = Math.max(5, Math.ceil(rangeMs / 100 / 60_000));
  return minutes > 60 ? Math.min(1440, Math.ceil(minutes / 60) * 60) : minutes;
}

function useChart(option: echarts.EChartsCoreOption | null, theme: string) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || !option) return;
    const chart = echarts.init(ref.current, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chart.setOption({ backgroundColor: 'transparent', ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, theme]);
  return ref;
}

export default function Charts({ eventId, version }: { eventId: string; version: number }) {
  const t = useT();
  const theme = useUi((s) => s.theme);
  const nowMs = useStatus((s) => s.status?.nowMs) ?? 0;
  const events = useQuery('events.list', { includeEnded: true });
  const event = events.data?.find((e) => e.id === eventId);
  const from = event?.startedAtMs ?? 0;
  const to = Math.max(from + 3_600_000, Math.min(event?.endedAtMs ?? nowMs, nowMs || Number.MAX_SAFE_INTEGER));
  const ready = !!event && nowMs > 0;
  const series = useQuery(
    'evac.series',
    { eventIds: [eventId], seriesFromMs: from, seriesToMs: ready ? to : from, bucketMinutes: bucketFor(to - from) },
    `${eventId}|${ready}|${version}|${Math.floor(to / 600_000)}`,
  );
  const s: EvacSeries | undefined = ready ? series.data : undefined;
  const outRef = useChart(
    s
      ? {
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 48, right: 16, top: 36, bottom: 32 },
          xAxis: { type: 'category', data: s.out.map((p) => p.label) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: t('evac.chart.movedTotal'), type: 'line', data: s.out.map((p) => p.movedPeople), showSymbol: false },
            { name: t('evac.chart.stillOut'), type: 'line', data: s.out.map((p) => p.stillOut), showSymbol: false, areaStyle: { opacity: 0.15 } },
            { name: t('evac.chart.inShelters'), type: 'line', data: s.out.map((p) => p.inShelters), showSymbol: false },
          ],
        }
      : null,
    theme,
  );
  const last = s?.occupancy.series.map((x) => ({ id: x.shelterId, now: x.values[x.values.length - 1] ?? 0, peak: Math.max(...x.values) })) ?? [];
  const occRef = useChart(
    s
      ? {
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 48, right: 16, top: 36, bottom: 32 },
          xAxis: { type: 'category', data: last.map((x) => s.names[x.id] ?? x.id) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: t('evac.chart.occupancyNow'), type: 'bar', data: last.map((x) => x.now) },
            { name: t('evac.chart.capacity'), type: 'bar', data: last.map((x) => s.capacities[x.id] ?? 0), itemStyle: { opacity: 0.45 } },
          ],
        }
      : null,
    theme,
  );
  return (
    <div className="evac-grid evac-charts">
      <div className="card">
        <h2>{t('evac.chart.out')}</h2>
        <div ref={outRef} className="evac-chart" data-testid="chart-out" />
      </div>
      <div className="card">
        <h2>{t('evac.chart.occupancy')}</h2>
        <div ref={occRef} className="evac-chart" data-testid="chart-occupancy" />
      </div>
    </div>
  );
}
