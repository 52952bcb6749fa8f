import { XLSX_MIME } from '../../components/download';
import { translate, type TKey } from '../../i18n';
import { figureText, figuresOf, pick, SECTION_IDS, type DraftLang, type Figure } from './draft';
import type { Bilingual, ReportFacts } from './gather';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReportDocument {
  unit: Bilingual;
  date: Bilingual;
  /** The draft as the user left it: the exported report is what they edited, not a fresh draft. */
  text: string;
  draftLang: DraftLang;
  facts: ReportFacts;
}

/** Labels follow the draft's language, as the printed sheet does; a bilingual draft is filed in Chinese. */
function labelsFor(draftLang: DraftLang) {
  const lang = draftLang === 'en' ? 'en' : 'zh';
  return { lang, t: (key: TKey, params?: Record<string, string>) => translate(lang === 'en' ? 'en' : 'zh-CN', key, params) } as const;
}

const SECTION_HEADINGS = new Set(SECTION_IDS.flatMap((id) => [translate('zh-CN', `reports.section.${id}`), translate('en', `reports.section.${id}`)]));

/** Figures of the sections that have records, in report order; a section that could not be read has none. */
function figureTables(facts: ReportFacts): { heading: TKey; figures: Figure[] }[] {
  return SECTION_IDS.map((id) => ({ heading: `reports.section.${id}` as TKey, figures: figuresOf(id, facts) ?? [] })).filter((s) => s.figures.length > 0);
}

/**
 * The summary as a Word file in the usual shape of a government work summary: 仿宋 body with
 * two-character indents, 黑体 section headings, fixed 28 pt lines, the figures as tables at the
 * end and lines to sign. Fonts are named, not embedded: Word on the user's machine has them.
 */
export async function reportDocx(report: ReportDocument): Promise<Blob> {
  const { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const { lang, t } = labelsFor(report.draftLang);
  const body = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
  const heading = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };
  const line = { line: 560, lineRule: LineRuleType.EXACT };
  const centred = (text: string, size: number, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text, size, bold, font: bold ? { ...body, eastAsia: '宋体' } : body })] });
  const text = (value: string, options: { bold?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text: value, bold: options.bold, font: options.bold ? heading : body })] });

  const paragraphs = report.text
    .split('\n')
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) =>
      SECTION_HEADINGS.has(raw)
        ? new Paragraph({ spacing: line, keepNext: true, children: [new TextRun({ text: raw, font: heading })] })
        : /^—+$/.test(raw)
          ? new Paragraph({ alignment: AlignmentType.CENTER, spacing: line, children: [new TextRun({ text: raw, font: body })] })
          : new Paragraph({ spacing: line, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: raw, font: body })] }),
    );

  const tables = figureTables(report.facts).flatMap(({ heading: key, figures }) => [
    new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text: t(key), font: heading, size: 28 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [t('reports.figure'), t('reports.value')].map((h) => new TableCell({ children: [text(h, { bold: true })] })) }),
        ...figures.map((f) => new TableRow({ cantSplit: true, children: [t(f.label), figureText(f, t)].map((v) => new TableCell({ children: [text(v)] })) })),
      ],
    }),
  ]);

  const document = new Document({
    creator: pick(report.unit, lang),
    title: t('reports.title'),
    styles: { default: { document: { run: { size: 32, font: body } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          centred(pick(report.unit, lang), 32),
          centred(t('reports.title'), 44, true),
          ...(report.draftLang === 'both' ? [centred(translate('en', 'reports.title'), 32)] : []),
          centred(t('reports.printDate', { date: pick(report.date, lang) }), 28),
          ...paragraphs,
          new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: t('reports.appendix'), font: heading })] }),
          ...tables,
          new Paragraph({
            spacing: { before: 720 },
            children: [new TextRun({ text: [t('reports.signDrafter'), t('reports.signReviewer'), t('reports.signDate')].map((s) => `${s}${'\u3000'.repeat(6)}`).join(''), font: body })],
          }),
        ],
      },
    ],
  });
  return new Blob([await Packer.toArrayBuffer(document)], { type: DOCX_MIME });
}

/** Numbers stay numbers in the sheet, so leaders can add them up; a missing record stays visibly missing. */
function cell(value: Figure['value']): string | number | null {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** The tables behind the summary: every figure by section, and the lists the sentences name. */
export async function reportXlsx(report: ReportDocument): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const { lang, t } = labelsFor(report.draftLang);
  const book = new ExcelJS.Workbook();
  const figures = book.addWorksheet(t('reports.sheet.figures'));
  figures.addRow([t('reports.sheet.section'), t('reports.figure'), t('reports.value')]).font = { bold: true };
  for (const { heading, figures: rows } of figureTables(report.facts)) {
    for (const f of rows) figures.addRow([t(heading), t(f.label), f.value === null ? figureText(f, t) : cell(f.value)]);
  }
  figures.columns = [{ width: 20 }, { width: 32 }, { width: 16 }];
  figures.views = [{ state: 'frozen', ySplit: 1 }];

  const lists = book.addWorksheet(t('reports.sheet.lists'));
  lists.addRow([t('reports.sheet.list'), t('reports.sheet.item')]).font = { bold: true };
  const named: [TKey, string[]][] = [
    ['reports.list.warnings', (report.facts.duty?.warnings ?? []).map((w) => pick(w, lang))],
    ['reports.list.incidents', report.facts.duty?.incidents ?? []],
    ['reports.list.shelters', (report.facts.response?.shelters ?? []).map((s) => pick(s, lang))],
  ];
  for (const [key, items] of named) for (const item of items) lists.addRow([t(key), item]);
  lists.columns = [{ width: 24 }, { width: 60 }];
  lists.views = [{ state: 'frozen', ySplit: 1 }];
  return new Blob([await book.xlsx.writeBuffer()], { type: XLSX_MIME });
}
