import { translate, type TKey } from '../../i18n';
import { pick, type DraftLang } from './draft';
import type { Bilingual } from './gather';

interface Props {
  unit: Bilingual;
  date: Bilingual;
  text: string;
  draftLang: DraftLang;
}

/**
 * What the printer gets: a textarea prints clipped to its box, so the edited text is laid out
 * again here, A4 portrait, with the unit, title, date and lines to sign.
 */
export function PrintSheet({ unit, date, text, draftLang }: Props) {
  // The sheet follows the draft's language, not the screen's.
  const lang = draftLang === 'en' ? 'en' : 'zh';
  const t = (key: TKey, params?: Record<string, string>) => translate(lang === 'en' ? 'en' : 'zh-CN', key, params);
  return (
    <article className="reports-print" aria-hidden="true">
      <p className="reports-print-unit">{pick(unit, lang)}</p>
      <h1 className="reports-print-title">{t('reports.title')}</h1>
      {draftLang === 'both' && <p className="reports-print-subtitle">{translate('en', 'reports.title')}</p>}
      <p className="reports-print-date">{t('reports.printDate', { date: pick(date, lang) })}</p>
      <div className="reports-print-body">{text}</div>
      <footer className="reports-sign">
        <span>{t('reports.signDrafter')}</span>
        <span>{t('reports.signReviewer')}</span>
        <span>{t('reports.signDate')}</span>
      </footer>
    </article>
  );
}
