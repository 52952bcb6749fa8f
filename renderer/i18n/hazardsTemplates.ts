/** The checklist template editor's rows and the checks made before saving. */
export const zh = {
  'hazards.tpl.item': '第 {n} 项',
  'hazards.tpl.up': '上移第 {n} 项',
  'hazards.tpl.down': '下移第 {n} 项',
  'hazards.tpl.remove': '删除第 {n} 项',
  'hazards.tpl.keys': '在名称框中按 Alt+↑ / Alt+↓ 可调整顺序。',
  'hazards.tpl.needZh': '第 {n} 项缺少中文名称',
  'hazards.tpl.needEn': '第 {n} 项缺少英文名称',
  'hazards.tpl.needOne': '检查表至少要有一项',
  'hazards.tpl.sameName': '第 {n} 项与第 {m} 项名称相同',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'hazards.tpl.item': 'Item {n}',
  'hazards.tpl.up': 'Move item {n} up',
  'hazards.tpl.down': 'Move item {n} down',
  'hazards.tpl.remove': 'Remove item {n}',
  'hazards.tpl.keys': 'Alt+↑ / Alt+↓ in a name field moves the item.',
  'hazards.tpl.needZh': 'Item {n} has no Chinese name',
  'hazards.tpl.needEn': 'Item {n} has no English name',
  'hazards.tpl.needOne': 'The checklist needs at least one item',
  'hazards.tpl.sameName': 'Items {m} and {n} have the same name',
};
