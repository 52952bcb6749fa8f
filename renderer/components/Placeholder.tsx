import type { TKey } from '../i18n';
import { useT } from '../i18n';

/** A section not built yet still says what it will hold, in the user's language. */
export function Placeholder({ title }: { title: TKey }) {
  const t = useT();
  return (
    <section className="panel">
      <h1>{t(title)}</h1>
      <p className="muted">{t('common.comingSoon')}</p>
    </section>
  );
}
