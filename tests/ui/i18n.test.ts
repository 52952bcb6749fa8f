import { describe, expect, it } from 'vitest';
import * as accounts from '../../renderer/i18n/accounts';
import * as backup from '../../renderer/i18n/backup';
import * as settings from '../../renderer/i18n/settings';
import * as events from '../../renderer/i18n/events';
import * as duty from '../../renderer/i18n/duty';
import * as hazards from '../../renderer/i18n/hazards';
import * as hazardsInspections from '../../renderer/i18n/hazardsInspections';
import * as evac from '../../renderer/i18n/evac';
import * as rain from '../../renderer/i18n/rain';
import * as map from '../../renderer/i18n/map';
import * as reports from '../../renderer/i18n/reports';
import * as damage from '../../renderer/i18n/damage';
import { TABLES } from '../../renderer/i18n';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('use the same {param} names in Chinese and English for every key', () => {
    const mismatched: string[] = [];
    for (const table of TABLES) {
      for (const [key, zh] of Object.entries(table.zh)) {
        const en = (table.en as Record<string, string>)[key];
        if (JSON.stringify(params(zh)) !== JSON.stringify(params(en))) mismatched.push(`${key}: ${params(zh).join(',')} ≠ ${params(en).join(',')}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("keep each area's keys, its errors included, in that area's file, under the area's method prefix", () => {
    const owners: [string[], { zh: object }][] = [
      [['accounts'], accounts],
      [['backup'], backup],
      [['settings', 'audit'], settings],
      [['events'], events],
      [['duty'], duty],
      [['hazards'], hazards],
      [['hazards'], hazardsInspections],
      [['evac'], evac],
      [['rain'], rain],
      [['map'], map],
      [['reports'], reports],
      [['damage'], damage],
    ];
    const strays: string[] = [];
    for (const [prefixes, table] of owners) {
      for (const key of Object.keys(table.zh)) {
        const area = key.startsWith('errors.') ? key.split('.')[1] : key.split('.')[0];
        if (!prefixes.includes(area)) strays.push(key);
      }
    }
    expect(strays).toEqual([]);
  });

  it('have no key twice across the tables', () => {
    const seen = new Map<string, number>();
    for (const table of TABLES) for (const key of Object.keys(table.zh)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([]);
  });
});
