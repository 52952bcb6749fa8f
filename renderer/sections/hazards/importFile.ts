import { XLSX_MIME } from '../../components/download';
import { IMPORT_COLUMNS, type HazardPoint } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';

/**
 * Spreadsheet files are read here in the browser (papaparse, exceljs) and only plain rows cross
 * the contract, so the backend never parses a file. Headers may be the export's Chinese or
 * English column names or the field keys themselves.
 */

export type RawRow = Record<string, unknown>;

const HEADER_TO_KEY = new Map<string, string>(IMPORT_COLUMNS.flatMap((c) => [[c.zh, c.key], [c.en.toLowerCase(), c.key], [c.key.toLowerCase(), c.key]]));

function mapRow(headers: string[], cells: unknown[]): RawRow {
  const row: RawRow = {};
  headers.forEach((h, i) => {
    const key = HEADER_TO_KEY.get(h.trim()) ?? HEADER_TO_KEY.get(h.trim().toLowerCase());
    if (key) row[key] = cells[i];
  });
  return row;
}

function cellValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return v.result;
    if (v.text !== undefined) return v.text;
  }
  return value;
}

export async function readRows(file: File): Promise<{ headers: string[]; rows: RawRow[] }> {
  if (/\.csv$/i.test(file.name)) {
    const { default: Papa } = await import('papaparse');
    const text = await file.text();
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
    const [headers = [], ...body] = parsed.data;
    return { headers, rows: body.map((cells) => mapRow(headers, cells)) };
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await file.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map(cellValue);
  const headers = values(1).map((h) => String(h ?? ''));
  const rows: RawRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = values(r);
    if (cells.some((c) => c !== undefined && c !== null && String(c).trim() !== '')) rows.push(mapRow(headers, cells));
  }
  return { headers, rows };
}

/** The register as an XLSX file with the same columns the import accepts. */
export async function exportXlsx(points: HazardPoint[], lang: 'zh-CN' | 'en', unitName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = unitName;
  const sheet = workbook.addWorksheet(lang === 'zh-CN' ? '隐患点' : 'Hazard points');
  const zh = lang === 'zh-CN';
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: zh ? c.zh : c.en, key: c.key, width: c.key === 'address' || c.key === 'notes' ? 30 : 14 }));
  for (const p of points) {
    sheet.addRow({
      ...p,
      hazardType: zh ? HAZARD_TYPE_LABELS[p.hazardType].zh : p.hazardType,
      riskLevel: zh ? RISK_LEVEL_LABELS[p.riskLevel].zh : p.riskLevel,
      coordSystem: 'wgs84',
      letterSigned: p.letterSigned ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
      letterDate: p.letterDate ?? '',
      frequencyDays: p.frequency.kind === 'days' ? p.frequency.every : Math.max(1, Math.round(p.frequency.every / 24)),
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME });
}
