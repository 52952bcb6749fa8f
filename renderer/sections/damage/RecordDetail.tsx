import { useState } from 'react';
import type { DamageRecord, DamageVersion } from '../../../core/contract/damage';
import type { PhotoMeta } from '../../../core/contract/hazards-types';
import { useQuery } from '../../api/hooks';
import { StoredRow } from '../../components/ErrorBoundary';
import { plain, safeNumber } from '../../format/safe';
import { useT } from '../../i18n';
import { PhotoViewer, Thumb } from '../hazards/PhotoPicker';
import { FigureList, StatusPill, useDamageFormat, type DamageFormat } from './format';
import { damageHref } from './route';
import { useFormSubmit } from './submit';

function Version({ v, f }: { v: DamageVersion; f: DamageFormat }) {
  const t = useT();
  return (
    <li className="dmg-version" data-testid="dmg-version" data-change={v.change}>
      <div>
        <strong>{t('damage.version', { n: String(v.version) })}</strong> · {f.change(v.change)} · <StatusPill status={v.status} format={f} />{' '}
        <span className="muted">{t('damage.by', { name: String(v.recordedBy), time: plain(f.time(v.recordedAtMs)) })}</span>
      </div>
      <div>
        {f.type(v.type)} · <FigureList shown={f.quantities(v.quantities)} /> · {t('damage.lossShort')} {f.loss(v.lossWan)}
      </div>
      {v.verifiedBy && (
        <div>
          {t('damage.verifiedByIs', { name: String(v.verifiedBy), time: plain(f.time(v.verifiedAtMs)) })}
        </div>
      )}
      {v.reason && (
        <div>
          <em>{t('damage.reasonIs', { reason: String(v.reason) })}</em>
        </div>
      )}
    </li>
  );
}

type Pending = 'verify' | 'remove' | null;

/** Verify and remove, each asked once more before it is written, with the version the user saw. */
function Actions({ r, onDone }: { r: DamageRecord; onDone(): void }) {
  const t = useT();
  const [pending, setPending] = useState<Pending>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const { busy, submit } = useFormSubmit();

  async function confirm() {
    const done =
      pending === 'verify'
        ? await submit('damage.verify', { id: r.id, expectedVersion: r.version, note: note.trim() })
        : await submit('damage.remove', { id: r.id, expectedVersion: r.version, reason: reason.trim() });
    // Done or refused, the record is read again: after a conflict the other desk's change shows, and what was typed stays.
    onDone();
    if (done) setPending(null);
  }

  return (
    <div className="stack">
      <div className="form-actions">
        <a className="button primary" href={damageHref({ view: 'correct', id: r.id })} data-testid="dmg-correct">
          {t('damage.correct')}
        </a>
        <button type="button" onClick={() => setPending('verify')} disabled={r.status === 'verified'} data-testid="dmg-verify">
          {t('damage.verify')}
        </button>
        <button type="button" onClick={() => setPending('remove')} data-testid="dmg-remove">
          {t('damage.remove')}
        </button>
      </div>
      {pending && (
        <div className="dmg-confirm" role="group" aria-label={t(pending === 'verify' ? 'damage.verify' : 'damage.remove')} data-testid="dmg-confirm">
          {pending === 'verify' ? (
            <>
              <p>{t('damage.verifyConfirm')}</p>
              <label>
                {t('damage.verifyNote')}
                <input name="note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
              </label>
            </>
          ) : (
            <label>
              {t('damage.removeReason')}
              <input name="removeReason" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
            </label>
          )}
          <div className="form-actions">
            <button type="button" className={pending === 'remove' ? 'danger' : 'primary'} disabled={busy || (pending === 'remove' && !reason.trim())} onClick={confirm} data-testid="dmg-confirm-action">
              {t(pending === 'verify' ? 'damage.confirmVerify' : 'damage.confirmRemove')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('damage.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function Photos({ photos }: { photos: PhotoMeta[] }) {
  const t = useT();
  const [viewing, setViewing] = useState<PhotoMeta | null>(null);
  if (!photos.length) return <p className="muted">{t('damage.noPhotos')}</p>;
  return (
    <div className="hz-thumbs" data-testid="dmg-photos">
      {photos.map((p) => (
        <Thumb key={p.id} photo={p} onOpen={() => setViewing(p)} />
      ))}
      {viewing && <PhotoViewer photo={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}

/** One record as it stands, every version it went through, its photos, and what may be done with it. */
export function RecordDetail({ id }: { id: string }) {
  const t = useT();
  const f = useDamageFormat();
  const detail = useQuery('damage.get', { id });
  const data = detail.data?.record.id === id ? detail.data : undefined;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const { record: r, history, photos } = data;
  const place = [r.place.name, r.place.lat !== null ? `${plain(safeNumber(r.place.lat, 5))}, ${plain(safeNumber(r.place.lng, 5))}` : ''].filter(Boolean).join(' · ');
  return (
    <div className="dmg-detail" data-testid="dmg-detail" data-status={r.status} data-version={r.version}>
      <section className="card stack">
        <div className="row-between">
          <h2>
            {t('damage.detailTitle')} · {f.type(r.type)}
          </h2>
          <StatusPill status={r.status} format={f} />
        </div>
        {r.deletedAt && (
          <p className="hz-warnings" role="note" data-testid="dmg-removed">
            {t('damage.removed', { time: plain(f.time(r.deletedAt)), name: r.deletedBy ?? '—', reason: r.deleteReason ?? '' })}
          </p>
        )}
        <StoredRow method="damage.get" rowId={r.id} name={r.place.name} as="div">
          {() => (
            <dl className="facts">
              <dt>{t('damage.occurredAt')}</dt>
              <dd>{f.time(r.occurredAtMs)}</dd>
              <dt>{t('damage.figures')}</dt>
              <dd data-testid="dmg-figures-shown">
                <FigureList shown={f.quantities(r.quantities)} />
              </dd>
              <dt>{t('damage.loss')}</dt>
              <dd>{f.loss(r.lossWan)}</dd>
              <dt>{t('damage.place')}</dt>
              <dd>{place || '—'}</dd>
              <dt>{t('damage.description')}</dt>
              <dd>{r.description || '—'}</dd>
              <dt>{t('damage.source')}</dt>
              <dd>{f.source(r.source.kind)}</dd>
              <dt>{t('damage.recordedBy')}</dt>
              <dd>{history[0]?.recordedBy ?? '—'}</dd>
              <dt>{t('damage.verifiedBy')}</dt>
              <dd>{r.verifiedBy ? `${r.verifiedBy} ${plain(f.time(r.verifiedAtMs))}` : '—'}</dd>
            </dl>
          )}
        </StoredRow>
        <Photos photos={photos} />
        {!r.deletedAt && <Actions r={r} onDone={detail.reload} />}
      </section>
      <section className="card">
        <h3>{t('damage.history')}</h3>
        <ol className="dmg-versions" data-testid="dmg-history">
          {history.map((v) => (
            <StoredRow key={v.id} method="damage.get" rowId={v.id} as="li">
              {() => <Version v={v} f={f} />}
            </StoredRow>
          ))}
        </ol>
      </section>
    </div>
  );
}
