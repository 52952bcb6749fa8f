import type { EventRecord } from '../../core/contract/system';
import type { SeedContext } from '../platform/seed';

const DAY_MS = 86_400_000;

/** 深圳市福田区华富街道: a real district that typhoon 苏拉 Saola threatened in 2023. */
export const DEMO_UNIT = {
  unitName: '福田区华富街道办事处',
  unitNameEn: 'Huafu Subdistrict Office, Futian District',
  centre: { lat: 22.5533, lng: 114.0719 },
};

export function seedFoundation(ctx: SeedContext): { currentEvent: EventRecord } {
  ctx.call('settings.update', { section: 'general', values: { unitName: DEMO_UNIT.unitName, unitNameEn: DEMO_UNIT.unitNameEn, operatorName: '值班员' } });
  ctx.call('events.create', {
    name: '台风“苏拉”',
    nameEn: 'Typhoon Saola',
    kind: 'typhoon',
    startedAtMs: ctx.nowMs - 40 * DAY_MS,
    endedAtMs: ctx.nowMs - 36 * DAY_MS,
    notes: '防台风Ⅱ级应急响应，全街道转移安置。',
  });
  const currentEvent = ctx.call<EventRecord>('events.create', {
    name: '11月强降雨过程',
    nameEn: 'November heavy rain',
    kind: 'rainstorm',
    startedAtMs: ctx.nowMs - 2 * DAY_MS,
    notes: '',
  });
  return { currentEvent };
}
