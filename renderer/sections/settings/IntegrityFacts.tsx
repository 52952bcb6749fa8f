import { useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { plain, safeDate } from '../../format/safe';
import type { IntegrityStatus } from '../../../core/contract/system';

const STATE_KEYS = {
  unchecked: 'status.integrity.unchecked',
  checking: 'status.integrity.checking',
  ok: 'status.integrity.ok',
  damaged: 'status.integrity.damaged',
} as const satisfies Record<IntegrityStatus['state'], string>;

/** The last full check of the data file and a button to run one now (it runs in the background). */
export function IntegrityFacts({ timeZone }: { timeZone: string }) {
  const t = useT();
  const integrity = useStatus((state) => state.status?.integrity);
  const refresh = useStatus((state) => state.refresh);
  const [asking, setAsking] = useState(false);
  if (!integrity) return null;
  const checkNow = async () => {
    setAsking(true);
    try {
      await call('system.checkIntegrity', {});
      await refresh();
    } finally {
      setAsking(false);
    }
  };
  return (
    <>
      <dt>{t('settings.integrity')}</dt>
      <dd data-testid="integrity-facts" data-state={integrity.state}>
        {t(STATE_KEYS[integrity.state])}
        {integrity.lastGoodMs !== null && <> · {t('settings.integrityLastGood', { at: plain(safeDate(integrity.lastGoodMs, 'yyyy-MM-dd HH:mm', timeZone)) })}</>}{' '}
        <button type="button" className="ghost" disabled={asking || integrity.state === 'checking'} onClick={() => void checkNow()} data-testid="integrity-check">
          {t('settings.integrityCheck')}
        </button>
      </dd>
    </>
  );
}
