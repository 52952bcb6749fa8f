import { translate, type TKey } from '../../i18n';
import { labelled, sheetLines, stageName, type SheetLine, type StatSheet } from './statSheet';

function Lines({ lines }: { lines: SheetLine[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <tr key={i}>
          <th scope="row">{line.label}</th>
          <td>{line.unit}</td>
          <td className="dmg-num">{line.value}</td>
          <td>{line.note}</td>
        </tr>
      ))}
    </>
  );
}

/** What the printer gets, A4 portrait: the same layout as the XLSX, in the screen's language. */
export function StatPrint({ sheet }: { sheet: StatSheet }) {
  const t = (k: TKey) => translate(sheet.lang, k);
  const l = (k: TKey, value: string) => labelled(sheet.lang, t(k), value);
  const { statistics, floodControl } = sheetLines(sheet);
  return (
    <article className="dmg-stat-print" aria-hidden="true" data-testid="dmg-stat-print">
      <h1>{t('damage.stat.title')}</h1>
      <p>
        {l('damage.stat.unit', sheet.unitName)}
        <br />
        {l('damage.stat.event', sheet.eventName)}
        <br />
        {l('damage.stat.asOf', sheet.asOfText)}　{l('damage.stat.stage', stageName(sheet.stage, sheet.lang))}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('damage.stat.colIndicator')}</th>
            <th scope="col">{t('damage.stat.colUnit')}</th>
            <th scope="col">{t('damage.stat.colValue')}</th>
            <th scope="col">{t('damage.stat.colNote')}</th>
          </tr>
        </thead>
        <tbody>
          <Lines lines={statistics} />
          <tr>
            <td colSpan={4} className="dmg-stat-print-apart">
              {t('damage.stat.floodLine')}
            </td>
          </tr>
          <Lines lines={floodControl} />
        </tbody>
      </table>
      <p className="dmg-stat-print-desc">
        {l('damage.stat.descriptionLabel', '')}
        {'\n'}
        {sheet.description}
      </p>
      <footer className="dmg-stat-sign">
        <span>{t('damage.stat.signDrafter')}</span>
        <span>{t('damage.stat.signReviewer')}</span>
        <span>{t('damage.stat.signDate')}</span>
      </footer>
    </article>
  );
}
