import { IMPORT_COLUMNS, type ImportRowIssue } from '../../contract/hazards-types';
import { HAZARD_TYPE_IDS, HAZARD_TYPE_LABELS } from './templates';
import { isInChina, RISK_LEVELS, RISK_LEVEL_LABELS } from './points';

/**
 * Import row problems in words for the person fixing the spreadsheet: the column as the file
 * names it and what the cell must hold ("第 738 行：纬度必须是 -90 到 90 之间的数字"), not the
 * schema library's text ("Too big: expected number to be <=90"). Whatever zod found wrong
 * with a cell, the fix is the same, so each column has one sentence.
 */

export type ImportField = (typeof IMPORT_COLUMNS)[number]['key'];
export type RowMessage = ImportRowIssue['errors'][number];

interface Text {
  zh: string;
  en: string;
}

const list = (labels: string[], sep: string) => labels.join(sep);

const REQUIREMENT: Record<ImportField, Text> = {
  name: { zh: '必须填写，最多 100 个字', en: 'must be filled in, at most 100 characters' },
  hazardType: {
    zh: `必须是以下之一：${list(HAZARD_TYPE_IDS.map((id) => HAZARD_TYPE_LABELS[id].zh), '、')}`,
    en: `must be one of: ${list(HAZARD_TYPE_IDS.map((id) => HAZARD_TYPE_LABELS[id].en), '; ')}`,
  },
  address: { zh: '最多 200 个字', en: 'must be at most 200 characters' },
  community: { zh: '最多 50 个字', en: 'must be at most 50 characters' },
  lat: { zh: '必须是 -90 到 90 之间的数字', en: 'must be a number between -90 and 90' },
  lng: { zh: '必须是 -180 到 180 之间的数字', en: 'must be a number between -180 and 180' },
  coordSystem: { zh: '必须是 WGS84、GCJ02 或 BD09（空白为 WGS84）', en: 'must be WGS84, GCJ02 or BD09 (blank means WGS84)' },
  responsibleUnit: { zh: '最多 100 个字', en: 'must be at most 100 characters' },
  unitPhone: { zh: '只能包含数字、空格和 + - ( ) 转，最多 40 个字符', en: 'may hold only digits, spaces and + - ( ), at most 40 characters' },
  responsiblePerson: { zh: '最多 50 个字', en: 'must be at most 50 characters' },
  personPhone: { zh: '只能包含数字、空格和 + - ( ) 转，最多 40 个字符', en: 'may hold only digits, spaces and + - ( ), at most 40 characters' },
  letterSigned: { zh: '必须填“是”或“否”', en: 'must be “yes” or “no”' },
  letterDate: { zh: '必须是日期，如 2026-04-20', en: 'must be a date such as 2026-04-20' },
  residents: { zh: '必须是 0 到 100000 之间的整数', en: 'must be a whole number from 0 to 100000' },
  vulnerable: { zh: '必须是 0 到 100000 之间的整数', en: 'must be a whole number from 0 to 100000' },
  riskLevel: {
    zh: `必须是以下之一：${list(RISK_LEVELS.map((r) => RISK_LEVEL_LABELS[r].zh), '、')}（空白为中风险）`,
    en: `must be one of: ${list(RISK_LEVELS.map((r) => RISK_LEVEL_LABELS[r].en), ', ')} (blank means medium)`,
  },
  frequencyDays: { zh: '必须是 1 到 365 之间的整数', en: 'must be a whole number from 1 to 365' },
  notes: { zh: '最多 2000 个字', en: 'must be at most 2000 characters' },
};

const COLUMN = new Map(IMPORT_COLUMNS.map((c) => [c.key as string, c]));

/** One message for the row, prefixed with its row number as the spreadsheet shows it. */
export function rowMessage(row: number, field: string, text: Text): RowMessage {
  return { field, message: `Row ${row}: ${text.en}`, messageZh: `第 ${row} 行：${text.zh}` };
}

/** A column's sentence: "纬度必须是 …" / "Latitude must be …". */
function columnText(field: string, text: Text): Text {
  const column = COLUMN.get(field);
  return column ? { zh: `${column.zh}${text.zh}`, en: `${column.en} ${text.en}` } : text;
}

/**
 * The row's schema failures (`paths` as zod reports them), one message per column. A latitude
 * and longitude that only fit once swapped get a hint, the commonest slip in hand-made sheets.
 */
export function fieldMessages(row: number, paths: PropertyKey[][], raw: Record<string, unknown>): RowMessage[] {
  const fields = [...new Set(paths.map((p) => String(p[0] ?? '')))];
  const messages = fields.map((field) => {
    const requirement = REQUIREMENT[field as ImportField];
    return rowMessage(row, field, columnText(field, requirement ?? { zh: '内容无法识别', en: 'cannot be read' }));
  });
  const lat = Number(raw.lat);
  const lng = Number(raw.lng);
  if ((fields.includes('lat') || fields.includes('lng')) && isInChina(lng, lat)) {
    messages.push(rowMessage(row, 'lat', { zh: '纬度和经度可能填反了', en: 'Latitude and longitude look swapped' }));
  }
  return messages;
}

/** Problems that need the whole row, worded the same way. */
export const ROW_RULES = {
  letterDate: columnText('letterDate', { zh: '必须填写：责任书已签时须写明签订日期', en: 'is needed when the responsibility letter is signed' }),
  vulnerable: { zh: '脆弱人群人数不能多于居住人数', en: 'Vulnerable people cannot outnumber residents' },
  duplicateExisting: (distanceM: number): Text => ({ zh: `已登记同名点位，相距 ${distanceM} 米，可能重复`, en: `A point with the same name is already registered ${distanceM} m away: possibly the same point` }),
  duplicateInFile: (otherRow: number, distanceM: number): Text => ({
    zh: `与第 ${otherRow} 行同名，相距 ${distanceM} 米，可能重复`,
    en: `Same name as row ${otherRow}, ${distanceM} m away: possibly the same point twice`,
  }),
};
