import { useRef, useState } from 'react';
import type { EvacExport } from '../../../core/contract/evac';
import { formatLocal } from '../../../core/time';
import { act } from '../../api/hooks';
import { downloadBlob, XLSX_MIME } from '../../components/download';
import { keyLabels, plain, safeDate, safeEnumLabel, safeNumber } from '../../format/safe';
import { useT, type TKey, type Translate } from '../../i18n';
import { useZone } from './shared';
import { useUi } from '../../store/ui';
import { supplyUnitLabel } from '../../../core/domain/evac/supplies';

const CHUNK = 2000;

type Sheet = { name: TKey; header: TKey[]; rows: (string | number)[][] };

function sheets(data: EvacExport, t: Translate, zone: string, lang: 'zh' | 'en'): Sheet[] {
  // A file cell holds text only: an unreadable value goes out as the dash.
  const when = (ms: unknown) => plain(safeDate(ms, 'yyyy-MM-dd HH:mm', zone));
  const code = (prefix: string, value: unknown) => plain(safeEnumLabel(value, keyLabels(t, prefix)));
  return [
    {
      name: 'evac.export.sheetPeople',
      header: ['evac.move.name', 'evac.people.household', 'evac.move.idNumber', 'evac.move.phone', 'evac.dash.vulnerable', 'evac.people.source', 'evac.people.status', 'evac.people.place', 'evac.people.movedAt'],
      rows: data.people.map((p) => [
        p.name,
        p.householdHead,
        p.idNumber,
        p.phone,
        p.flags.map((f) => code('evac.flag', f)).join(''),
        p.sourceName,
        code('evac.status', p.status),
        p.shelterName ?? p.where ?? '',
        when(p.firstMovedAtMs),
      ]),
    },
    {
      name: 'evac.export.sheetShelters',
      header: ['evac.shelters.name', 'evac.shelters.type', 'evac.shelters.address', 'evac.shelters.area', 'evac.shelters.capacity', 'evac.shelters.occupancy', 'evac.shelters.status', 'evac.shelters.contactName', 'evac.shelters.contactPhone', 'evac.shelters.supplies'],
      rows: data.shelters.map((s) => [
        s.name,
        code('evac.shelterType', s.type),
        s.address,
        s.usableAreaM2 ?? '',
        s.capacity ?? '',
        s.occupancy,
        code('evac.shelterStatus', s.status),
        s.contactName,
        s.contactPhone,
        s.supplies.map((l) => t('evac.shelters.supplyLine', { item: l.label || code('evac.supply', l.item), quantity: plain(safeNumber(l.quantity)), unit: supplyUnitLabel(l.unit, lang) })).join(t('common.listSep')),
      ]),
    },
    {
      name: 'evac.export.sheetMovements',
      header: ['evac.people.at', 'evac.move.name', 'evac.people.status', 'evac.people.place', 'evac.people.source', 'evac.move.by'],
      rows: data.movements.map((m) => [when(m.atMs), m.name, code('evac.movement', m.kind), m.shelterName ?? m.where ?? '', m.sourceName ?? '', m.by]),
    },
    {
      name: 'evac.export.sheetOverrides',
      header: ['evac.people.at', 'evac.shelters.name', 'evac.shelters.capacity', 'evac.shelters.occupancy', 'evac.override.reason', 'evac.move.by'],
      rows: data.overrides.map((o) => [when(o.atMs), o.shelterName, o.capacity ?? '', `${o.occupancyBefore}+${o.adding}`, o.reason, o.actorName]),
    },
    {
      name: 'evac.export.sheetDuplicates',
      header: ['evac.people.at', 'evac.move.name'],
      rows: data.duplicates.map((d) => [when(d.atMs), d.name]),
    },
  ];
}

/** Every list of the event as one XLSX, built in the browser in chunks so it can show progress and be cancelled. */
export function ExportButton({ eventId }: { eventId: string }) {
  const t = useT();
  const lang = useUi((st) => st.lang);
  const zone = useZone();
  const [mask, setMask] = useState(true);
  const [progress, setProgress] = useState<number | null>(null);
  const cancelled = useRef(false);

  async function run() {
    cancelled.current = false;
    setProgress(0);
    try {
      const data = await act('evac.exportData', { eventId, includePersonal: !mask });
      if (!data || cancelled.current) return;
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const all = sheets(data, t, zone, lang === 'zh-CN' ? 'zh' : 'en');
      const total = all.reduce((n, s) => n + s.rows.length, 0) || 1;
      let done = 0;
      for (const s of all) {
        const sheet = book.addWorksheet(t(s.name));
        sheet.addRow(s.header.map((h) => t(h))).font = { bold: true };
        for (let i = 0; i < s.rows.length; i += CHUNK) {
          if (cancelled.current) return;
          sheet.addRows(s.rows.slice(i, i + CHUNK));
          done += Math.min(CHUNK, s.rows.length - i);
          setProgress(done / total);
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        sheet.columns.forEach((c) => (c.width = 16));
      }
      const buffer = await book.xlsx.writeBuffer();
      if (cancelled.current) return;
      downloadBlob(new Blob([buffer], { type: XLSX_MIME }), `evacuation-${formatLocal(Date.now(), 'yyyyMMdd-HHmm', zone)}.xlsx`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <span className="evac-export">
      <label className="inline">
        <input type="checkbox" checked={mask} onChange={(e) => setMask(e.target.checked)} />
        {t('evac.export.mask')}
      </label>
      {progress === null ? (
        <button type="button" onClick={run} data-testid="evac-export">
          {t('evac.export.xlsx')}
        </button>
      ) : (
        <>
          <progress value={progress} max={1} aria-label={t('evac.export.progress')} />
          <button type="button" onClick={() => (cancelled.current = true)}>
            {t('evac.export.cancel')}
          </button>
        </>
      )}
    </span>
  );
}
