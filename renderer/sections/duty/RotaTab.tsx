import { useMemo, useRef, useState } from 'react';
import type { DutyPersonRecord, RotaDayView, RotaProposal } from '../../../core/contract/dutyShared';
import { addDays, weekdayOf } from '../../../core/time';
import type { DutyDay } from '../../../core/domain/duty/types';
import { act } from '../../api/hooks';
import { useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useUi } from '../../store/ui';
import { RotaDayEdit } from './RotaDayEdit';
import { RotaSwap } from './RotaSwap';
import { ConflictList, FairnessTable, RotaTable, type PickedDuty } from './RotaTable';
import { downloadBlob } from '../../components/download';
import { ImportFileError, readRotaFile, rotaWorkbook } from './rotaXlsx';
import { useDutyQuery, useDutyWrite } from './store';

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

function lastDay(month: string): string {
  return addDays(`${shiftMonth(month, 1)}-01`, -1);
}

/** A proposal shown in the same table as the saved rota, names and phones from the register. */
function previewDays(days: DutyDay[], people: Map<string, DutyPersonRecord>): RotaDayView[] {
  const slot = (id: string, i: number) => {
    const p = people.get(id);
    return { assignmentId: `${id}-${i}`, personId: id, name: p?.name ?? id, phone: p?.phone ?? '', shift: 'full' as const, source: 'generated' as const };
  };
  return days.map((d) => ({
    date: d.date,
    weekendOrHoliday: weekdayOf(d.date) >= 6,
    holiday: false,
    leader: d.leaderId ? slot(d.leaderId, 0) : null,
    officers: d.officerIds.map((id, i) => slot(id, i + 1)),
    backup: d.backupId ? slot(d.backupId, 9) : null,
    extras: [],
    changed: false,
  }));
}

