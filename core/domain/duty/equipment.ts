import { compareIds, type Label } from './types';

/** One thing checked at the start of each shift. Offices add their own items. */
export interface EquipmentItem {
  key: string;
  label: Label;
}

export const DEFAULT_EQUIPMENT_CHECKLIST: readonly EquipmentItem[] = [
  { key: 'phone', label: { zh: '值班电话', en: 'Duty phone' } },
  { key: 'fax', label: { zh: '传真机', en: 'Fax machine' } },
  { key: 'video_conference', label: { zh: '视频会议系统', en: 'Video-conference system' } },
  { key: 'radio_satellite_phone', label: { zh: '对讲机/卫星电话', en: 'Radio / satellite phone' } },
  { key: 'backup_power', label: { zh: '备用电源', en: 'Backup power' } },
  { key: 'flashlights', label: { zh: '手电筒', en: 'Flashlights' } },
  { key: 'rain_gear', label: { zh: '雨具', en: 'Rain gear' } },
];

/** `not_checked` says nothing either way, so a known fault stays open through it. */
export type CheckStatus = 'ok' | 'fault' | 'not_checked';

export interface EquipmentCheckItem {
  key: string;
  status: CheckStatus;
  note?: string;
}

export interface EquipmentCheck {
  id: string;
  atMs: number;
  items: EquipmentCheckItem[];
}

export interface OpenFault {
  key: string;
  /** The check that first found it: how long the office has been without this item. */
  sinceMs: number;
  firstCheckId: string;
  lastSeenAtMs: number;
  /** The latest note written about it, e.g. "报修已联系电信". */
  note?: string;
}

/**
 * Faults still open after the given checks. A fault found on one shift is carried to
 * every later shift until a later check finds the item working ('ok' is the repair);
 * shifts that skip the item, or report the fault again, keep it open with its first
 * date, so a fax broken for a week does not look new every morning.
 */
export function openFaults(checks: readonly EquipmentCheck[]): OpenFault[] {
  // Stable sort: two checks saved in the same millisecond keep their entry order.
  const ordered = [...checks].sort((a, b) => a.atMs - b.atMs);
  const open = new Map<string, OpenFault>();
  for (const check of ordered) {
    for (const item of check.items) {
      if (item.status === 'ok') {
        open.delete(item.key);
      } else if (item.status === 'fault') {
        const known = open.get(item.key);
        const note = item.note?.trim() || known?.note;
        open.set(item.key, {
          key: item.key,
          sinceMs: known?.sinceMs ?? check.atMs,
          firstCheckId: known?.firstCheckId ?? check.id,
          lastSeenAtMs: check.atMs,
          ...(note ? { note } : {}),
        });
      }
    }
  }
  return [...open.values()].sort((a, b) => a.sinceMs - b.sinceMs || compareIds(a.key, b.key));
}

/** The label for an item key; a key no longer in the checklist is shown as itself. */
export function equipmentLabel(key: string, checklist: readonly EquipmentItem[] = DEFAULT_EQUIPMENT_CHECKLIST): Label {
  return checklist.find((item) => item.key === key)?.label ?? { zh: key, en: key };
}
