import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../core/settings';
import { createTestDb, type TestDb } from '../../support/db';

const KEY = 'tk-0123456789abcdef';
const VIEWER = { id: 'viewer', name: '查看员', role: 'viewer' as const };

describe('the online tile key is a credential', () => {
  let t: TestDb;
  afterEach(() => t.close());

  function withKey(): TestDb {
    t = createTestDb();
    t.call('map.saveOnline', { url: 'https://t{s}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk={key}', subdomains: '01234567', key: KEY });
    return t;
  }
  const storedKey = () => JSON.parse(t.db.prepare("SELECT value FROM settings WHERE section = 'map'").pluck().get() as string).onlineKey;

  it('is never returned by settings.get, to any role', () => {
    withKey();
    for (const actor of [undefined, VIEWER]) {
      const settings = t.call<Settings>('settings.get', {}, actor);
      expect(JSON.stringify(settings)).not.toContain(KEY);
      expect(settings.map.onlineKey).toBe('(set)');
    }
    expect(storedKey()).toBe(KEY);
  });

  it('survives a map settings form that sends back what it was shown, and is not written to the audit trail', () => {
    withKey();
    const shown = t.call<Settings>('settings.get');
    const after = t.call<Settings>('settings.update', { section: 'map', values: { ...shown.map, zoom: 16 } });
    expect(after.map.zoom).toBe(16);
    expect(JSON.stringify(after)).not.toContain(KEY);
    expect(storedKey()).toBe(KEY);
    const trail = t.db.prepare("SELECT coalesce(before, '') || coalesce(after, '') FROM audit_log WHERE entity = 'settings'").pluck().all() as string[];
    expect(trail.length).toBeGreaterThan(0);
    for (const row of trail) expect(row).not.toContain(KEY);
  });
});
