import { useState, type FormEvent } from 'react';
import type { DutyPersonRecord, NamedConflict } from '../../../core/contract/dutyShared';
import { useT } from '../../i18n';
import { ConflictList, type PickedDuty } from './RotaTable';
import { useDutyWrite } from './store';

interface RotaSwapProps {
  first: PickedDuty;
  second: PickedDuty | null;
  people: DutyPersonRecord[];
  onDone(): void;
}

/**
 * 调班 and 替班: two picked duties trade places, or one duty goes to someone not on the rota
 * that day. The rules refuse leave and duplicates; back-to-back duty is allowed but shown.
 */
export function RotaSwap({ first, second, people, onDone }: RotaSwapProps) {
  const t = useT();
  const write = useDutyWrite();
  const [replaceWith, setReplaceWith] = useState('');
  const [reason, setReason] = useState('');
  const [warnings, setWarnings] = useState<NamedConflict[] | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = second
      ? await write('duty.swap', { first: { date: first.date, personId: first.personId }, second: { date: second.date, personId: second.personId }, reason })
      : await write('duty.replace', { date: first.date, fromPersonId: first.personId, toPersonId: replaceWith, reason });
    if (!result) return;
    if (result.warnings.length) setWarnings(result.warnings);
    else onDone();
  }

  if (warnings) {
    return (
      <div className="card swap-panel" role="status">
        <p>{t('duty.swap.savedWithWarnings')}</p>
        <ConflictList conflicts={warnings} />
        <button type="button" onClick={onDone}>
          {t('common.close')}
        </button>
      </div>
    );
  }

  return (
    <form className="card swap-panel no-print" onSubmit={submit} aria-labelledby="swap-title" data-testid="swap-panel">
      <h2 id="swap-title">{second ? t('duty.swap.title') : t('duty.swap.pickSecond')}</h2>
      <p>
        <strong>{first.date}</strong> {first.name}
        {second && (
          <>
            {' ⇄ '}
            <strong>{second.date}</strong> {second.name}
          </>
        )}
      </p>
      {!second && (
        <label>
          {t('duty.swap.replaceWith')}
          <select name="replaceWith" value={replaceWith} onChange={(e) => setReplaceWith(e.target.value)}>
            <option value="">—</option>
            {people
              .filter((p) => p.active && p.id !== first.personId)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} {p.phone}
                </option>
              ))}
          </select>
        </label>
      )}
      <label>
        {t('duty.swap.reason')}
        <input name="reason" required maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!reason.trim() || (!second && !replaceWith)}>
          {second ? t('duty.swap.confirm') : t('duty.swap.confirmReplace')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
