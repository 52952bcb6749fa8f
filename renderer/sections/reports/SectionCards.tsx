import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { damageText, figureText, figuresOf, sectionText, type SectionId } from './draft';
import type { ReportFacts } from './gather';

const WITH_RECORDS: SectionId[] = ['rain', 'prep', 'duty', 'response'];

/** Each drafted paragraph beside the figures it came from, so the reader can check them. */
export function SectionCards({ facts, timeZone }: { facts: ReportFacts; timeZone: string }) {
  const t = useT();
  const lang = useUi((s) => (s.lang === 'en' ? 'en' : 'zh'));
  return (
    <div className="reports-sections no-print">
      {WITH_RECORDS.map((id) => {
        const figures = figuresOf(id, facts);
        const damage = id === 'response' ? damageText(facts, lang, timeZone) : null;
        return (
          <section key={id} className="card reports-section" aria-labelledby={`reports-h-${id}`} data-testid={`reports-section-${id}`}>
            <h2 id={`reports-h-${id}`}>{t(`reports.section.${id}`)}</h2>
            <p className="reports-text" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
              {sectionText(id, facts, lang)}
            </p>
            {damage && (
              <p className="reports-text" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="reports-damage">
                {damage}
              </p>
            )}
            {figures ? (
              <table className="reports-figures">
                <caption>{t('reports.figures')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.figure')}</th>
                    <th scope="col">{t('reports.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.map((f) => (
                    <tr key={f.label}>
                      <th scope="row">{t(f.label)}</th>
                      <td className={f.value === null ? 'num muted' : 'num'}>{figureText(f, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="reports-error">{t('reports.unreadable')}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
