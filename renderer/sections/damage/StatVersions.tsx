import type { StatReportHeader } from '../../../core/contract/damage';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { stageName } from './statSheet';

/** The versions kept for the event, oldest first: each opens read-only with its edits. */
export function StatVersions({ versions, viewing, onOpen, time }: { versions: StatReportHeader[]; viewing: string | null; onOpen(id: string): void; time(ms: number): string }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  return (
    <section className="card no-print" aria-labelledby="dmg-stat-versions" data-testid="dmg-stat-versions">
      <h3 id="dmg-stat-versions">{t('damage.stat.versions')}</h3>
      {versions.length === 0 ? (
        <p className="muted">{t('damage.stat.noVersions')}</p>
      ) : (
        <ol className="dmg-stat-version-list">
          {versions.map((v) => (
            <li key={v.id} data-testid="dmg-stat-version" data-stage={v.stage}>
              <button type="button" className="ghost" aria-current={viewing === v.id ? 'true' : undefined} onClick={() => onOpen(v.id)}>
                {t('damage.stat.version', { seq: v.seq, stage: stageName(v.stage, lang), asOf: time(v.asOfMs) })}
              </button>
              <div className="muted">{t('damage.stat.versionBy', { by: v.createdBy, at: time(Date.parse(v.createdAt)), edits: v.edits })}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
