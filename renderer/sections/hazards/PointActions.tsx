import { useState } from 'react';
import type { HazardPoint } from '../../../core/contract/hazards-types';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';
import { goHazards } from './route';

/**
 * Removing a point entered by mistake (it is kept, marked deleted, and can be restored from the
 * register's "deleted" filter) and bringing a retired point back. The reason is asked inline:
 * Electron has no window.prompt.
 */
export function PointActions({ point, onChange }: { point: HazardPoint; onChange: () => void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');

  async function remove() {
    if (reason.trim() && (await act('hazards.deletePoint', { id: point.id, reason: reason.trim() }))) goHazards({ view: 'list' });
  }

  async function restore() {
    if (await act('hazards.restorePoint', { id: point.id })) onChange();
  }

  if (asking) {
    return (
      <form
        className="form-actions hz-delete-form"
        onSubmit={(e) => (e.preventDefault(), remove())}
        onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
        data-testid="hz-delete-form"
      >
        <label>
          {t('hazards.delete.reason')}
          <input autoFocus required maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="hz-delete-reason" />
        </label>
        <button type="submit" className="danger" disabled={!reason.trim()} data-testid="hz-delete-confirm">
          {t('hazards.delete.confirm')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </form>
    );
  }
  return (
    <>
      {point.status === 'retired' && (
        <button type="button" onClick={restore} data-testid="hz-restore-point">
          {t('hazards.restore.active')}
        </button>
      )}
      <button type="button" className="ghost" onClick={() => setAsking(true)} data-testid="hz-delete-point">
        {t('hazards.delete')}
      </button>
    </>
  );
}
