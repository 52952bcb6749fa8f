import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_TIME_ZONE, formatLocal } from '../../../core/time';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useUi } from '../../store/ui';
import { downloadBlob } from '../../components/download';
import { draftText, type DraftLang } from './draft';
import { reportDocx, reportXlsx, type ReportDocument } from './export';
import { gatherFacts, GatherCancelled, type GatherControl, type ReportScope } from './gather';
import { PrintSheet } from './PrintSheet';
import { defaultEvent, eventScope, ScopeBar } from './ScopeBar';
import { SectionCards } from './SectionCards';
import { useReport } from './store';
import './reports.css';

export default function ReportsSection() {
  const t = useT();
  const uiLang = useUi((s) => s.lang);
  const settings = useQuery('settings.get', {});
  const events = useQuery('events.list', { includeEnded: true });
  const statusNow = useStatus((s) => s.status?.nowMs);
  const report = useReport();
  const draftLang: DraftLang = report.draftLang ?? (uiLang === 'en' ? 'both' : 'zh');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState('');
  const [exporting, setExporting] = useState(false);
  const control = useRef<GatherControl | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const general = settings.data?.general;
  const timeZone = general?.timeZone ?? DEFAULT_TIME_ZONE;
  // The server's clock when known, so the report agrees with the status bar (and with tests that set it).
  const nowMs = statusNow ?? Date.now();

  const build = useCallback(
    async (scope: ReportScope, lang: DraftLang) => {
      if (useReport.getState().edited && !window.confirm(t('reports.rebuildConfirm'))) return;
      const job: GatherControl = { cancelled: false, onProgress: (done, total) => setProgress({ done, total }) };
      if (control.current) control.current.cancelled = true;
      control.current = job;
      setMessage('');
      setProgress({ done: 0, total: 1 });
      try {
        const facts = await gatherFacts(scope, job);
        useReport.getState().setDraft(scope, facts, draftText(facts, scope, lang));
      } catch (error) {
        if (!(error instanceof GatherCancelled)) throw error;
        setMessage(t('reports.cancelled'));
      } finally {
        if (control.current === job) {
          control.current = null;
          setProgress(null);
        }
      }
    },
    [t],
  );

  // Opening the page drafts the default event once; later drafts are the user's choice.
  useEffect(() => {
    if (useReport.getState().scope || !events.data || !general || (control.current && !control.current.cancelled)) return;
    const event = defaultEvent(events.data);
    if (event) void build(eventScope(event, nowMs, general.timeZone), draftLang);
  }, [events.data, general, nowMs, build, draftLang]);

  useEffect(
    () => () => {
      if (control.current) control.current.cancelled = true;
    },
    [],
  );

  /** An untouched draft follows the language at once; an edited one waits for "Draft again". */
  function changeDraftLang(lang: DraftLang) {
    report.setDraftLang(lang);
    const { scope, facts, edited } = useReport.getState();
    if (scope && facts && !edited) report.setDraft(scope, facts, draftText(facts, scope, lang));
  }

  function cancel() {
    if (control.current) control.current.cancelled = true;
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(report.text);
      setMessage(t('reports.copied'));
    } catch {
      textarea.current?.select();
      setMessage(t('reports.copyFailed'));
    }
  }

  const unit = { zh: general?.unitName ?? '', en: general?.unitNameEn || general?.unitName || '' };
  const date = { zh: formatLocal(nowMs, 'yyyy年M月d日', timeZone), en: formatLocal(nowMs, 'yyyy-MM-dd', timeZone) };

  async function exportAs(kind: 'docx' | 'xlsx') {
    if (!report.facts) return;
    const document: ReportDocument = { unit, date, text: report.text, draftLang, facts: report.facts };
    const title = draftLang === 'en' ? 'flood-season-summary' : '防汛工作总结';
    const file = `${title}-${formatLocal(nowMs, 'yyyyMMdd', timeZone)}.${kind}`;
    setExporting(true);
    setMessage(t('reports.exporting'));
    try {
      downloadBlob(await (kind === 'docx' ? reportDocx(document) : reportXlsx(document)), file);
      setMessage(t('reports.exported', { file }));
    } catch (error) {
      setMessage(t('reports.exportFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  }

  return (
    <section className="panel stack reports" aria-labelledby="reports-title">
      <h1 id="reports-title" className="no-print">
        {t('reports.title')}
      </h1>
      <ScopeBar
        events={events.data}
        timeZone={timeZone}
        nowMs={nowMs}
        draftLang={draftLang}
        busy={progress !== null}
        hasDraft={report.scope !== null}
        onDraftLang={changeDraftLang}
        onBuild={(scope) => void build(scope, draftLang)}
      />
      {progress && (
        <div className="card reports-progress no-print" role="status" data-testid="reports-progress">
          <progress value={progress.done} max={Math.max(progress.total, 1)} />
          <span>{t('reports.progress', { done: progress.done, total: progress.total })}</span>
          <button type="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p className="reports-message no-print" role="status" data-testid="reports-message">
          {message}
        </p>
      )}
      {!report.facts && !progress && <p className="muted no-print">{t('reports.empty')}</p>}
      {report.facts && <SectionCards facts={report.facts} timeZone={timeZone} />}
      {report.scope && (
        <div className="card reports-draft no-print">
          <label htmlFor="reports-draft">{t('reports.draft')}</label>
          <textarea
            id="reports-draft"
            ref={textarea}
            value={report.text}
            onChange={(e) => report.edit(e.target.value)}
            rows={24}
            spellCheck={false}
            data-testid="reports-draft"
          />
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => window.print()} data-testid="reports-print">
              {t('common.print')}
            </button>
            <button type="button" onClick={() => void exportAs('docx')} disabled={exporting || !report.facts} data-testid="reports-docx">
              {t('reports.exportDocx')}
            </button>
            <button type="button" onClick={() => void exportAs('xlsx')} disabled={exporting || !report.facts} data-testid="reports-xlsx">
              {t('reports.exportXlsx')}
            </button>
            <button type="button" onClick={() => void copy()} data-testid="reports-copy">
              {t('reports.copy')}
            </button>
          </div>
        </div>
      )}
      {report.scope && <PrintSheet unit={unit} date={date} text={report.text} draftLang={draftLang} />}
    </section>
  );
}
