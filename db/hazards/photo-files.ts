import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { StorageError } from '../../core/errors';

/**
 * The photo store: `<dataDir>/files/<first two hex>/<sha256>.<ext>` plus `<sha256>.thumb.jpg`.
 * Names are content hashes, so the same photo uploaded twice is stored once, a file can never be
 * overwritten by different content, and a photo stays whatever happens to the original on the
 * user's disk. A file written by a call whose transaction later fails is harmless: it is only
 * ever reached through a database row, and the next upload of the same bytes reuses it.
 */

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type the bytes really are, whatever the file name or the browser said. */
export function sniffImage(bytes: Buffer): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function pathsFor(dataDir: string, hash: string, mime: string) {
  const dir = join(dataDir, 'files', hash.slice(0, 2));
  return { full: join(dir, `${hash}.${EXT[mime]}`), thumb: join(dir, `${hash}.thumb.jpg`) };
}

/** Written to a temp name, flushed, then renamed: a power cut never leaves half a photo under its hash. */
function writeDurably(path: string, bytes: Buffer): void {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOSPC') throw new StorageError('errors.diskFull', 'The disk is full; the photo was not saved');
    throw new StorageError('errors.diskIo', `Could not store the photo (${code ?? String(error)})`);
  }
}

export function storePhoto(dataDir: string, hash: string, mime: string, bytes: Buffer, thumb: Buffer): void {
  const paths = pathsFor(dataDir, hash, mime);
  writeDurably(paths.full, bytes);
  writeDurably(paths.thumb, thumb);
}

export function readPhoto(dataDir: string, hash: string, mime: string, variant: 'thumb' | 'full'): { bytes: Buffer; mime: string } {
  const paths = pathsFor(dataDir, hash, mime);
  const path = variant === 'thumb' ? paths.thumb : paths.full;
  try {
    // Thumbnails are JPEG or whatever canvas produced; sniff rather than trust the name.
    const bytes = readFileSync(path);
    return { bytes, mime: sniffImage(bytes) ?? 'image/jpeg' };
  } catch {
    throw new StorageError('errors.hazards.photoMissing', `The photo file ${path} is missing from the data folder`, { file: path });
  }
}
