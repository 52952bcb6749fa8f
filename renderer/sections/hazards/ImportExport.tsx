import { useRef, useState } from 'react';
import type { ImportRowIssue } from '../../../core/contract/hazards-types';
import { act } from '../../api/hooks';
import { downloadBlob } from '../../components/download';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useUi } from '../../store/ui';
import { useLabel } from './labels';
import { parseSheet, type RawRow } from '../../../core/domain/hazards/importSheet';
import { exportXlsx } from './importFile';

const CHUNK = 500;

interface Staged {
  importId: string;
  fileName: string;
  rows: RawRow[];
  issues: ImportRowIssue[];
}

/** Import: read in the browser, stage chunk by chunk (progress, cancel), preview every row's problems, then commit all or nothing. */
export function ImportExport() {
  const t = useT();
  const label = useLabel();
  const lang = useUi((s) => s.lang);
  const unitName = useStatus((s) => s.status?.unitName ?? '');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [staged, setStaged] = useState<Staged | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const cancelled = useRef(false);

  async function pick(file: File | undefined) {
    if (!file) return;
    setResult(null);
    // A new file replaces the preview; its staged rows must not linger in the database.
    if (staged) await act('hazards.importCancel', { importId: staged.importId });
    setStaged(null);
    cancelled.current = false;
    // The same parser the benchmark times in Node.
    const { rows } = await parseSheet(file.name, file);
    const begun = await act('hazards.importBegin', { fileName: file.name });
    if (!begun) return;
    const issues: ImportRowIssue[] = [];
    setProgress({ done: 0, total: rows.length });
    for (let i = 0; i < rows.length; i += CHUNK) {
      if (cancelled.current) {
        await act('hazards.importCancel', { importId: begun.importId });
        setProgress(null);
        setResult(t('hazards.import.cancelled'));
        return;
      }
      // Row numbers as the spreadsheet shows them: the header is row 1.
      const chunk = await act('hazards.importChunk', { importId: begun.importId, startRow: i + 2, rows: rows.slice(i, i + CHUNK) });
      if (!chunk) return setProgress(null);
      issues.push(...chunk.issues);
      setProgress({ done: Math.min(rows.length, i + CHUNK), total: rows.length });
    }
    setProgress(null);
    setStaged({ importId: begun.importId, fileName: file.name, rows, issues });
  }

  async function commit() {
    if (!staged) return;
    const done = await act('hazards.importCommit', { importId: staged.importId });
    if (done) {
      setStaged(null);
      setResult(t('hazards.import.done', { n: done.created }));
    }
  }

  async function discard() {
    if (staged) await act('hazards.importCancel', { importId: staged.importId });
    setStaged(null);
  }

  async function exportAll() {
    setExporting(true);
    const points = await act('hazards.exportPoints', { filter: { status: null } });
    if (points) {
      const blob = await exportXlsx(points, lang, unitName);
      downloadBlob(blob, `${t('hazards.export.fileName')}.xlsx`);
    }
    setExporting(false);
  }

  const errors = staged?.issues.filter((i) => i.errors.length) ?? [];
  const warnings = staged?.issues.filter((i) => !i.errors.length && i.warnings.length) ?? [];
  return (
    <div className="stack">
      <div className="card stack">
        <h2>{t('hazards.import.title')}</h2>
        <p className="muted">{t('hazards.import.hint')}</p>
        <label className="button">
          {t('hazards.import.pick')}
          <input type="file" className="hz-file" accept=".xlsx,.csv" onChange={(e) => (pick(e.target.files?.[0]), (e.target.value = ''))} data-testid="hz-import-file" />
        </label>
        {progress && (
          <div className="form-actions" role="status">
            <progress max={progress.total} value={progress.done} /> {t('hazards.import.progress', { done: progress.done, total: progress.total })}
            <button type="button" onClick={() => (cancelled.current = true)}>
              {t('common.cancel')}
            </button>
          </div>
        )}
        {result && <p role="status" data-testid="hz-import-result">{result}</p>}
      </div>
      {staged && (
        <div className="card stack" data-testid="hz-import-preview">
          <h2>{t('hazards.import.preview', { file: staged.fileName, n: staged.rows.length })}</h2>
          {errors.length > 0 ? (
            <p className="hz-error" role="alert">
              {t('hazards.import.hasErrors', { n: errors.length })}
            </p>
          ) : (
            <p>{t('hazards.import.ready', { n: staged.rows.length })}</p>
          )}
          {[...errors, ...warnings].length > 0 && (
            // Each message names its row and column ("第 738 行：纬度必须是…"), errors first.
            <ul className="hz-import-issues" data-testid="hz-import-issues">
              {[...errors, ...warnings].slice(0, 200).flatMap((issue) =>
                [...issue.errors.map((e) => [e, true] as const), ...issue.warnings.map((w) => [w, false] as const)].map(([m, isError], i) => (
                  <li key={`${issue.row}-${i}`} className={isError ? 'hz-error' : 'hz-warning'}>
                    {isError ? t('hazards.import.error') : t('hazards.import.warning')}: {label({ zh: m.messageZh, en: m.message })}
                  </li>
                )),
              )}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" className="primary" disabled={errors.length > 0} onClick={commit} data-testid="hz-import-commit">
              {t('hazards.import.commit', { n: staged.rows.length })}
            </button>
            <button type="button" onClick={discard}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <div className="card stack">
        <h2>{t('hazards.export.title')}</h2>
        <button type="button" onClick={exportAll} disabled={exporting} data-testid="hz-export">
          {exporting ? t('common.loading') : t('hazards.export.button')}
        </button>
      </div>
    </div>
  );
}
