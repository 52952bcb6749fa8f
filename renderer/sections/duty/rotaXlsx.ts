import { XLSX_MIME } from '../../components/download';
import type { InputOf } from '../../../core/contract';
import type { RotaMonthView } from '../../../core/contract/dutyShared';
import { splitNames } from '../../../core/domain/duty/rotaImport';
import type { Translate } from '../../i18n';
import { WEEKDAYS_EN, WEEKDAYS_ZH } from './format';

type ImportRow = InputOf<'duty.importRota'>['rows'][number];

/** Column headers in both languages, so a sheet exported in English imports in Chinese and back. */
const HEADERS = {
  date: ['日期', 'Date'],
  leader: ['带班领导', 'Leader'],
  officers: ['值班员', 'Officers'],
  backup: ['备班', 'Backup'],
};

export class ImportFileError extends Error {}

/**
 * The month as a printable sheet: title with the unit's name, one row per day with phones,
 * and the signature line. Dates are text, so no spreadsheet program shifts them by a zone.
 * exceljs is loaded only when someone exports or imports.
 */
export async function rotaWorkbook(view: RotaMonthView, unitName: string, t: Translate, lang: 'zh' | 'en'): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(view.month, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const weekdays = lang === 'zh' ? WEEKDAYS_ZH : WEEKDAYS_EN;
  const columns = [
    t('duty.rota.date'), t('duty.rota.weekday'), t('duty.rota.leader'), t('duty.rota.leaderPhone'),
    t('duty.rota.officers'), t('duty.rota.officerPhones'), t('duty.rota.backup'), t('duty.rota.backupPhone'), t('duty.rota.notes'),
  ];
  sheet.columns = [12, 8, 12, 15, 22, 28, 12, 15, 24].map((width) => ({ width }));
  sheet.addRow([t('duty.rota.printTitle', { unit: unitName, month: view.month })]);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getRow(1).font = { bold: true, size: 16 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  const header = sheet.addRow(columns);
  header.font = { bold: true };
  for (const day of view.days) {
    const weekday = weekdays[(new Date(`${day.date}T00:00:00Z`).getUTCDay() + 6) % 7];
    const notes = [day.holiday ? t('duty.rota.holiday') : '', day.changed ? t('duty.rota.swapped') : '', day.extras.length ? t('duty.rota.extraPeople', { names: day.extras.map((p) => p.name).join('、') }) : '']
      .filter(Boolean)
      .join('；');
    sheet.addRow([
      day.date, weekday, day.leader?.name ?? '', day.leader?.phone ?? '',
      day.officers.map((o) => o.name).join('、'), day.officers.map((o) => o.phone).join('、'),
      day.backup?.name ?? '', day.backup?.phone ?? '', notes,
    ]);
  }
  sheet.addRow([]);
  sheet.addRow([t('duty.rota.signatureLine')]);
  sheet.eachRow((row, n) => {
    if (n < 2 || n > view.days.length + 2) return;
    row.eachCell((cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME });
}


/** Finds the header row (it may sit under a title) and maps each later row to the import shape. */
function rowsFromGrid(grid: string[][]): ImportRow[] {
  const headerIndex = grid.findIndex((cells) => cells.some((c) => HEADERS.date.includes(c.trim())));
  if (headerIndex < 0) throw new ImportFileError('no header');
  const header = grid[headerIndex].map((c) => c.trim());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const at = { date: col(HEADERS.date), leader: col(HEADERS.leader), officers: col(HEADERS.officers), backup: col(HEADERS.backup) };
  const rows: ImportRow[] = [];
  grid.slice(headerIndex + 1).forEach((cells, i) => {
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    // Blank rows and the signature line below the table are not days.
    if (!cell(at.date) || !(cell(at.leader) || cell(at.officers))) return;
    rows.push({ row: headerIndex + i + 2, date: cell(at.date), leader: cell(at.leader), officers: splitNames(cell(at.officers)), backup: cell(at.backup) });
  });
  return rows;
}

function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    const v = value as { text?: string; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return String(v.text);
  }
  return value === null || value === undefined ? '' : String(value);
}

export async function readRotaFile(file: File): Promise<ImportRow[]> {
  if (/\.csv$/i.test(file.name)) {
    const { default: Papa } = await import('papaparse');
    const parsed = Papa.parse<string[]>(await file.text(), { skipEmptyLines: false });
    return rowsFromGrid(parsed.data.map((r) => r.map(String)));
  }
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  const sheet = book.worksheets[0];
  if (!sheet) throw new ImportFileError('empty');
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    grid[n - 1] = values.map(cellText);
  });
  return rowsFromGrid(Array.from(grid, (r) => r ?? []));
}
