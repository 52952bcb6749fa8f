import Papa from 'papaparse';
import { PARSED_CHUNK_ROWS, type ImportBatch, type MappingInput } from '../../../core/contract/rain';
import type { RainCsvMapping } from '../../../core/domain/rain/csv';
import { packRainRows } from '../../../core/domain/rain/packed';
import { call, CallError } from '../../api/client';

/**
 * Streams a file to the staged import: papaparse reads the CSV a slice at a time (the parser is
 * paused while a chunk is on its way, so memory stays flat for any file size), XLSX sheets are
 * read whole by exceljs. Each chunk is parsed here by the rules of core/domain/rain/csv.ts and
 * sent packed (rain.importParsed): parsing a million rows of text in the server's one
 * transaction cost far more than the insert. Nothing is written until commit.
 */
// Each chunk is one transaction with its own fsync, so fewer, larger chunks import faster.
export const SEND_ROWS = PARSED_CHUNK_ROWS;
const CSV_SLICE_BYTES = 1024 * 1024;

/** Base64 of the packed readings, a slice at a time (String.fromCharCode takes only so many arguments). */
function toBase64(data: Float64Array): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface Progress {
  rows: number;
  /** 0–1 of the file read */
  fraction: number;
}

export interface RunResult {
  batch: ImportBatch | null;
  cancelled: boolean;
  /** the commit was refused because rows have errors; the file stays staged */
  hasErrors: { importId: string; rows: number } | null;
}

export interface ImportJob {
  done: Promise<RunResult>;
  cancel(): void;
}

export const isXlsx = (file: File) => /\.xlsx$/i.test(file.name);

/** The first rows, for the header guess and the preview. */
export async function readHead(file: File, count: number): Promise<string[][]> {
  if (isXlsx(file)) return (await readXlsx(file)).slice(0, count);
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file, { preview: count, skipEmptyLines: false, complete: (r) => resolve(r.data), error: reject });
  });
}

async function readXlsx(file: File): Promise<string[][]> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  await workbook.xlsx.load(await file.arrayBuffer());
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? '';
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows;
}

export function runImport(file: File, mapping: MappingInput, headerIndex: number, onProgress: (p: Progress) => void): ImportJob {
  let cancelled = false;
  let importId: string | null = null;
  let seq = 0;
  let rowIndex = 0;

  // The server's sentinels ("no data" values) are part of the rules the rows are parsed by.
  let rules: RainCsvMapping | null = null;

  // One chunk is on its way while the next is read and parsed, so the browser's share of the
  // work overlaps the server's; the next one is sent only when the last has been staged.
  let inflight: Promise<unknown> = Promise.resolve();

  async function send(rows: string[][]) {
    for (let i = 0; i < rows.length; i += SEND_ROWS) {
      if (cancelled) return;
      const part = rows.slice(i, i + SEND_ROWS);
      // firstRow is the 1-based row number in the file, so error reports point at the right line.
      const firstRow = rowIndex + 1;
      rowIndex += part.length;
      const packed = packRainRows(part, rules as RainCsvMapping, firstRow);
      const input = { importId: importId as string, seq: seq++, firstRow, rowCount: part.length, stations: packed.stations, data: toBase64(packed.data), errors: packed.errors };
      await inflight;
      if (cancelled) return;
      inflight = call('rain.importParsed', input);
      // Marked handled here so a failure waits, unreported, for the await that rethrows it.
      inflight.catch(() => undefined);
    }
  }

  /** Drops the header and anything above it; rowIndex still counts them. */
  function body(rows: string[][]): string[][] {
    const skip = Math.max(0, Math.min(rows.length, headerIndex + 1 - rowIndex));
    rowIndex += skip;
    return rows.slice(skip);
  }

  async function streamCsv(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(file, {
        chunkSize: CSV_SLICE_BYTES,
        skipEmptyLines: false,
        chunk: (result, parser) => {
          parser.pause();
          send(body(result.data))
            .then(() => {
              onProgress({ rows: rowIndex, fraction: Math.min(1, result.meta.cursor / file.size) });
              if (cancelled) parser.abort();
              else parser.resume();
            })
            .catch((error: unknown) => {
              parser.abort();
              reject(error);
            });
        },
        complete: () => resolve(),
        error: reject,
      });
    });
  }

  async function sendXlsx(): Promise<void> {
    const rows = await readXlsx(file);
    for (let i = 0; i < rows.length && !cancelled; i += SEND_ROWS) {
      await send(body(rows.slice(i, i + SEND_ROWS)));
      onProgress({ rows: rowIndex, fraction: Math.min(1, (i + SEND_ROWS) / rows.length) });
    }
  }

  const done = (async (): Promise<RunResult> => {
    const settings = await call('settings.get', {});
    rules = { ...(mapping as RainCsvMapping), sentinels: settings.rain.sentinels, source: file.name };
    const batch = await call('rain.importBegin', { fileName: file.name, mapping });
    importId = batch.id;
    try {
      await (isXlsx(file) ? sendXlsx() : streamCsv());
      await inflight;
    } catch (error) {
      await call('rain.importCancel', { importId: batch.id }).catch(() => undefined);
      throw error;
    }
    if (cancelled) {
      await call('rain.importCancel', { importId: batch.id });
      return { batch: null, cancelled: true, hasErrors: null };
    }
    try {
      return { batch: await call('rain.importCommit', { importId: batch.id }), cancelled: false, hasErrors: null };
    } catch (error) {
      if (error instanceof CallError && error.body.key === 'errors.rain.importHasErrors') {
        return { batch: null, cancelled: false, hasErrors: { importId: batch.id, rows: Number(error.body.params?.rows ?? 0) } };
      }
      throw error;
    }
  })();

  return {
    done,
    // The chunk on its way finishes first; the reader stops before the next one.
    cancel: () => {
      cancelled = true;
    },
  };
}
