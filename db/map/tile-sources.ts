import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveTiles } from '../platform/live-database';
import { tilesDir, TileStore } from './mbtiles';
import { ONLINE_CACHE_FILE, OnlineTiles } from './online-tiles';

/**
 * The live database's tiles: open MBTiles readers and the online tile cache, shared by the HTTP
 * route, the tiles:// protocol and the handlers (which close a removed tile set's reader).
 */
export class TileSources implements LiveTiles {
  readonly store: TileStore;
  private onlineCache: OnlineTiles | undefined;

  constructor(private readonly dataDir: string) {
    this.store = new TileStore(dataDir);
  }

  forget(tilesetId: string): void {
    this.store.forget(tilesetId);
  }

  /** Opened on the first online tile; its byte budget is the setting at that moment. */
  online(budgetBytes: number): OnlineTiles {
    if (!this.onlineCache) {
      mkdirSync(tilesDir(this.dataDir), { recursive: true });
      this.onlineCache = new OnlineTiles(join(tilesDir(this.dataDir), ONLINE_CACHE_FILE), budgetBytes);
    }
    return this.onlineCache;
  }

  close(): void {
    this.store.closeAll();
    this.onlineCache?.close();
    this.onlineCache = undefined;
  }
}
