import { useState, type FormEvent } from 'react';
import { localParts, zonedToUtc } from '../../../core/time';
import type { InputOf, MethodName, OutputOf } from '../../../core/contract';
import type { ErrorBody } from '../../../core/errors';
import { call, CallError } from '../../api/client';
import { withDialogBoundary } from '../../components/ErrorBoundary';
import { safeDate, type Shown } from '../../format/safe';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useUi } from '../../store/ui';

export const useZone = () => useStatus((s) => s.status?.timeZone ?? 'Asia/Shanghai');

/** `datetime-local` values are wall-clock time in the office's zone, not the browser's. */
export function toLocalInput(ms: number, zone: string): string {
  const p = localParts(ms, zone);
  return `${p.date}T${p.time}`;
}

export function fromLocalInput(value: string, zone: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? zonedToUtc(m[1], m[2], zone) : null;
}

export const showTime = (ms: unknown, zone: string): Shown => safeDate(ms, 'MM-dd HH:mm', zone);

export interface OverrideAsk {
  params: Record<string, string | number>;
  retry(reason: string): void;
}

const OVERRIDE_KEYS = new Set(['errors.evac.overCapacity', 'errors.evac.capacityUnknown']);

/**
 * Calls a method that may need a capacity override: the over-capacity refusal opens the
 * prompt instead of the error banner; anything else goes to the banner as usual.
 */
export async function callOrAsk<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  ask: (a: OverrideAsk) => void,
  withReason: (reason: string) => InputOf<M>,
  done: (value: OutputOf<M>) => void,
): Promise<void> {
  try {
    done(await call(method, input));
  } catch (error) {
    const body: ErrorBody = error instanceof CallError ? error.body : { code: 'internal', key: 'errors.internal', message: String(error) };
    if (OVERRIDE_KEYS.has(body.key)) {
      ask({ params: body.params ?? {}, retry: (reason) => void callOrAsk(method, withReason(reason), ask, withReason, done) });
    } else {
      useUi.getState().reportError(body, method);
    }
  }
}

/** The explicit over-capacity confirmation: a reason is required, Escape cancels. */
function OverrideForm({ ask, onClose }: { ask: OverrideAsk; onClose(): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    onClose();
    ask.retry(reason.trim());
  };
  const p = ask.params;
  return (
    <div className="evac-modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="evac-modal card" role="dialog" aria-modal="true" aria-labelledby="evac-override-title" onSubmit={submit} data-testid="override-dialog">
        <h2 id="evac-override-title">{t('evac.override.title')}</h2>
        <p>{t('evac.override.text', { name: p.name ?? '', capacity: p.capacity ?? '—', current: p.current ?? 0, adding: p.adding ?? 0, after: p.after ?? 0 })}</p>
        <label>
          {t('evac.override.reason')}
          <textarea name="reason" required autoFocus rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="danger" disabled={!reason.trim()}>
            {t('evac.override.confirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

export const OverrideDialog = withDialogBoundary('override-dialog', OverrideForm, (props) => props.onClose);