export default function RotaTab() {
  const t = useT();
  const code = useCodeLabel();
  const lang = useUi((s) => s.lang);
  const reportError = useUi((s) => s.reportError);
  const status = useStatus((s) => s.status);
  const write = useDutyWrite();
  const today = status?.dutyDay ?? '';
  const [month, setMonth] = useState(() => (status?.dutyDay ?? new Date().toISOString()).slice(0, 7));
  const view = useDutyQuery('duty.rotaMonth', { month });
  const people = useDutyQuery('duty.listPeople', { includeInactive: true });
  const changes = useDutyQuery('duty.rotaChanges', { from: `${month}-01`, to: lastDay(month) });
  const byId = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p])), [people.data]);
  const [proposal, setProposal] = useState<RotaProposal | null>(null);
  const [allowIncomplete, setAllowIncomplete] = useState(false);
  const [picked, setPicked] = useState<PickedDuty | null>(null);
  const [second, setSecond] = useState<PickedDuty | null>(null);
  const [swapOpen, setSwapOpen] = useState(false);
  const [editing, setEditing] = useState<RotaDayView | null>(null);
  const editButton = useRef<HTMLButtonElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  async function generate() {
    const result = await act('duty.generateRota', { from: `${month}-01`, to: lastDay(month) });
    if (result) setProposal(result);
  }

  async function saveProposal() {
    if (!proposal) return;
    const saved = await write('duty.saveRota', { days: proposal.days, source: 'generated', reason: t('duty.rota.generatedReason', { month }), allowIncomplete });
    if (saved) {
      setProposal(null);
      setNotice(t('duty.rota.savedDays', { count: saved.saved }));
    }
  }

  function pick(duty: PickedDuty) {
    setEditing(null);
    if (!picked || swapOpen) {
      setPicked(duty);
      setSecond(null);
      setSwapOpen(false);
      return;
    }
    if (duty.date === picked.date && duty.personId === picked.personId) return;
    setSecond(duty);
    setSwapOpen(true);
  }

  async function exportXlsx() {
    if (!view.data || !status) return;
    setBusy(true);
    const blob = await rotaWorkbook(view.data, status.unitName, t, lang === 'zh-CN' ? 'zh' : 'en');
    downloadBlob(blob, t('duty.rota.fileName', { unit: status.unitName, month }));
    setBusy(false);
  }

  async function importFile(file: File) {
    setBusy(true);
    try {
      const rows = await readRotaFile(file);
      if (!rows.length) throw new ImportFileError('empty');
      const result = await write('duty.importRota', { rows, allowIncomplete });
      if (result) setNotice(t('duty.rota.importedDays', { count: result.saved }));
    } catch (error) {
      const key = error instanceof ImportFileError ? 'errors.duty.importFile' : 'errors.duty.importUnreadable';
      reportError({ code: 'validation', key, message: String(error) });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  const done = () => {
    setPicked(null);
    setSecond(null);
    setSwapOpen(false);
  };

  function editDay(day: RotaDayView, button: HTMLButtonElement) {
    done();
    editButton.current = button;
    setEditing(day);
  }

  function closeEdit(savedDate?: string) {
    setEditing(null);
    if (savedDate) setNotice(t('duty.rotaEdit.saved', { date: savedDate }));
    editButton.current?.focus();
  }

  return (
    <div className="duty-rota">
      <div className="card toolbar no-print">
        <button type="button" onClick={() => setMonth((m) => shiftMonth(m, -1))} aria-label={t('duty.rota.prevMonth')}>
          ◀
        </button>
        <strong className="month" data-testid="rota-month">
          {month}
        </strong>
        <button type="button" onClick={() => setMonth((m) => shiftMonth(m, 1))} aria-label={t('duty.rota.nextMonth')}>
          ▶
        </button>
        <button type="button" className="primary" onClick={generate} data-testid="rota-generate">
          {t('duty.rota.generate')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('common.print')}
        </button>
        <button type="button" onClick={exportXlsx} disabled={busy || !view.data} data-testid="rota-export">
          {t('duty.rota.export')}
        </button>
        <label className="file-button">
          {t('duty.rota.import')}
          <input ref={fileInput} type="file" accept=".xlsx,.csv" disabled={busy} data-testid="rota-import" onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])} />
        </label>
        <label className="check">
          <input type="checkbox" checked={allowIncomplete} onChange={(e) => setAllowIncomplete(e.target.checked)} />
          {t('duty.rota.allowIncomplete')}
        </label>
        {notice && (
          <span role="status" data-testid="rota-notice">
            {notice}
          </span>
        )}
      </div>

      {proposal && (
        <section className="card proposal no-print" aria-labelledby="proposal-title" data-testid="rota-proposal">
          <h2 id="proposal-title">{t('duty.rota.proposalTitle', { month })}</h2>
          <ConflictList conflicts={proposal.conflicts} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={saveProposal} data-testid="rota-save">
              {t('duty.rota.saveProposal')}
            </button>
            <button type="button" onClick={() => setProposal(null)}>
              {t('common.cancel')}
            </button>
          </div>
          <div className="rota-layout">
            <RotaTable days={previewDays(proposal.days, byId)} today={today} />
            <FairnessTable rows={proposal.fairness} caption={t('duty.rota.fairnessProposal')} />
          </div>
        </section>
      )}

      {editing && (
        <RotaDayEdit key={editing.date} day={editing} people={people.data ?? []} onSaved={closeEdit} onCancel={() => closeEdit()} />
      )}

      {picked && swapOpen ? (
        <RotaSwap first={picked} second={second} people={people.data ?? []} onDone={done} />
      ) : picked ? (
        <div className="card swap-panel no-print" role="status">
          {t('duty.swap.picked', { date: picked.date, name: picked.name })}{' '}
          <button type="button" onClick={() => setSwapOpen(true)}>
            {t('duty.swap.replaceInstead')}
          </button>{' '}
          <button type="button" onClick={done}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}

      <section className="card rota-print" aria-labelledby="rota-title">
        <h2 id="rota-title" className="print-title">
          {t('duty.rota.printTitle', { unit: status?.unitName ?? '', month })}
        </h2>
        {view.data && (
          <div className="rota-layout">
            <div>
              <RotaTable days={view.data.days} today={today} picked={picked} onPick={pick} onEditDay={editDay} />
              <p className="signature-line">{t('duty.rota.signatureLine')}</p>
            </div>
            <div className="no-print stack">
              <FairnessTable rows={view.data.fairness} caption={t('duty.rota.fairnessMonth')} />
              <h3>{t('duty.rota.conflicts')}</h3>
              <ConflictList conflicts={view.data.conflicts} />
              <h3>{t('duty.rota.history')}</h3>
              <ul className="changes" data-testid="rota-changes">
                {(changes.data ?? []).map((c) => (
                  <li key={c.id}>
                    {c.date} {code('duty.rota.slot', c.slot)}
                    {t('common.colon')}
                    {t('common.withNote', { name: `${c.fromName ?? '—'} → ${c.toName ?? '—'}`, note: [c.reason || code('duty.rota.change', c.kind), c.changedBy].join(t('common.listSep')) })}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
