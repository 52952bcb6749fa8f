import { XLSX_MIME } from '../../components/download';
import { IMPORT_COLUMNS, type HazardPoint } from '../../../core/contract/hazards-types';
import { HAZARD_TYPE_LABELS } from '../../../core/domain/hazards/templates';
import { RISK_LEVEL_LABELS } from '../../../core/domain/hazards/points';
import { pairLabels } from '../../format/safe';

/** The register as an XLSX file with the same columns the import accepts. */
export async function exportXlsx(points: HazardPoint[], lang: 'zh-CN' | 'en', unitName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = unitName;
  const sheet = workbook.addWorksheet(lang === 'zh-CN' ? '隐患点' : 'Hazard points');
  const zh = lang === 'zh-CN';
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: zh ? c.zh : c.en, key: c.key, width: c.key === 'address' || c.key === 'notes' ? 30 : 14 }));
  // A code this version has no label for goes out as stored, so the file still imports back.
  const typeName = (code: string) => (zh && pairLabels(HAZARD_TYPE_LABELS, lang)(code)) || code;
  const riskName = (code: string) => (zh && pairLabels(RISK_LEVEL_LABELS, lang)(code)) || code;
  for (const p of points) {
    sheet.addRow({
      ...p,
      hazardType: typeName(p.hazardType),
      riskLevel: riskName(p.riskLevel),
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
