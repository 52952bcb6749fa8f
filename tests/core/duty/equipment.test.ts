import { describe, expect, it } from 'vitest';
import { DEFAULT_EQUIPMENT_CHECKLIST, equipmentLabel, openFaults, type EquipmentCheck } from '../../../core/domain/duty/equipment';

const day = (n: number) => Date.UTC(2024, 6, n, 0, 30);
const allOk = (id: string, atMs: number): EquipmentCheck => ({
  id, atMs, items: DEFAULT_EQUIPMENT_CHECKLIST.map((item) => ({ key: item.key, status: 'ok' as const })),
});

describe('default checklist', () => {
  it('covers the items DOMAIN §2 lists, each labelled in both languages', () => {
    expect(DEFAULT_EQUIPMENT_CHECKLIST.map((i) => i.key)).toEqual([
      'phone', 'fax', 'video_conference', 'radio_satellite_phone', 'backup_power', 'flashlights', 'rain_gear',
    ]);
    for (const item of DEFAULT_EQUIPMENT_CHECKLIST) {
      expect(item.label.zh).toMatch(/\p{Script=Han}/u);
      expect(item.label.en).toMatch(/^[A-Z]/);
    }
  });
});

describe('openFaults', () => {
  it('carries a fault through later shifts until a check finds the item working', () => {
    const checks: EquipmentCheck[] = [
      // Given out of order on purpose.
      { id: 'c3', atMs: day(3), items: [{ key: 'fax', status: 'fault', note: '已报修' }, { key: 'phone', status: 'ok' }] },
      { id: 'c1', atMs: day(1), items: [{ key: 'fax', status: 'fault', note: '卡纸' }, { key: 'backup_power', status: 'fault' }] },
      { id: 'c2', atMs: day(2), items: [{ key: 'fax', status: 'not_checked' }, { key: 'backup_power', status: 'not_checked' }] },
    ];
    expect(openFaults(checks)).toEqual([
      { key: 'backup_power', sinceMs: day(1), firstCheckId: 'c1', lastSeenAtMs: day(1) },
      { key: 'fax', sinceMs: day(1), firstCheckId: 'c1', lastSeenAtMs: day(3), note: '已报修' },
    ]);
    expect(openFaults([...checks, allOk('c4', day(4))])).toEqual([]);
  });

  it('treats a fault after a repair as a new fault', () => {
    const checks: EquipmentCheck[] = [
      { id: 'a', atMs: day(1), items: [{ key: 'radio_satellite_phone', status: 'fault', note: '电池坏' }] },
      { id: 'b', atMs: day(2), items: [{ key: 'radio_satellite_phone', status: 'ok' }] },
      { id: 'c', atMs: day(5), items: [{ key: 'radio_satellite_phone', status: 'fault' }] },
    ];
    expect(openFaults(checks)).toEqual([{ key: 'radio_satellite_phone', sinceMs: day(5), firstCheckId: 'c', lastSeenAtMs: day(5) }]);
  });
});

describe('equipmentLabel', () => {
  it('finds the label, or falls back to the key for an item no longer listed', () => {
    expect(equipmentLabel('fax')).toEqual({ zh: '传真机', en: 'Fax machine' });
    expect(equipmentLabel('drone')).toEqual({ zh: 'drone', en: 'drone' });
  });
});
