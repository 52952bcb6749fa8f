import { useState } from 'react';
import type { StatReport, StatRow } from '../../../core/contract/damage';
import { eventDisplayName } from '../../../core/domain/events/name';
import { STAT_ROWS, STAT_STAGES, type StageRefusal, type StatRowId, type StatStage } from '../../../core/domain/damage/statReport';
import { draftDescription } from '../../../core/domain/damage/statText';
import { formatLocal, zonedToUtc } from '../../../core/time';
import { act, useQuery } from '../../api/hooks';
import { downloadBlob } from '../../components/download';
import { translate, useT, type TKey } from '../../i18n';
import { useUi } from '../../store/ui';
import { localInput } from './fields';
import { useDamageFormat } from './format';
import { StatPrint } from './StatPrint';
import { stageName, statXlsx, type StatSheet } from './statSheet';
import { StatTable, type FigureEdit } from './StatTable';
import { useFormSubmit } from './submit';
import { RecordsBehind } from './Totals';
import { StatVersions } from './StatVersions';

const refusalText = (lang: 'zh-CN' | 'en', refusal: StageRefusal, time: (ms: number) => string) =>
  translate(lang, refusal.key as TKey, refusal.key === 'errors.damage.stat.asOfBackwards' ? { previous: time(refusal.previous) } : undefined);

/**
 * The statistics quick report (统计快报) of one event: drafted from the records as of a time,
 * figures editable with a reason, saved as 初报 / 续报 / 核报, each saved version kept and
 * readable, exported as XLSX and printed in the district's layout.
 */
