import { useMemo, useRef, useState } from 'react';
import type { ImportBatch, MappingInput } from '../../../core/contract/rain';
import { detectColumns, findHeaderRow, mappingProblems, parseRainRows, type DateColumns, type RainCsvMapping, type RowError } from '../../../core/domain/rain/csv';
import { act, useQuery } from '../../api/hooks';
import { CallError } from '../../api/client';
import { StoredRow } from '../../components/ErrorBoundary';
import { safeNumber, useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { fmtTime, useTimeZone } from './format';
import { readHead, runImport, type ImportJob, type Progress } from './importRunner';

type Phase = { kind: 'idle' } | { kind: 'running'; progress: Progress } | { kind: 'committing' } | { kind: 'done'; batch: ImportBatch } | { kind: 'cancelled' } | { kind: 'errors'; importId: string; rows: number; list: RowError[] };

const HEAD_ROWS = 40;

export function ImportPanel({ onImported }: { onImported(): void }) {
  const t = useT();
  const code = useCodeLabel();
  const zone = useTimeZone();
  const lang = useUi((s) => s.lang);
  const [file, setFile] = useState<File | null>(null);
  const [head, setHead] = useState<string[][]>([]);
  const [headerIndex, setHeaderIndex] = useState(0);
  const [mapping, setMapping] = useState<Partial<RainCsvMapping>>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const job = useRef<ImportJob | null>(null);
  const history = useQuery('rain.imports', { limit: 8 });

  async function choose(f: File | undefined) {
    setPhase({ kind: 'idle' });
    if (!f) return;
    const rows = await readHead(f, HEAD_ROWS);
    const header = Math.max(0, findHeaderRow(rows));
    const detected = detectColumns(rows[header] ?? [], zone);
    setFile(f);
    setHead(rows);
    setHeaderIndex(header);
    setMapping({ intervalMinutes: 60, ...detected.mapping, timeZone: zone });
  }

  const columns = head[headerIndex] ?? [];
  const full = { ...mapping, source: file?.name ?? '' } as RainCsvMapping;
  const problems = file && mapping.time !== undefined && mapping.value !== undefined ? mappingProblems(full) : [];
  const ready = file !== null && mapping.time !== undefined && mapping.value !== undefined && problems.length === 0;
  const preview = useMemo(() => (ready ? parseRainRows(head.slice(headerIndex + 1), full, headerIndex + 2) : null), [ready, head, headerIndex, JSON.stringify(full)]);

  async function start() {
    if (!file || !ready) return;
    const { source: _source, sentinels: _sentinels, ...rest } = full;
    const running = runImport(file, rest as MappingInput, headerIndex, (progress) => setPhase({ kind: 'running', progress }));
    job.current = running;
    setPhase({ kind: 'running', progress: { rows: 0, fraction: 0 } });
    try {
      const result = await running.done;
      if (result.cancelled) setPhase({ kind: 'cancelled' });
      else if (result.hasErrors) {
        const list = await act('rain.importErrors', { importId: result.hasErrors.importId, limit: 200 });
        setPhase({ kind: 'errors', ...result.hasErrors, list: list?.rows ?? [] });
      } else if (result.batch) {
        setPhase({ kind: 'done', batch: result.batch });
        onImported();
      }
    } catch (error) {
      setPhase({ kind: 'idle' });
      useUi.getState().reportError(error instanceof CallError ? error.body : { code: 'internal', key: 'errors.internal', message: String(error) });
    } finally {
      job.current = null;
      history.reload();
    }
  }

  /** Bad rows are skipped; rows only above the plausible limit are kept when the user confirms them. */
  async function skipAndCommit(importId: string, confirmedImplausible = false) {
    setPhase({ kind: 'committing' });
    const batch = await act('rain.importCommit', { importId, skipBadRows: true, confirmedImplausible });
    history.reload();
    if (batch) {
      setPhase({ kind: 'done', batch });
      onImported();
    }
  }

  const colSelect = (key: 'station' | 'value', allowNone: boolean) => (
    <select
      name={`map-${key}`}
      value={mapping[key] ?? ''}
      onChange={(e) => setMapping((m) => ({ ...m, [key]: e.target.value === '' ? undefined : Number(e.target.value) }))}
    >
      {allowNone && <option value="">{t('rain.import.none')}</option>}
      {columns.map((name, i) => (
        <option key={i} value={i}>
          {i + 1}: {name}
        </option>
      ))}
    </select>
  );
  const dateCols = typeof mapping.time === 'object' ? (mapping.time as DateColumns) : null;

  return (
    <section className="card rain-import" aria-labelledby="rain-import-title">
      <h2 id="rain-import-title">{t('rain.import.title')}</h2>
      <div className="form-grid">
        <label>
          {t('rain.import.file')}
          <input type="file" name="rainFile" accept=".csv,.txt,.xlsx" onChange={(e) => void choose(e.target.files?.[0])} disabled={phase.kind === 'running'} />
        </label>
        {file && (
          <>
            <label>
              {t('rain.import.headerRow')}
              <input type="number" name="map-header" min={1} max={HEAD_ROWS} value={headerIndex + 1} onChange={(e) => setHeaderIndex(Math.max(0, Number(e.target.value) - 1))} />
            </label>
            <label>
              {t('rain.import.station')}
              {colSelect('station', true)}
            </label>
            <label>
              {t('rain.import.stationFixed')}
              <input name="map-stationFixed" value={mapping.stationFixed ?? ''} onChange={(e) => setMapping((m) => ({ ...m, stationFixed: e.target.value || undefined }))} />
            </label>
            <label>
              {t('rain.import.time')}
              <select name="map-time" value={dateCols ? 'date' : String(mapping.time ?? '')} onChange={(e) => setMapping((m) => ({ ...m, time: e.target.value === 'date' ? m.time : e.target.value === '' ? undefined : Number(e.target.value) }))}>
                <option value="">{t('rain.import.none')}</option>
                {dateCols && <option value="date">{[dateCols.year, dateCols.month, dateCols.day, dateCols.hour].filter((c) => c !== undefined).map((c) => columns[c as number]).join(' + ')}</option>}
                {columns.map((name, i) => (
                  <option key={i} value={i}>
                    {i + 1}: {name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('rain.import.value')}
              {colSelect('value', false)}
            </label>
            <label>
              {t('rain.import.timeZone')}
              <input name="map-zone" value={mapping.timeZone ?? ''} onChange={(e) => setMapping((m) => ({ ...m, timeZone: e.target.value }))} />
            </label>
            <label>
              {t('rain.import.interval')}
              <input type="number" name="map-interval" min={1} value={mapping.intervalMinutes ?? 60} onChange={(e) => setMapping((m) => ({ ...m, intervalMinutes: Number(e.target.value) }))} />
            </label>
          </>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="rain-msg-error">
          {problems.map((p) => (
            <li key={p.en}>{lang === 'zh-CN' ? p.zh : p.en}</li>
          ))}
        </ul>
      )}
      {preview && (
        <div className="rain-preview">
          <h3>{t('rain.import.preview', { n: Math.min(preview.readings.length, 8) })}</h3>
          <table data-testid="import-preview">
            <tbody>
              {preview.readings.slice(0, 8).map((r, i) => (
                <tr key={i}>
                  <td className="mono">{r.stationId}</td>
                  <td>{fmtTime(r.endMs, zone, 'yyyy-MM-dd HH:mm')}</td>
                  <td>{r.intervalMinutes} min</td>
                  <td className="rain-num">{r.value === null ? '—' : r.trace ? 'T' : r.value}</td>
                  <td>{r.quality}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.errors.length > 0 && <p className="rain-msg-error">{t('rain.import.previewErrors', { n: preview.errors.length })}</p>}
        </div>
      )}
      <div className="form-actions">
        {phase.kind === 'running' ? (
          <button type="button" className="danger" onClick={() => job.current?.cancel()} data-testid="import-cancel">
            {t('rain.import.cancel')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={!ready || phase.kind === 'committing'} onClick={() => void start()} data-testid="import-start">
            {t('rain.import.start')}
          </button>
        )}
      </div>
      {phase.kind === 'running' && (
        <div className="rain-progress" data-testid="import-progress">
          <progress value={phase.progress.fraction} max={1} aria-label={t('rain.import.progress', { rows: phase.progress.rows, percent: Math.round(phase.progress.fraction * 100) })} />
          <span role="status">{t('rain.import.progress', { rows: phase.progress.rows, percent: Math.round(phase.progress.fraction * 100) })}</span>
        </div>
      )}
      {phase.kind === 'committing' && <p role="status">{t('rain.import.committing')}</p>}
      {phase.kind === 'cancelled' && <p role="status">{t('rain.import.cancelled')}</p>}
      {phase.kind === 'done' && (
        <p role="status" className="rain-msg-ok" data-testid="import-done">
          {t('rain.import.done', { inserted: phase.batch.inserted, replaced: phase.batch.replaced, unchanged: phase.batch.unchanged, duplicates: phase.batch.duplicates, skipped: phase.batch.skippedRows })}
        </p>
      )}
      {phase.kind === 'errors' && (
        <div className="rain-errors" data-testid="import-errors">
          <p className="rain-msg-error" role="alert">
            {t('rain.import.hasErrors', { rows: phase.rows })}
          </p>
          <table>
            <caption>{t('rain.import.errorsTitle')}</caption>
            <thead>
              <tr>
                <th>{t('rain.import.row')}</th>
                <th>{t('rain.import.column')}</th>
                <th>{t('rain.import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {phase.list.map((e, i) => (
                <tr key={i} className={e.severity === 'error' ? 'rain-error-row' : undefined}>
                  <td>{e.row}</td>
                  <td>{e.column === null ? '—' : e.column + 1}</td>
                  <td>{lang === 'zh-CN' ? e.message_zh : e.message_en}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void skipAndCommit(phase.importId)} data-testid="import-skip">
            {t('rain.import.skipAndCommit')}
          </button>
          {phase.list.some((e) => e.code === 'value_implausible') && (
            <button type="button" onClick={() => void skipAndCommit(phase.importId, true)} data-testid="import-confirm-implausible">
              {t('rain.import.confirmImplausible')}
            </button>
          )}
        </div>
      )}
      {history.data && history.data.length > 0 && (
        <details className="rain-history">
          <summary>{t('rain.import.history')}</summary>
          <table>
            <tbody>
              {history.data.map((b) => (
                <StoredRow key={b.id} method="rain.imports" rowId={b.id} name={b.source} as="tr" colSpan={5}>
                  {() => (
                    <tr>
                      <td>{fmtTime(b.createdAt, zone, 'yyyy-MM-dd HH:mm')}</td>
                      <td>{b.source}</td>
                      <td>{code('rain.import.status', b.status)}</td>
                      <td className="rain-num">+{safeNumber(b.inserted)}</td>
                      <td className="rain-num">{safeNumber(b.duplicates)}</td>
                    </tr>
                  )}
                </StoredRow>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
