import type { EventRecord } from '../../core/contract/system';
import { localParts, zonedToUtc } from '../../core/time';
import type { SeedContext } from '../platform/seed';

const DAY_MS = 86_400_000;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * 苏拉 (Saola, 2309) threatened Shenzhen from 2023-08-28 and was gone on 2023-09-03: the demo keeps
 * its real dates, whatever day the demo is started, so its name never lands in another year. It is
 * stored unnumbered, as typed before numbers were kept (its name reads 台风“苏拉”), which leaves
 * 2023 No. 9 free for a user to record in the demo.
 */
export const DEMO_TYPHOON = {
  name: '台风“苏拉”',
  nameEn: 'Typhoon Saola',
  startedAtMs: zonedToUtc('2023-08-28', '08:00'),
  endedAtMs: zonedToUtc('2023-09-03', '20:00'),
};

/** 深圳市福田区华富街道: a real district that typhoon 苏拉 Saola threatened in 2023. */
export const DEMO_UNIT = {
  unitName: '福田区华富街道办事处',
  unitNameEn: 'Huafu Subdistrict Office, Futian District',
  centre: { lat: 22.5533, lng: 114.0719 },
};

export function seedFoundation(ctx: SeedContext): { currentEvent: EventRecord } {
  ctx.call('settings.update', { section: 'general', values: { unitName: DEMO_UNIT.unitName, unitNameEn: DEMO_UNIT.unitNameEn, operatorName: '值班员' } });
  ctx.call('events.create', { ...DEMO_TYPHOON, kind: 'typhoon', notes: '防台风Ⅱ级应急响应，全街道转移安置。' });
  // The rain going on now is named after the month it began in, as offices name such processes.
  const startedAtMs = ctx.nowMs - 2 * DAY_MS;
  const [year, month] = localParts(startedAtMs).date.split('-').map(Number);
  const currentEvent = ctx.call<EventRecord>('events.create', {
    name: `${month}月强降雨过程`,
    nameEn: `Heavy rain of ${MONTHS_EN[month - 1]} ${year}`,
    kind: 'rainstorm',
    startedAtMs,
    notes: '',
  });
  return { currentEvent };
}
