import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DutyPersonRecord, RotaDayView } from '../../../core/contract/dutyShared';
import { isHardConflict } from '../../../core/domain/duty/conflicts';
import type { DutyDay, PersonRole } from '../../../core/domain/duty/types';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { ConflictList } from './RotaTable';
import { useDutyWrite } from './store';

interface RotaDayEditProps {
  day: RotaDayView;
  people: DutyPersonRecord[];
  onSaved(date: string): void;
  onCancel(): void;
}

/**
 * One rota day edited by hand: leader, officers and backup, with the conflicts the change would
 * cause checked against the saved rota as the form changes, before anything is written. Saving
 * supersedes the old slots (they stay in the history) and records the reason.
 */
export function RotaDayEdit({ day, people, onSaved, onCancel }: RotaDayEditProps) {
  const t = useT();
  const write = useDutyWrite();
  const [leaderId, setLeaderId] = useState(day.leader?.personId ?? '');
  const [officerIds, setOfficerIds] = useState(() => day.officers.map((o) => o.personId));
  const [backupId, setBackupId] = useState(day.backup?.personId ?? '');
  const [reason, setReason] = useState('');
  const [acceptGaps, setAcceptGaps] = useState(false);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => first.current?.focus(), []);

  const edited: DutyDay = { date: day.date, leaderId: leaderId || null, officerIds: officerIds.filter(Boolean), ...(backupId ? { backupId } : {}) };
  const check = useQuery('duty.checkRota', { days: [edited] });
  const conflicts = check.loading ? null : (check.data ?? null);
  const hard = conflicts?.some(isHardConflict) ?? false;
  const gaps = (conflicts?.length ?? 0) > 0 && !hard;

  // Whoever is on the day now stays choosable even without the role, so the form shows the truth.
  const onDay = new Set([day.leader?.personId, ...day.officers.map((o) => o.personId), day.backup?.personId]);
  const choices = (roles: PersonRole[]) => people.filter((p) => onDay.has(p.id) || (p.active && p.roles.some((r) => roles.includes(r))));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await write('duty.saveRota', { days: [edited], source: 'manual', reason, allowIncomplete: acceptGaps });
    if (saved) onSaved(day.date);
  }

  function escape(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onCancel();
  }

  const select = (label: string, value: string, onChange: (id: string) => void, roles: PersonRole[], name: string, ref?: typeof first) => (
    <label>
      {label}
      <select ref={ref} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {choices(roles).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} {p.phone}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="card swap-panel day-edit no-print" onSubmit={submit} onKeyDown={escape} aria-labelledby="day-edit-title" data-testid="day-edit">
      <h2 id="day-edit-title">{t('duty.rotaEdit.title', { date: day.date })}</h2>
      <div className="day-edit-fields">
        {select(t('duty.rota.leader'), leaderId, setLeaderId, ['leader'], 'leader', first)}
        {officerIds.map((id, i) => (
          <div className="day-edit-officer" key={i}>
            {select(t('duty.rotaEdit.officer', { n: i + 1 }), id, (v) => setOfficerIds((ids) => ids.map((old, j) => (j === i ? v : old))), ['officer'], `officer${i + 1}`)}
            <button type="button" aria-label={t('duty.rotaEdit.removeOfficer', { n: i + 1 })} onClick={() => setOfficerIds((ids) => ids.filter((_, j) => j !== i))}>
              ✕
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setOfficerIds((ids) => [...ids, ''])} disabled={officerIds.length >= 10}>
          {t('duty.rotaEdit.addOfficer')}
        </button>
        {select(t('duty.rota.backup'), backupId, setBackupId, ['backup', 'officer'], 'backup')}
      </div>
      <label>
        {t('duty.rotaEdit.reason')}
        <input name="reason" required maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="day-edit-check" aria-live="polite" data-testid="day-edit-conflicts">
        <h3>{t('duty.rota.conflicts')}</h3>
        {conflicts ? <ConflictList conflicts={conflicts} /> : <p className="muted">{t('duty.rotaEdit.checking')}</p>}
        {hard && <p className="error-text">{t('duty.rotaEdit.hardConflicts')}</p>}
        {gaps && (
          <label className="check">
            <input type="checkbox" name="acceptGaps" checked={acceptGaps} onChange={(e) => setAcceptGaps(e.target.checked)} />
            {t('duty.rotaEdit.confirmGaps')}
          </label>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!reason.trim() || !conflicts || hard || (gaps && !acceptGaps)}>
          {t('duty.rotaEdit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
