import { IMPORT_COLUMNS } from '../../contract/hazards-types';

/**
 * Hazard point spreadsheets (CSV or XLSX) → plain rows keyed by field, with no IO and no DOM:
 * the renderer hands in the file's text or bytes, and the benchmark times the same code in
 * Node. Only plain rows cross the contract, so the backend never parses a file. Headers may be
 * the export's Chinese or English column names or the field keys themselves.
 */

export type RawRow = Record<string, unknown>;

export interface SheetRows {
  headers: string[];
  rows: RawRow[];
}

const HEADER_TO_KEY = new Map<string, string>(IMPORT_COLUMNS.flatMap((c) => [[c.zh, c.key], [c.en.toLowerCase(), c.key], [c.key.toLowerCase(), c.key]]));

/** For each column, the field it fills (or null), resolved once per file rather than per cell. */
function columnKeys(headers: string[]): (string | null)[] {
  return headers.map((h) => HEADER_TO_KEY.get(h.trim()) ?? HEADER_TO_KEY.get(h.trim().toLowerCase()) ?? null);
}

function mapRow(keys: (string | null)[], cells: unknown[]): RawRow {
  const row: RawRow = {};
  keys.forEach((key, i) => {
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

const isBlank = (cell: unknown) => cell === undefined || cell === null || String(cell).trim() === '';

export async function parseCsv(text: string): Promise<SheetRows> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [headers = [], ...body] = parsed.data;
  const keys = columnKeys(headers);
  return { headers, rows: body.map((cells) => mapRow(keys, cells)) };
}

/** The first worksheet; rows with no value at all are skipped, as a spreadsheet user expects. */
export async function parseXlsx(data: ArrayBuffer): Promise<SheetRows> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map(cellValue);
  const headers = values(1).map((h) => String(h ?? ''));
  const keys = columnKeys(headers);
  const rows: RawRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = values(r);
    if (!cells.every(isBlank)) rows.push(mapRow(keys, cells));
  }
  return { headers, rows };
}

/** Chooses the reader by the file name, as the file picker accepts `.xlsx` and `.csv`. */
export function parseSheet(fileName: string, content: { text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> }): Promise<SheetRows> {
  return /\.csv$/i.test(fileName) ? content.text().then(parseCsv) : content.arrayBuffer().then(parseXlsx);
}
