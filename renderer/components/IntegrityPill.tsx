import type { IntegrityStatus } from '../../core/contract/system';
import { useT } from '../i18n';
import { useUi } from '../store/ui';

/**
 * The background check of the data file, in the status bar only while it matters: while it reads
 * the file after a power cut, and when it found damage (a red pill that leads to the backups).
 * Its full state and "check now" are under Settings → About.
 */
export function IntegrityPill({ integrity }: { integrity: IntegrityStatus }) {
  const t = useT();
  const go = useUi((state) => state.go);
  if (integrity.state === 'checking') {
    return (
      <span className="pill" role="status" data-testid="integrity" data-state="checking">
        {t('status.integrity.checking')}
      </span>
    );
  }
  if (integrity.state !== 'damaged') return null;
  return (
    <button type="button" className="pill danger" role="alert" data-testid="integrity" data-state="damaged" title={integrity.problem ?? undefined} onClick={() => go('settings')}>
      {t('status.integrity.damaged')}
    </button>
  );
}
