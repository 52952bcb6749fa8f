import { XLSX_MIME } from '../../components/download';
import type L from 'leaflet';
import type { Feature } from './model';

export interface LegendEntry {
  label: string;
  colour: string;
}

/**
 * The current view as a PNG: every loaded tile image and every canvas of the map (Leaflet's
 * vector canvas for boundary/routes, our points canvas) is drawn at its on-screen position
 * into one canvas, then a title bar, a legend and the attribution are painted on top.
 * Tiles come from the same origin (serve mode) or a CORS-enabled tiles:// scheme with
 * crossOrigin set (Electron), so the canvas stays exportable.
 */
export async function exportPng(map: L.Map, options: { title: string; subtitle: string; legend: LegendEntry[]; attribution: string; background: string }): Promise<Blob> {
  const container = map.getContainer();
  const box = container.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  const header = 48;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(box.width * ratio);
  canvas.height = Math.round((box.height + header) * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = options.background;
  ctx.fillRect(0, 0, box.width, box.height + header);

  ctx.save();
  ctx.translate(0, header);
  ctx.beginPath();
  ctx.rect(0, 0, box.width, box.height);
  ctx.clip();
  // Array.from: the Node-side typecheck (which sees the renderer through tests/ui) has no iterable DOM lists.
  for (const img of Array.from(container.querySelectorAll<HTMLImageElement>('.leaflet-tile-pane img.leaflet-tile-loaded'))) {
    const r = img.getBoundingClientRect();
    const layerOpacity = Number(getComputedStyle(img.closest('.leaflet-layer') ?? img).opacity || 1);
    ctx.globalAlpha = layerOpacity;
    ctx.drawImage(img, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  ctx.globalAlpha = 1;
  for (const layer of Array.from(container.querySelectorAll<HTMLCanvasElement>('.leaflet-overlay-pane canvas'))) {
    const r = layer.getBoundingClientRect();
    if (r.width && r.height) ctx.drawImage(layer, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  ctx.restore();

  ctx.fillStyle = '#0e141b';
  ctx.fillRect(0, 0, box.width, header);
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 18px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(options.title, 14, header / 2);
  ctx.font = '13px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText(options.subtitle, box.width - 14, header / 2);
  ctx.textAlign = 'left';

  const lineH = 20;
  const legendW = 190;
  const legendH = options.legend.length * lineH + 16;
  const lx = box.width - legendW - 12;
  const ly = header + 12;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillRect(lx, ly, legendW, legendH);
  ctx.strokeStyle = '#334155';
  ctx.strokeRect(lx, ly, legendW, legendH);
  options.legend.forEach((entry, i) => {
    const y = ly + 8 + i * lineH + lineH / 2;
    ctx.fillStyle = entry.colour;
    ctx.beginPath();
    ctx.arc(lx + 14, y, 6, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#111820';
    ctx.fillText(entry.label, lx + 28, y);
  });

  ctx.font = '11px sans-serif';
  const attrW = ctx.measureText(options.attribution).width + 12;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(box.width - attrW, header + box.height - 18, attrW, 18);
  ctx.fillStyle = '#111820';
  ctx.fillText(options.attribution, box.width - attrW + 6, header + box.height - 9);

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'));
}


/** The selected features as an XLSX sheet; exceljs loads only when someone exports. */
export async function exportSelectionXlsx(features: Feature[], headers: string[], layerName: (f: Feature) => string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('selection');
  sheet.addRow(headers).font = { bold: true };
  for (const f of features) sheet.addRow([f.name, layerName(f), Number(f.lat.toFixed(6)), Number(f.lng.toFixed(6))]);
  sheet.columns.forEach((c) => (c.width = 22));
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME });
}
