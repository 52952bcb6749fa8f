import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../core/errors';
import type { Handler } from '../platform/context';
import { readPhoto, sha256, sniffImage, storePhoto } from './photo-files';
import { photosRepo } from './photos.repo';
import { pointsRepo } from './points.repo';
import { attachPhotos } from './inspect.handlers';
import { mustGet } from './common';

const MIB = 1024 * 1024;
const THUMB_MAX_BYTES = 300_000;

function decode(base64: string, field: string): Buffer {
  // Buffer.from ignores junk silently; a strict check keeps a truncated upload from being stored.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw new ValidationError('errors.hazards.photoCorrupt', 'The photo data is damaged (not base64)', { field });
  }
  return Buffer.from(base64, 'base64');
}

const uploadPhoto: Handler<'hazards.uploadPhoto'> = (ctx, input) => {
  const limitBytes = Math.round(ctx.settings().hazards.photoMaxMb * MIB);
  // Checked on the text first, so a huge upload is refused before it is decoded.
  if (Math.floor((input.dataBase64.length * 3) / 4) > limitBytes + 2) {
    throw new ValidationError('errors.hazards.photoTooLarge', 'The photo is larger than allowed', { maxMb: ctx.settings().hazards.photoMaxMb });
  }
  const bytes = decode(input.dataBase64, 'dataBase64');
  const thumb = decode(input.thumbBase64, 'thumbBase64');
  const kind = sniffImage(bytes);
  if (!kind) throw new ValidationError('errors.hazards.notImage', 'The file is not a JPEG, PNG or WebP photo', { name: input.originalName });
  if (!sniffImage(thumb) || thumb.length > THUMB_MAX_BYTES) throw new ValidationError('errors.hazards.photoCorrupt', 'The thumbnail is not a small image', { field: 'thumbBase64' });
  const hash = sha256(bytes);
  const repo = photosRepo(ctx.db);
  const deduplicated = repo.fileExists(hash);
  storePhoto(ctx.dataDir, hash, kind, bytes, thumb);
  repo.insertFile(hash, kind, bytes.length, thumb.length, ctx.nowIso);
  const id = randomUUID();
  repo.insert({ id, sha256: hash, originalName: input.originalName, width: input.width, height: input.height, takenAtMs: input.takenAtMs, lat: input.lat, lng: input.lng, createdAt: ctx.nowIso });
  const photo = mustGet(repo.get(id), 'hazard_photo', id);
  ctx.audit({ entity: 'hazard_photo', entityId: id, before: null, after: photo });
  return { photo, deduplicated };
};

export const photoHandlers = {
  'hazards.uploadPhoto': uploadPhoto,
  'hazards.photo': (ctx, { id, variant }) => {
    const photo = mustGet(photosRepo(ctx.db).get(id), 'hazard_photo', id);
    const file = readPhoto(ctx.dataDir, photo.sha256, photo.mime, variant);
    return { id, dataUrl: `data:${file.mime};base64,${file.bytes.toString('base64')}` };
  },
  'hazards.attachPhotos': (ctx, { pointId, photoIds }) => {
    mustGet(pointsRepo(ctx.db).get(pointId), 'hazard_point', pointId);
    attachPhotos(ctx, photoIds, 'point', pointId, null, null);
    const photos = photosRepo(ctx.db).byOwner('point', pointId).filter((p) => photoIds.includes(p.id));
    ctx.audit({ entity: 'hazard_point', entityId: pointId, before: null, after: { photosAttached: photoIds } });
    return photos;
  },
} satisfies { [M in 'hazards.uploadPhoto' | 'hazards.photo' | 'hazards.attachPhotos']: Handler<M> };
