import { useState, type FormEvent } from 'react';
import type { PhotoMeta, RectificationRecord } from '../../../core/contract/hazards-types';
import { ITEM_RESULT_LABELS, evaluateInspection, OVERALL_RESULT_LABELS, type ItemAnswer, type ItemResult } from '../../../core/domain/hazards/inspection';
import { SAFETY_GRADES, SAFETY_GRADE_LABELS, type SafetyGrade } from '../../../core/domain/hazards/points';
import { formatLocal, zonedToUtc } from '../../../core/time';
import { act, useQuery } from '../../api/hooks';
import { EventPicker } from '../../components/EventPicker';
import { useT } from '../../i18n';
import { useOperatorName, useStatus } from '../../store/status';
import { useLabel } from './labels';
import { hazardHref } from './route';
import { PhotoPicker } from './PhotoPicker';
import { LocateButton } from './LocateButton';
import { useRectText } from './rectText';

interface AnswerDraft {
  result?: ItemResult;
  grade?: SafetyGrade;
  count?: string;
  note: string;
  photos: PhotoMeta[];
}

/** The checklist of the point's type, item by item; a failed item opens a rectification order on save. */
export function InspectForm({ pointId }: { pointId: string }) {
  const t = useT();
  const rectText = useRectText();
  const label = useLabel();
  const status = useStatus((s) => s.status);
  const zone = status?.timeZone ?? 'Asia/Shanghai';
  const detail = useQuery('hazards.getPoint', { id: pointId });
  const templates = useQuery('hazards.templates', {});
  const template = templates.data?.find((tp) => tp.hazardType === detail.data?.point.hazardType);
  const [answers, setAnswers] = useState<Record<string, AnswerDraft>>({});
  const operator = useOperatorName();
  const [inspectors, setInspectors] = useState(operator);
  const [when, setWhen] = useState(() => formatLocal(Date.now(), "yyyy-MM-dd'T'HH:mm", zone));
  const [eventId, setEventId] = useState('');
  const [notes, setNotes] = useState('');
  const [general, setGeneral] = useState<PhotoMeta[]>([]);
  const [openOrders, setOpenOrders] = useState(true);
  const [location, setLocation] = useState<{ lat: number; lng: number } | null>(null);
  const [saved, setSaved] = useState<RectificationRecord[] | null>(null);
  const [busy, setBusy] = useState(false);

  const toAnswers = (): (ItemAnswer & { photoIds?: string[] })[] =>
    Object.entries(answers).flatMap(([itemKey, a]) => {
      const count = a.count !== undefined && a.count !== '' ? Number(a.count) : undefined;
      if (!a.result && !a.grade && count === undefined && !a.note && !a.photos.length) return [];
      return [{ itemKey, ...(a.result ? { result: a.result } : {}), ...(a.grade ? { grade: a.grade } : {}), ...(count !== undefined ? { count } : {}), ...(a.note ? { note: a.note } : {}), ...(a.photos.length ? { photoIds: a.photos.map((p) => p.id) } : {}) }];
    });
  const evaluation = template ? evaluateInspection({ ...template, id: template.templateId }, toAnswers()) : null;

  const update = (key: string, patch: Partial<AnswerDraft>) => setAnswers((all) => ({ ...all, [key]: { ...(all[key] ?? { note: '', photos: [] }), ...patch } }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await act('hazards.recordInspection', {
      pointId,
      inspectors: inspectors.split(/[,，、\s]+/).filter(Boolean),
      atMs: zonedToUtc(when.slice(0, 10), when.slice(11, 16), zone),
      answers: toAnswers(),
      eventId: eventId || null,
      location,
      notes,
      photoIds: general.map((p) => p.id),
      openRectifications: openOrders,
    });
    setBusy(false);
    if (result) setSaved(result.rectifications);
  }

  if (!detail.data || !template) return <p className="muted">{t('common.loading')}</p>;
  if (saved) {
    return (
      <div className="card stack" role="status" data-testid="hz-inspection-saved">
        <h2>{t('hazards.inspectionSaved')}</h2>
        {saved.length > 0 && (
          <>
            <p>{t('hazards.ordersOpened', { n: saved.length })}</p>
            <ul className="hz-plain">
              {saved.map((r) => (
                <li key={r.id}>
                  <a href={hazardHref({ view: 'rect', id: r.id })} data-testid="hz-opened-order">
                    {rectText(r)}
                  </a>{' '}
                  · {t('hazards.deadline')} {r.deadline}
                </li>
              ))}
            </ul>
          </>
        )}
        <a className="button primary" href={hazardHref({ view: 'point', id: pointId })}>
          {t('hazards.backToPoint')}
        </a>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && history.back()} data-testid="hz-inspect-form">
      <div className="card form-grid">
        <h2>
          {t('hazards.inspectTitle', { name: detail.data.point.name })} <small className="muted">{label({ zh: template.nameZh, en: template.nameEn })} v{template.version}</small>
        </h2>
        <label>
          {t('hazards.inspectors')}
          <input name="inspectors" required value={inspectors} onChange={(e) => setInspectors(e.target.value)} placeholder={t('hazards.inspectorsHint')} />
        </label>
        <label>
          {t('hazards.time')}
          <input name="when" type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        <LocateButton onFix={(fix) => setLocation({ lat: fix.lat, lng: fix.lng })} />
        <EventPicker label={t('hazards.event')} value={eventId || null} onChange={(id) => setEventId(id ?? '')} emptyLabel={t('hazards.noEvent')} />
      </div>
      <fieldset className="card hz-checklist">
        <legend>{t('hazards.checklist')}</legend>
        {template.items.map((item) => {
          const a = answers[item.key] ?? { note: '', photos: [] };
          const failed = evaluation?.failedItems.some((f) => f.key === item.key);
          return (
            <div key={item.key} className={`hz-item${failed ? ' hz-item-fail' : ''}`} data-item={item.key}>
              <div className="hz-item-label">
                {label({ zh: item.labelZh, en: item.labelEn })}
                {item.required && <span aria-hidden="true"> *</span>}
              </div>
              {item.kind === 'check' && (
                <div className="hz-choices" role="radiogroup" aria-label={label({ zh: item.labelZh, en: item.labelEn })}>
                  {(['pass', 'fail', 'na'] as const).map((r) => (
                    <label key={r} className={`hz-choice hz-choice-${r}`}>
                      <input type="radio" name={`r-${item.key}`} value={r} checked={a.result === r} onChange={() => update(item.key, { result: r })} />
                      {label(ITEM_RESULT_LABELS[r])}
                    </label>
                  ))}
                </div>
              )}
              {item.kind === 'grade' && (
                <select aria-label={label({ zh: item.labelZh, en: item.labelEn })} value={a.grade ?? ''} onChange={(e) => update(item.key, { grade: (e.target.value || undefined) as SafetyGrade | undefined })}>
                  <option value="">—</option>
                  {SAFETY_GRADES.map((g) => (
                    <option key={g} value={g}>
                      {label(SAFETY_GRADE_LABELS[g])}
                    </option>
                  ))}
                </select>
              )}
              {item.kind === 'count' && (
                <input type="number" min={0} aria-label={label({ zh: item.labelZh, en: item.labelEn })} value={a.count ?? ''} onChange={(e) => update(item.key, { count: e.target.value })} />
              )}
              <input className="hz-note" aria-label={t('hazards.itemNote')} placeholder={t('hazards.itemNote')} value={a.note} maxLength={500} onChange={(e) => update(item.key, { note: e.target.value })} />
              <PhotoPicker label={t('hazards.itemPhoto')} photos={a.photos} onChange={(photos) => update(item.key, { photos })} testId={`hz-photo-${item.key}`} />
            </div>
          );
        })}
      </fieldset>
      <div className="card form-grid">
        <label className="hz-wide">
          {t('hazards.notes')}
          <textarea rows={2} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <div className="hz-wide">
          <PhotoPicker label={t('hazards.addPhotos')} photos={general} onChange={setGeneral} />
        </div>
        <label className="hz-check">
          <input type="checkbox" checked={openOrders} onChange={(e) => setOpenOrders(e.target.checked)} />
          {t('hazards.openOrdersForFails')}
        </label>
      </div>
      {/* Outside the cards: the footer stays on screen while any part of the form is. */}
      <div className="form-actions">
        <output data-testid="hz-overall" className={evaluation ? `hz-result-${evaluation.overall}` : undefined}>
          {t('hazards.result')}: {evaluation ? label(OVERALL_RESULT_LABELS[evaluation.overall]) : '—'}
        </output>
        <button type="submit" className="primary" disabled={busy} data-testid="hz-save-inspection">
          {t('hazards.saveInspection')}
        </button>
      </div>
    </form>
  );
}
