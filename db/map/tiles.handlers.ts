import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Conflict, NotFound, ValidationError } from '../../core/errors';
import { UPLOAD_CHUNK_BYTES, type Tileset } from '../../core/contract/map';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { inspectMbtiles, tilesDir, tilesetFile } from './mbtiles';
import { tilesetsRepo, uploadsRepo } from './map.repo';

type TileMethods = 'map.uploadBegin' | 'map.uploadChunk' | 'map.uploadCommit' | 'map.uploadCancel' | 'map.updateTileset' | 'map.removeTileset';

const STALE_UPLOAD_MS = 24 * 3_600_000;

function requireUpload(ctx: HandlerContext, uploadId: string) {
  const upload = uploadsRepo(ctx.db).get(uploadId);
  if (!upload) throw new NotFound('map_upload', uploadId);
  return upload;
}

function requireTileset(ctx: HandlerContext, id: string): Tileset {
  const tileset = tilesetsRepo(ctx.db).get(id);
  if (!tileset) throw new NotFound('map_tileset', id);
  return tileset;
}

/** Writes the staged chunks to `file`, one at a time. */
function assemble(ctx: HandlerContext, uploadId: string, file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const chunk of uploadsRepo(ctx.db).chunks(uploadId)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

export const mapTileHandlers = {
  'map.uploadBegin': (ctx, { fileName, sizeBytes }) => {
    const repo = uploadsRepo(ctx.db);
    repo.dropStale(new Date(ctx.nowMs - STALE_UPLOAD_MS).toISOString());
    const uploadId = randomUUID();
    repo.begin(uploadId, fileName, sizeBytes, ctx.nowIso);
    // Staging rows are scaffolding, not records: they are audited when the file is kept.
    return { uploadId, receivedBytes: 0, sizeBytes };
  },
  'map.uploadChunk': (ctx, { uploadId, index, data }) => {
    const upload = requireUpload(ctx, uploadId);
    // In order only, so a retried or duplicated chunk cannot corrupt the file silently.
    if (index !== upload.next_index) throw new Conflict('errors.map.chunkOrder', `Expected chunk ${upload.next_index}, got ${index}`, { expected: upload.next_index, got: index });
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length > UPLOAD_CHUNK_BYTES || upload.received_bytes + bytes.length > upload.size_bytes) {
      throw new ValidationError('errors.map.uploadTooLarge', 'The upload is larger than announced');
    }
    uploadsRepo(ctx.db).append(uploadId, index, bytes, ctx.nowIso);
    return { uploadId, receivedBytes: upload.received_bytes + bytes.length, sizeBytes: upload.size_bytes };
  },
  'map.uploadCommit': (ctx, { uploadId, kind, coordSystem, name }) => {
    const upload = requireUpload(ctx, uploadId);
    if (upload.received_bytes !== upload.size_bytes) {
      throw new ValidationError('errors.map.uploadIncomplete', `Received ${upload.received_bytes} of ${upload.size_bytes} bytes`, { received: upload.received_bytes, size: upload.size_bytes });
    }
    const id = randomUUID();
    mkdirSync(tilesDir(ctx.dataDir), { recursive: true });
    const partFile = `${tilesetFile(ctx.dataDir, id)}.part`;
    let kept = false;
    try {
      assemble(ctx, uploadId, partFile);
      const summary = inspectMbtiles(partFile);
      const repo = tilesetsRepo(ctx.db);
      const tileset: Tileset = {
        id,
        name: name || summary.metadata.name || upload.file_name.replace(/\.mbtiles$/i, ''),
        kind,
        format: summary.format,
        coordSystem,
        minzoom: summary.minzoom,
        maxzoom: summary.maxzoom,
        bounds: summary.metadata.bounds ?? null,
        attribution: summary.metadata.attribution ?? '',
        tileCount: summary.tileCount,
        sizeBytes: upload.size_bytes,
        visible: true,
        opacity: 1,
        position: repo.nextPosition(),
        notes: summary.issues.map((i) => ({ message: i.message, messageZh: i.messageZh })),
        createdAt: ctx.nowIso,
        updatedAt: ctx.nowIso,
      };
      repo.insert(tileset, upload.file_name);
      uploadsRepo(ctx.db).remove(uploadId);
      ctx.audit({ entity: 'map_tileset', entityId: id, before: null, after: { ...tileset, fileName: upload.file_name } });
      // Last, so that any failure above leaves no file under its final name.
      renameSync(partFile, tilesetFile(ctx.dataDir, id));
      kept = true;
      return tileset;
    } finally {
      if (!kept) rmSync(partFile, { force: true });
    }
  },
  'map.uploadCancel': (ctx, { uploadId }) => ({ removed: uploadsRepo(ctx.db).remove(uploadId) }),
  'map.updateTileset': (ctx, { id, patch }) => {
    const before = requireTileset(ctx, id);
    const after: Tileset = { ...before, ...patch, updatedAt: ctx.nowIso };
    tilesetsRepo(ctx.db).update(after);
    ctx.audit({ entity: 'map_tileset', entityId: id, before, after });
    return after;
  },
  'map.removeTileset': (ctx, { id }) => {
    const before = requireTileset(ctx, id);
    tilesetsRepo(ctx.db).remove(id, ctx.nowIso);
    ctx.audit({ entity: 'map_tileset', entityId: id, before, after: null });
    // The file stays (the removal is soft and audited); only the open reader is let go.
    ctx.ports.tiles.forget(id);
    return { removed: true };
  },
} satisfies Pick<HandlerMap<'map'>, TileMethods>;
