import type { PhotoMeta } from '../../../core/contract/hazards-types';
import { zonedToUtc } from '../../../core/time';
import { act } from '../../api/hooks';
import { readExif } from './exif';

const THUMB_EDGE = 320;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'] as const;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let text = '';
  // In slices: String.fromCharCode with a whole photo's bytes overflows the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * The thumbnail is drawn here with a canvas, so the backend needs no image library; it also
 * proves the browser can decode the file (a renamed PDF fails here, and again on the server).
 */
async function thumbnail(file: Blob): Promise<{ base64: string; width: number; height: number }> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, THUMB_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('thumbnail'))), 'image/jpeg', 0.8));
  const result = { base64: toBase64(await blob.arrayBuffer()), width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return result;
}

export type UploadOutcome = { ok: true; photo: PhotoMeta } | { ok: false; reason: 'type' | 'size' | 'decode' | 'server'; name: string };

/** Reads, checks, thumbnails and uploads one file; EXIF time is read as the office's local wall clock. */
export async function uploadPhoto(file: File, maxMb: number, timeZone: string): Promise<UploadOutcome> {
  if (!(ACCEPTED as readonly string[]).includes(file.type)) return { ok: false, reason: 'type', name: file.name };
  if (file.size > maxMb * 1024 * 1024) return { ok: false, reason: 'size', name: file.name };
  const buffer = await file.arrayBuffer();
  let thumb;
  try {
    thumb = await thumbnail(file);
  } catch {
    return { ok: false, reason: 'decode', name: file.name };
  }
  const exif = file.type === 'image/jpeg' ? readExif(buffer) : {};
  const takenAtMs = exif.dateTime ? zonedToUtc(exif.dateTime.slice(0, 10), exif.dateTime.slice(11, 16), timeZone) : null;
  const result = await act('hazards.uploadPhoto', {
    dataBase64: toBase64(buffer),
    thumbBase64: thumb.base64,
    mime: file.type as (typeof ACCEPTED)[number],
    originalName: file.name.slice(0, 200),
    width: thumb.width,
    height: thumb.height,
    takenAtMs: Number.isFinite(takenAtMs) ? takenAtMs : null,
    lat: exif.lat ?? null,
    lng: exif.lng ?? null,
  });
  return result ? { ok: true, photo: result.photo } : { ok: false, reason: 'server', name: file.name };
}
