import { useQuery } from '../../api/hooks';
import { plain } from '../../format/safe';
import { useT } from '../../i18n';
import { useFormatTime, useLabel } from './labels';
import { hazardHref } from './route';
import { Thumb } from './PhotoPicker';
import { useRectText } from './rectText';

/** 限期整改通知书: one A4 page, printed and handed to the responsible unit, who signs for it. */
export function Notice({ id }: { id: string }) {
  const t = useT();
  const rectText = useRectText();
  const time = useFormatTime();
  const label = useLabel();
  const detail = useQuery('hazards.getRectification', { id });
  const d = detail.data;
  if (!d) return <p className="muted">{t('common.loading')}</p>;
  const { order: o, point: p } = d;
  // A deadline not stored as YYYY-MM-DD prints as blanks to fill in by hand, as on a paper form.
  const [y, m, day] = /^\d{4}-\d{2}-\d{2}$/.test(String(o.deadline)) ? o.deadline.split('-').map(Number) : ['____', '__', '__'];
  const address = [p.community, p.address].filter(Boolean).join('');
  const foundAtMs = d.inspection?.atMs ?? o.createdAtMs;
  return (
    <div className="stack">
      <div className="form-actions no-print">
        <button type="button" className="primary" onClick={() => window.print()} data-testid="hz-print">
          {t('common.print')}
        </button>
        <a className="button" href={hazardHref({ view: 'rect', id })}>
          {t('hazards.backToOrder')}
        </a>
      </div>
      <article className="hz-notice" data-testid="hz-notice">
        <header>
          <p className="hz-notice-unit">{d.unitName}</p>
          <h2>{t('hazards.notice.title')}</h2>
          <p className="hz-notice-no">{t('hazards.notice.no', { year: o.noticeNo.slice(0, 4), n: o.noticeNo.slice(5) })}</p>
        </header>
        <p>{t('hazards.notice.to', { unit: o.responsibleUnit || p.responsibleUnit || '______', person: o.responsiblePerson || '______' })}</p>
        <p className="hz-notice-body">{t('hazards.notice.found', { date: plain(time(foundAtMs, 'yyyy-MM-dd')), point: p.name, where: address ? label({ zh: `（${address}）`, en: ` (${address})` }) : '' })}</p>
        <p className="hz-notice-issue">{rectText(o)}</p>
        <p className="hz-notice-body">{t('hazards.notice.demand', { y, m, d: day, unit: d.unitName })}</p>
        {d.hazardPhotos.length > 0 && (
          <div className="hz-thumbs">
            {d.hazardPhotos.map((ph) => (
              <Thumb key={ph.id} photo={ph} />
            ))}
          </div>
        )}
        <div className="hz-notice-sign">
          <div>
            <p>{t('hazards.notice.inspector', { name: d.inspection?.inspectors.join(t('common.listSep')) ?? o.createdBy })}</p>
            <p>{t('hazards.notice.receiver')}</p>
            <p>{t('hazards.notice.receivedAt')}</p>
          </div>
          <div className="hz-notice-seal">
            <p>{t('hazards.notice.seal', { unit: d.unitName })}</p>
            <p>{time(o.createdAtMs, 'yyyy-MM-dd')}</p>
          </div>
        </div>
        <footer className="hz-notice-foot">{t('hazards.notice.copies')}</footer>
      </article>
    </div>
  );
}
