import type { Db } from './connection';
import type { Actor } from './context';

export const DEMO_ACTOR: Actor = { id: 'demo', name: '演示数据', role: 'admin' };

/** What each domain's demo seeder gets: the records go through the contract like anything a user types. */
export interface SeedContext {
  db: Db;
  /** Calls a contract method as the demo actor and throws if it fails, so a broken seed is loud. */
  call<T = unknown>(method: string, input: unknown): T;
  nowMs: number;
}