export function StatsView({ eventId }: { eventId: string }) {
  const t = useT();
  const f = useDamageFormat();
  const lang = useUi((s) => s.lang);
  // Null until the user picks a time: "now" on the server's clock to the millisecond, so a record
  // written in the current minute is in the figures (a minute-precise input would leave it out).
  const [asOf, setAsOf] = useState<string | null>(null);
  const [stage, setStage] = useState<StatStage | null>(null);
  const [edits, setEdits] = useState<Partial<Record<StatRowId, FigureEdit>>>({});
  const [description, setDescription] = useState<string | null>(null);
  const [openRow, setOpenRow] = useState<StatRowId | null>(null);
  const [version, setVersion] = useState<StatReport | null>(null);
  const [message, setMessage] = useState('');
  const [generation, setGeneration] = useState(0);
  const { errors, busy, submit } = useFormSubmit();

  const picked = asOf !== null && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(asOf) ? zonedToUtc(asOf.slice(0, 10), asOf.slice(11, 16), f.zone) : null;
  const input = { eventId, ...(picked !== null ? { asOfMs: picked } : {}), ...(stage ? { stage } : {}) };
  const draft = useQuery('damage.statDraft', input, `${JSON.stringify(input)}#${generation}`);
  const settings = useQuery('settings.get', {});
  const events = useQuery('events.list', { includeEnded: true });

  const d = draft.data?.eventId === eventId ? draft.data : undefined;
  if (!d) return <p className="muted">{t('common.loading')}</p>;

  const short = lang === 'zh-CN' ? 'zh' : 'en';
  const edited = (row: StatRow): StatRow => {
    const edit = edits[row.row];
    return edit ? { ...row, reported: edit.value, reason: edit.reason } : row;
  };
  const rows = version ? version.rows : d.rows.map(edited);
  const shownStage = version ? version.header.stage : d.stage;
  const text = version ? version.header.description : (description ?? draftDescription(d, Object.fromEntries(rows.map((r) => [r.row, r.reported])), short));
  const shownAsOfMs = version ? version.header.asOfMs : d.asOfMs;
  const event = events.data?.find((e) => e.id === eventId);
  const general = settings.data?.general;
  const sheet: StatSheet = {
    lang,
    unitName: (lang === 'en' ? general?.unitNameEn : '') || general?.unitName || '',
    eventName: event ? eventDisplayName(event, short) : '',
    asOfText: formatLocal(shownAsOfMs, 'yyyy-MM-dd HH:mm', f.zone),
    stage: shownStage,
    rows,
    description: text,
  };
  const open = openRow ? rows.find((r) => r.row === openRow) : undefined;
  const time = (ms: number) => formatLocal(ms, 'yyyy-MM-dd HH:mm', f.zone);

  async function save() {
    if (!d) return;
    const figures = Object.entries(edits).map(([row, edit]) => ({ row: row as StatRowId, value: edit.value, reason: edit.reason }));
    const saved = await submit('damage.statSave', { eventId, stage: d.stage, asOfMs: d.asOfMs, expectedSeq: d.kept.at(-1)?.seq ?? 0, description: text, figures });
    if (!saved) return;
    setMessage(t('damage.stat.saved', { seq: saved.header.seq, stage: stageName(saved.header.stage, lang) }));
    setEdits({});
    setDescription(null);
    setStage(null);
    setGeneration((g) => g + 1);
  }

  async function openVersion(id: string) {
    const report = await act('damage.statReport', { id });
    if (report) setVersion(report);
  }

  async function exportXlsx() {
    const file = `${lang === 'en' ? 'disaster-statistics' : '自然灾害情况统计快报'}-${stageName(shownStage, lang)}-${formatLocal(shownAsOfMs, 'yyyyMMddHHmm', f.zone)}.xlsx`;
    try {
      downloadBlob(await statXlsx(sheet), file);
      setMessage(t('damage.stat.exported', { file }));
    } catch (error) {
      setMessage(t('damage.stat.exportFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  const fieldErrors = Object.entries(errors).filter(([field]) => field.startsWith('figures.'));
  return (
    <div className="dmg-stat" data-testid="dmg-stat">
      <section className="card dmg-stat-controls no-print">
        {version ? (
          <p className="dmg-stat-viewing" role="status" data-testid="dmg-stat-viewing">
            {t('damage.stat.viewing', { seq: version.header.seq, stage: stageName(version.header.stage, lang) })}{' '}
            <button type="button" onClick={() => setVersion(null)} data-testid="dmg-stat-back">
              {t('damage.stat.backToDraft')}
            </button>
          </p>
        ) : (
          <div className="dmg-stat-pickers">
            <label>
              {t('damage.stat.asOf')}
              <input type="datetime-local" value={asOf ?? localInput(d.asOfMs, f.zone)} onChange={(e) => setAsOf(e.target.value)} data-testid="dmg-stat-asof" />
            </label>
            <label>
              {t('damage.stat.stage')}
              <select value={d.stage} onChange={(e) => setStage(e.target.value as StatStage)} data-testid="dmg-stat-stage">
                {STAT_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {t(`damage.stat.stage.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted">{t('damage.stat.records', { n: d.records })}</span>
          </div>
        )}
        <div className="row dmg-stat-actions">
          {!version && (
            <button type="button" className="primary" onClick={() => void save()} disabled={busy || d.refusal !== null} data-testid="dmg-stat-save">
              {t('damage.stat.save', { stage: stageName(d.stage, lang) })}
            </button>
          )}
          <button type="button" onClick={() => void exportXlsx()} data-testid="dmg-stat-xlsx">
            {t('damage.stat.exportXlsx')}
          </button>
          <button type="button" onClick={() => window.print()} data-testid="dmg-stat-print-button">
            {t('common.print')}
          </button>
        </div>
        {!version && d.refusal && (
          <p className="dmg-stat-refusal" role="note" data-testid="dmg-stat-refusal">
            {t('damage.stat.refused', { stage: stageName(d.stage, lang), reason: refusalText(lang, d.refusal, time) })}
          </p>
        )}
        {fieldErrors.length > 0 && (
          <ul className="dmg-stat-errors" role="alert">
            {fieldErrors.map(([field, problem]) => (
              <li key={field}>{problem}</li>
            ))}
          </ul>
        )}
        {message && (
          <p role="status" data-testid="dmg-stat-message">
            {message}
          </p>
        )}
      </section>
      <section className="card dmg-stat-sheet no-print" aria-labelledby="dmg-stat-title">
        <h2 id="dmg-stat-title">{t('damage.stat.title')}</h2>
        <dl className="dmg-stat-head">
          <dt>{t('damage.stat.unit')}</dt>
          <dd>{sheet.unitName}</dd>
          <dt>{t('damage.stat.event')}</dt>
          <dd>{sheet.eventName}</dd>
          <dt>{t('damage.stat.asOf')}</dt>
          <dd data-testid="dmg-stat-asof-shown">{sheet.asOfText}</dd>
          <dt>{t('damage.stat.stage')}</dt>
          <dd data-testid="dmg-stat-stage-shown">{stageName(shownStage, lang)}</dd>
        </dl>
        <StatTable
          eventId={eventId}
          rows={rows}
          readOnly={version !== null}
          openRow={openRow}
          onOpen={setOpenRow}
          onEdit={(row, edit) =>
            setEdits((all) => {
              const next = { ...all };
              if (edit) next[row] = edit;
              else delete next[row];
              return next;
            })
          }
        />
        <label className="dmg-stat-desc">
          {t('damage.stat.description')}
          <textarea value={text} readOnly={version !== null} rows={8} onChange={(e) => setDescription(e.target.value)} data-testid="dmg-stat-description" />
        </label>
        {!version && description !== null && (
          <button type="button" className="ghost" onClick={() => setDescription(null)}>
            {t('damage.stat.redraft')}
          </button>
        )}
      </section>
      {open && <RecordsBehind eventId={eventId} name={`${STAT_ROWS[open.row][short]}`} recordIds={open.recordIds} onClose={() => setOpenRow(null)} />}
      <StatVersions versions={d.kept} viewing={version?.header.id ?? null} onOpen={(id) => void openVersion(id)} time={time} />
      <StatPrint sheet={sheet} />
    </div>
  );
}
