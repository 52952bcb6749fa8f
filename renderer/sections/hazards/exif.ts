/**
 * A small EXIF reader for JPEG photos: the time taken and the GPS position, nothing else.
 * No EXIF library is installed (exifr is not in node_modules), and only these two facts are
 * needed, so the TIFF structure is walked here, in the browser, before upload.
 */

export interface ExifFacts {
  /** Wall-clock "YYYY-MM-DD HH:mm:ss" as the camera wrote it (EXIF carries no zone). */
  dateTime?: string;
  lat?: number;
  lng?: number;
}

const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;
const TAG_DATETIME_ORIGINAL = 0x9003;
const TAG_DATETIME = 0x0132;

export function readExif(buffer: ArrayBuffer): ExifFacts {
  const view = new DataView(buffer);
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return {};
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    const marker = view.getUint16(offset);
    const size = view.getUint16(offset + 2);
    if (marker === 0xffe1 && offset + 10 <= view.byteLength && view.getUint32(offset + 4) === 0x45786966) {
      try {
        return readTiff(view, offset + 10, Math.min(view.byteLength, offset + 2 + size));
      } catch {
        return {};
      }
    }
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) break;
    offset += 2 + size;
  }
  return {};
}

function readTiff(view: DataView, start: number, end: number): ExifFacts {
  const little = view.getUint16(start) === 0x4949;
  const u16 = (at: number) => view.getUint16(start + at, little);
  const u32 = (at: number) => view.getUint32(start + at, little);
  const inRange = (at: number, len: number) => start + at + len <= end;
  const entries = (ifd: number) => {
    const out = new Map<number, { type: number; count: number; valueAt: number }>();
    if (!inRange(ifd, 2)) return out;
    const n = u16(ifd);
    for (let i = 0; i < n && inRange(ifd + 2 + i * 12, 12); i++) {
      const at = ifd + 2 + i * 12;
      const type = u16(at + 2);
      const count = u32(at + 4);
      const bytes = count * ({ 1: 1, 2: 1, 3: 2, 4: 4, 5: 8 }[type] ?? 1);
      out.set(u16(at), { type, count, valueAt: bytes > 4 ? u32(at + 8) : at + 8 });
    }
    return out;
  };
  const ascii = (e: { count: number; valueAt: number } | undefined) =>
    e && inRange(e.valueAt, e.count) ? String.fromCharCode(...new Uint8Array(view.buffer, start + e.valueAt, e.count)).replace(/\0+$/, '') : undefined;
  const rationals = (e: { count: number; valueAt: number } | undefined) =>
    e && inRange(e.valueAt, e.count * 8) ? Array.from({ length: e.count }, (_, i) => u32(e.valueAt + i * 8) / (u32(e.valueAt + i * 8 + 4) || 1)) : undefined;

  const ifd0 = entries(u32(4));
  const facts: ExifFacts = {};
  const exifIfd = ifd0.get(TAG_EXIF_IFD);
  const exif = exifIfd ? entries(u32(exifIfd.valueAt)) : new Map();
  const raw = ascii(exif.get(TAG_DATETIME_ORIGINAL)) ?? ascii(ifd0.get(TAG_DATETIME));
  const m = raw && /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(raw);
  if (m) facts.dateTime = `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
  const gpsIfd = ifd0.get(TAG_GPS_IFD);
  if (gpsIfd) {
    const gps = entries(u32(gpsIfd.valueAt));
    const lat = rationals(gps.get(2));
    const lng = rationals(gps.get(4));
    if (lat?.length === 3 && lng?.length === 3) {
      const sign = (ref: string | undefined, neg: string) => (ref === neg ? -1 : 1);
      facts.lat = sign(ascii(gps.get(1)), 'S') * (lat[0] + lat[1] / 60 + lat[2] / 3600);
      facts.lng = sign(ascii(gps.get(3)), 'W') * (lng[0] + lng[1] / 60 + lng[2] / 3600);
    }
  }
  return facts;
}
