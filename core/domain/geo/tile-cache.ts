/**
 * Eviction policy for the bounded cache of tiles fetched from a user-configured online
 * tile URL: least recently used first, until the cache fits its byte budget. Pure: the
 * caller owns the storage and deletes the keys this returns.
 */

export interface CacheEntry {
  key: string;
  bytes: number;
  lastUsedMs: number;
}

export interface EvictionPlan {
  /** Keys to delete, least recently used first. */
  evict: string[];
  bytesBefore: number;
  bytesAfter: number;
}

export interface EvictionOptions {
  /** Keys that must stay (tiles on screen right now), even if that leaves the cache over budget. */
  pinned?: ReadonlySet<string>;
}

function checkEntry(e: CacheEntry): void {
  if (!Number.isFinite(e.bytes) || e.bytes < 0 || !Number.isFinite(e.lastUsedMs)) {
    throw new RangeError(`cache entry ${e.key} has invalid size or time`);
  }
}

/** Ties in `lastUsedMs` are broken by key so the plan does not depend on input order. */
function lruOrder(a: CacheEntry, b: CacheEntry): number {
  return a.lastUsedMs - b.lastUsedMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Which keys to evict, oldest use first, until the total is at most `budgetBytes`. */
export function planEviction(entries: readonly CacheEntry[], budgetBytes: number, options: EvictionOptions = {}): EvictionPlan {
  if (!(budgetBytes >= 0)) throw new RangeError('budget must be a non-negative number of bytes');
  entries.forEach(checkEntry);
  const bytesBefore = entries.reduce((sum, e) => sum + e.bytes, 0);
  let total = bytesBefore;
  const evict: string[] = [];
  for (const entry of [...entries].sort(lruOrder)) {
    if (total <= budgetBytes) break;
    if (options.pinned?.has(entry.key)) continue;
    evict.push(entry.key);
    total -= entry.bytes;
  }
  return { evict, bytesBefore, bytesAfter: total };
}

/**
 * The cache's bookkeeping in memory: record puts and hits, and get back what to delete.
 * Recency is the order of use, not the clock, so a clock set back by the user cannot make
 * the tile just stored look old. Putting a key that is already there replaces its size.
 */
export class TileCachePolicy {
  /** Least recently used first (a Map keeps insertion order; a use re-inserts). */
  private readonly entries = new Map<string, CacheEntry>();
  private total = 0;

  constructor(readonly budgetBytes: number) {
    if (!(budgetBytes >= 0)) throw new RangeError('budget must be a non-negative number of bytes');
  }

  get sizeBytes(): number {
    return this.total;
  }

  get count(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Entries, least recently used first, for persisting `lastUsedMs`. */
  snapshot(): CacheEntry[] {
    return [...this.entries.values()].map((e) => ({ ...e }));
  }

  /** Loads what is already on disk (ordered by `lastUsedMs`), e.g. at start-up. Returns keys to evict. */
  load(entries: readonly CacheEntry[], options: EvictionOptions = {}): string[] {
    for (const e of [...entries].sort(lruOrder)) this.set({ ...e });
    return this.enforce(options);
  }

  /** Records a stored tile; returns keys to evict, which include it only if it alone exceeds the budget. */
  put(key: string, bytes: number, nowMs: number, options: EvictionOptions = {}): string[] {
    this.set({ key, bytes, lastUsedMs: nowMs });
    return this.enforce(options);
  }

  /** Records a cache hit. */
  touch(key: string, nowMs: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.entries.set(key, { ...entry, lastUsedMs: nowMs });
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total -= entry.bytes;
    this.entries.delete(key);
  }

  private set(entry: CacheEntry): void {
    checkEntry(entry);
    this.remove(entry.key);
    this.entries.set(entry.key, entry);
    this.total += entry.bytes;
  }

  private enforce(options: EvictionOptions): string[] {
    const evict: string[] = [];
    let total = this.total;
    for (const entry of this.entries.values()) {
      if (total <= this.budgetBytes) break;
      if (options.pinned?.has(entry.key)) continue;
      evict.push(entry.key);
      total -= entry.bytes;
    }
    evict.forEach((key) => this.remove(key));
    return evict;
  }
}
