import type { StatRow } from '../../../core/contract/damage';
import { UNITS } from '../../../core/domain/damage/catalogue';
import { STAT_ROWS, STAT_STAGE_LABELS, type StatStage } from '../../../core/domain/damage/statReport';
import { XLSX_MIME } from '../../components/download';
import { translate, type Lang, type TKey } from '../../i18n';

/** Everything the printed and exported report shows, in one language. */
export interface StatSheet {
  lang: Lang;
  unitName: string;
  eventName: string;
  asOfText: string;
  stage: StatStage;
  rows: StatRow[];
  description: string;
}

export interface SheetLine {
  label: string;
  unit: string;
  /** A number, or the words saying it is still to be entered. */
  value: number | string;
  note: string;
}

const key = (lang: Lang) => (lang === 'zh-CN' ? 'zh' : 'en');

/** "填报单位：" / "Reporting unit: " — each language's colon. */
export const labelled = (lang: Lang, label: string, value: string) => `${label}${lang === 'zh-CN' ? '：' : ': '}${value}`;

/** The table rows of the familiar layout: statistics rows first, the flood-control line apart. */
export function sheetLines(sheet: StatSheet): { statistics: SheetLine[]; floodControl: SheetLine[] } {
  const t = (k: TKey, params?: Record<string, string>) => translate(sheet.lang, k, params);
  const lines = sheet.rows.map((row) => {
    const spec = STAT_ROWS[row.row];
    const basis = spec.basis.kind;
    const source =
      basis === 'damage' ? t('damage.stat.fromDamage', { n: String(row.recordIds.length) }) : basis === 'manual' ? t('damage.stat.manualNote') : t(basis === 'relocated' ? 'damage.stat.relocatedNote' : 'damage.stat.movedNote');
    const edited = row.reason ? t('damage.stat.edited', { computed: String(row.computed), reason: row.reason }) : '';
    const line: SheetLine = {
      label: spec[key(sheet.lang)],
      unit: UNITS[row.unit][key(sheet.lang)],
      value: row.reported ?? t('damage.stat.toEnter'),
      note: [source, edited].filter(Boolean).join(sheet.lang === 'zh-CN' ? '；' : '; '),
    };
    return { table: spec.table, line };
  });
  return { statistics: lines.filter((l) => l.table === 'statistics').map((l) => l.line), floodControl: lines.filter((l) => l.table === 'floodControl').map((l) => l.line) };
}

export const stageName = (stage: StatStage, lang: Lang) => STAT_STAGE_LABELS[stage][key(lang)];

/**
 * The report as an XLSX in the layout the district's form uses: title, unit and disaster, the
 * cut-off time and stage, 指标 | 单位 | 数值 | 备注, the description, and lines to sign. Figures stay
 * numbers so the district can add them up.
 */
export async function statXlsx(sheet: StatSheet): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const t = (k: TKey, params?: Record<string, string>) => translate(sheet.lang, k, params);
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(t('damage.tab.stats'), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 30 }, { width: 10 }, { width: 14 }, { width: 52 }];
  const merged = (values: string, bold = false, size = 11) => {
    const row = ws.addRow([values]);
    ws.mergeCells(row.number, 1, row.number, 4);
    row.font = { bold, size };
    row.alignment = { wrapText: true, vertical: 'top', horizontal: bold ? 'center' : 'left' };
    return row;
  };
  merged(t('damage.stat.title'), true, 16);
  const l = (k: TKey, value: string) => labelled(sheet.lang, t(k), value);
  merged(l('damage.stat.unit', sheet.unitName));
  merged(l('damage.stat.event', sheet.eventName));
  merged(`${l('damage.stat.asOf', sheet.asOfText)}　　${l('damage.stat.stage', stageName(sheet.stage, sheet.lang))}`);
  const header = ws.addRow([t('damage.stat.colIndicator'), t('damage.stat.colUnit'), t('damage.stat.colValue'), t('damage.stat.colNote')]);
  header.font = { bold: true };
  const border = { style: 'thin' as const };
  const { statistics, floodControl } = sheetLines(sheet);
  const boxed = (row: ReturnType<typeof ws.addRow>) => row.eachCell((c) => (c.border = { top: border, left: border, bottom: border, right: border }));
  boxed(header);
  for (const line of statistics) boxed(ws.addRow([line.label, line.unit, line.value, line.note]));
  ws.addRow([]);
  merged(t('damage.stat.floodLine'), false);
  for (const line of floodControl) boxed(ws.addRow([line.label, line.unit, line.value, line.note]));
  ws.addRow([]);
  const description = merged(`${l('damage.stat.descriptionLabel', '')}\n${sheet.description}`);
  description.height = Math.max(60, 16 * (sheet.description.split('\n').length + 1));
  ws.addRow([]);
  merged(`${t('damage.stat.signDrafter')}　　　　　　${t('damage.stat.signReviewer')}　　　　　　${t('damage.stat.signDate')}`);
  return new Blob([await book.xlsx.writeBuffer()], { type: XLSX_MIME });
}
