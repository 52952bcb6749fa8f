import { useEffect, useState } from 'react';
import type { PhotoMeta } from '../../../core/contract/hazards-types';
import { act, useQuery } from '../../api/hooks';
import { withDialogBoundary } from '../../components/ErrorBoundary';
import { plain, safeNumber } from '../../format/safe';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { uploadPhoto } from './photos';
import { useFormatTime } from './labels';

/** A stored photo's thumbnail, fetched as a data URL through the contract. */
export function Thumb({ photo, onOpen }: { photo: PhotoMeta; onOpen?: () => void }) {
  const t = useT();
  const time = useFormatTime();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    act('hazards.photo', { id: photo.id, variant: 'thumb' }).then((r) => live && r && setSrc(r.dataUrl));
    return () => {
      live = false;
    };
  }, [photo.id]);
  const caption = [photo.takenAtMs ? plain(time(photo.takenAtMs)) : '', photo.lat !== null ? `${plain(safeNumber(photo.lat, 5))}, ${plain(safeNumber(photo.lng, 5))}` : ''].filter(Boolean).join(' · ');
  return (
    <figure className="hz-thumb" data-testid="hz-thumb">
      <button type="button" className="ghost" onClick={onOpen} aria-label={t('hazards.photoOpen', { name: photo.originalName || photo.id })}>
        {src ? <img src={src} alt={photo.originalName} /> : <span className="muted">…</span>}
      </button>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}

/** Full-size view; Escape closes it. */
function PhotoViewerDialog({ photo, onClose }: { photo: PhotoMeta; onClose: () => void }) {
  const t = useT();
  const full = useQuery('hazards.photo', { id: photo.id, variant: 'full' });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="hz-viewer" role="dialog" aria-modal="true" aria-label={photo.originalName}>
      <button type="button" className="primary" onClick={onClose} autoFocus>
        {t('common.close')}
      </button>
      {full.data && <img src={full.data.dataUrl} alt={photo.originalName} />}
    </div>
  );
}

export const PhotoViewer = withDialogBoundary('photo-viewer', PhotoViewerDialog, (props) => props.onClose);

/** Picks and uploads photos; the parent gets the stored photos' metadata to attach when it saves. */
export function PhotoPicker({ label, photos, onChange, testId }: { label: string; photos: PhotoMeta[]; onChange: (photos: PhotoMeta[]) => void; testId?: string }) {
  const t = useT();
  const settings = useQuery('settings.get', {});
  const zone = useStatus((s) => s.status?.timeZone ?? 'Asia/Shanghai');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const [viewing, setViewing] = useState<PhotoMeta | null>(null);

  async function pick(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    const added: PhotoMeta[] = [];
    const problems: string[] = [];
    const maxMb = settings.data?.hazards.photoMaxMb ?? 10;
    for (const file of Array.from(files)) {
      const outcome = await uploadPhoto(file, maxMb, zone);
      if (outcome.ok) added.push(outcome.photo);
      else if (outcome.reason !== 'server') problems.push(t(outcome.reason === 'size' ? 'hazards.photoTooBig' : 'hazards.photoNotImage', { name: outcome.name, mb: maxMb }));
    }
    setRefused(problems);
    setBusy(false);
    onChange([...photos, ...added]);
  }

  return (
    <div className="hz-photos">
      <label className="button">
        {label}
        <input type="file" accept="image/jpeg,image/png,image/webp" multiple className="hz-file" disabled={busy} onChange={(e) => (pick(e.target.files), (e.target.value = ''))} data-testid={testId} />
      </label>
      {busy && <span role="status">{t('hazards.uploading')}</span>}
      {refused.map((r) => (
        <p key={r} className="hz-error" role="alert">
          {r}
        </p>
      ))}
      <div className="hz-thumbs">
        {photos.map((p) => (
          <Thumb key={p.id} photo={p} onOpen={() => setViewing(p)} />
        ))}
      </div>
      {viewing && <PhotoViewer photo={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}
