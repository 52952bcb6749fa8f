import type { ImportBatch, StationRecord } from '../../core/contract/rain';
import { formatLocal } from '../../core/time';
import type { SeedContext } from '../platform/seed';

const HOUR = 3_600_000;
const DAYS = 14;

/** Automatic gauges of the street and the district's river gauges (names after real places in 华富街道). */
const GAUGES = [
  { code: 'HF01', name: '华富街道办', nameEn: 'Huafu Office', lat: 22.5533, lng: 114.0719, wet: 1.0 },
  { code: 'HF02', name: '莲花一村', nameEn: 'Lianhua Yicun', lat: 22.5561, lng: 114.0662, wet: 1.25 },
  { code: 'HF03', name: '田面村', nameEn: 'Tianmian Village', lat: 22.5478, lng: 114.0781, wet: 0.8 },
  { code: 'HF04', name: '笋岗西', nameEn: 'Sungang West', lat: 22.5603, lng: 114.0745, wet: 1.1 },
  { code: 'HF05', name: '黄木岗', nameEn: 'Huangmugang', lat: 22.5586, lng: 114.0821, wet: 0.9 },
  { code: 'HF06', name: '福田中学', nameEn: 'Futian Middle School', lat: 22.5504, lng: 114.0686, wet: 1.05 },
];

const RIVERS = [
  { code: 'SW01', name: '福田河笋岗桥', nameEn: 'Futian River at Sungang Bridge', lat: 22.5592, lng: 114.0792, warningM: 4.5, guaranteeM: 5.3, base: 3.1 },
  { code: 'SW02', name: '笔架山河口', nameEn: 'Bijiashan River mouth', lat: 22.5512, lng: 114.0843, warningM: 3.2, guaranteeM: 3.9, base: 2.0 },
];

/** A storm peaking five hours ago, with light showers before it: enough to grade and to suggest a signal. */
function hourlyRain(hoursAgo: number, wet: number): number {
  const storm = 38 * Math.exp(-(((hoursAgo - 5) / 2.2) ** 2));
  const showers = hoursAgo > 48 && hoursAgo % 19 < 3 ? 1.6 + ((hoursAgo * 7) % 5) / 2 : 0;
  return Math.round((storm + showers) * wet * 10) / 10;
}

export function seedRain(ctx: SeedContext): void {
  for (const g of GAUGES) ctx.call<StationRecord>('rain.saveStation', { code: g.code, name: g.name, nameEn: g.nameEn, type: 'rain', lat: g.lat, lng: g.lng, source: '自动雨量站' });
  for (const r of RIVERS) {
    ctx.call<StationRecord>('rain.saveStation', { code: r.code, name: r.name, nameEn: r.nameEn, type: 'water', lat: r.lat, lng: r.lng, warningM: r.warningM, guaranteeM: r.guaranteeM, source: '区水务局' });
  }
  const hf01 = ctx.call<StationRecord[]>('rain.listStations', { type: 'rain' }).find((s) => s.code === 'HF01') as StationRecord;

  // The latest whole hour, and the file the automatic stations would deliver.
  const lastHour = Math.floor(ctx.nowMs / HOUR) * HOUR;
  const rows: string[][] = [];
  for (let h = DAYS * 24 - 1; h >= 0; h--) {
    const endMs = lastHour - h * HOUR;
    const time = formatLocal(endMs, 'yyyy-MM-dd HH:mm');
    for (const g of GAUGES) {
      // HF03's logger dropped out for two hours this morning: the file says 999999.
      const value = g.code === 'HF03' && (h === 9 || h === 10) ? '999999' : hourlyRain(h, g.wet).toFixed(1);
      rows.push([g.code, time, value]);
    }
    for (const r of RIVERS) {
      // The river answers the storm a few hours late.
      const rise = 2.0 * Math.exp(-(((h - 2) / 4) ** 2)) * (r.warningM - r.base);
      rows.push([r.code, time, (r.base + rise).toFixed(2)]);
    }
  }
  const batch = ctx.call<ImportBatch>('rain.importBegin', {
    fileName: '福田区自动站逐时数据.csv',
    mapping: { station: 0, time: 1, value: 2, timeZone: 'Asia/Shanghai', intervalMinutes: 60 },
  });
  for (let i = 0, seq = 0; i < rows.length; i += 1000, seq++) ctx.call('rain.importChunk', { importId: batch.id, seq, firstRow: i + 2, rows: rows.slice(i, i + 1000) });
  ctx.call('rain.importCommit', { importId: batch.id });

  // A reading taken by phone from the community's manual gauge, and the season normal.
  ctx.call('rain.addReading', { stationId: hf01.id, endMs: lastHour, value: hourlyRain(0, 1), source: '电话：华富社区 李建国' });
  ctx.call('rain.setNormal', { stationId: hf01.id, period: 'season', normalMm: 1602.3 });
  ctx.call('rain.checkSignals', {});
}
