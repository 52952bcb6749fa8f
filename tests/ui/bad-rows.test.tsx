// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanup } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ImportPanel } from '../../renderer/sections/rain/ImportPanel';
import { StationTable } from '../../renderer/sections/rain/StationTable';
import { SignalPanel } from '../../renderer/sections/rain/SignalPanel';
import { LogList } from '../../renderer/sections/duty/LogList';
import { LogDetail } from '../../renderer/sections/duty/LogDetail';
import { PointList } from '../../renderer/sections/hazards/PointList';
import { People } from '../../renderer/sections/evac/People';
import { Shelters } from '../../renderer/sections/evac/Shelters';
import { BackupsCard } from '../../renderer/sections/settings/BackupsCard';
import { useUi } from '../../renderer/store/ui';
import { drawFailures, drawView, giveElementsASize, serve } from './fake-backend';
import { junk, LEAKS, visibleText } from './junk';

/**
 * Every list and detail view that formats stored rows, fed rows whose formatted columns hold
 * anything at all: each view must draw every row, mark what it cannot read, and never reach
 * a boundary (a row's or the section's).
 */

const RUNS = 15;
const WINDOWS = ['h1', 'h3', 'h6', 'h12', 'h24'] as const;
const noop = () => undefined;

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  drawFailures.length = 0;
  useUi.setState({ errors: [], lang: 'zh-CN' });
});

/** 1–3 rows, each a valid row with its formatted columns replaced by `columns`. */
const rowsOf = <T extends object>(columns: fc.Arbitrary<T>) => fc.array(columns, { minLength: 1, maxLength: 3 });

async function expectDrawn(view: ReactElement, rowSelector: string, rows: number): Promise<void> {
  const { container } = await drawView(view, (root) => root.querySelectorAll(rowSelector).length === rows);
  expect(container.querySelector('[data-testid="error-boundary"]'), 'the section boundary caught an error').toBeNull();
  expect(container.querySelectorAll('[data-testid="row-boundary"]'), 'a row boundary caught an error').toHaveLength(0);
  expect(container.querySelectorAll(rowSelector)).toHaveLength(rows);
  expect(visibleText(container)).not.toMatch(LEAKS);
  expect(drawFailures).toEqual([]);
  cleanup();
}

const property = <T,>(rows: fc.Arbitrary<T[]>, draw: (rows: T[], lang: 'zh-CN' | 'en') => Promise<void>) =>
  fc.assert(
    fc.asyncProperty(rows, fc.constantFrom('zh-CN' as const, 'en' as const), async (generated, lang) => {
      useUi.setState({ lang });
      await draw(generated, lang);
    }),
    { numRuns: RUNS },
  );

describe('rain', () => {
  it('import history: created_at, status and counts', async () => {
    await property(rowsOf(fc.record({ createdAt: junk, status: junk, inserted: junk, duplicates: junk })), async (cols) => {
      const batches = cols.map((c, i) => ({ id: `b${i}`, kind: 'file', source: `f${i}.csv`, fileHash: '', rowsRead: 1, readings: 1, replaced: 0, unchanged: 0, skippedRows: 0, errorRows: 0, warningRows: 0, actorName: 'a', committedAt: null, ...c }));
      serve({ 'rain.imports': () => batches });
      await expectDrawn(<ImportPanel onImported={noop} />, '.rain-history tbody tr', batches.length);
    });
  });

  it('gauge table: times, sums, levels, grades, signals and water status', async () => {
    const cells = fc.record(Object.fromEntries(WINDOWS.map((k) => [k, junk])) as Record<(typeof WINDOWS)[number], fc.Arbitrary<unknown>>);
    const columns = fc.record({ type: fc.oneof(fc.constantFrom('rain', 'water'), junk), lastEndMs: junk, sums: cells, grade24: junk, signal: junk, levelM: junk, warningM: junk, waterStatus: junk, overWarningM: junk });
    await property(fc.tuple(rowsOf(columns), cells).map(([rows, area]) => rows.map((r) => ({ ...r, area }))), async (cols) => {
      const stations = cols.map((c, i) => ({
        station: { id: `s${i}`, code: `HF${i}`, name: `站${i}`, nameEn: '', type: c.type, lat: null, lng: null, source: '', warningM: c.warningM, guaranteeM: null, floodLimitM: null, notes: '', createdAt: '', updatedAt: '', version: 1 },
        lastEndMs: c.lastEndMs,
        stale: false,
        rolling: Object.fromEntries(WINDOWS.map((k) => [k, { totalMm: c.sums[k], complete: true }])),
        grade24: c.grade24,
        grade12: null,
        signal: c.signal,
        levelM: c.levelM,
        waterStatus: c.waterStatus,
        overWarningM: c.overWarningM,
      }));
      const area = Object.fromEntries(WINDOWS.map((k) => [k, { meanMm: cols[0].area[k], stationsUsed: 1, stationsTotal: 2 }]));
      const data = { atMs: 0, stations, area } as unknown as Parameters<typeof StationTable>[0]['data'];
      serve({});
      await expectDrawn(<StationTable data={data} selectedId={null} onSelect={noop} />, '.rain-row[data-index]', stations.length);
    });
  });

  it('signal hints: time, window, totals and colour', async () => {
    await property(rowsOf(fc.record({ atMs: junk, window: junk, totalMm: junk, thresholdMm: junk, colour: junk })), async (cols) => {
      const open = cols.map((c, i) => ({ id: `g${i}`, stationId: 's', stationName: '站', status: 'open', decidedBy: null, note: '', ...c })) as unknown as Parameters<typeof SignalPanel>[0]['open'];
      serve({});
      await expectDrawn(<SignalPanel open={open} onChanged={noop} />, '.rain-signal-list > li', open.length);
    });
  });
});

describe('duty', () => {
  const entry = (c: Record<string, unknown>, i: number) => ({ id: `v${i}`, entryId: 'e', version: i + 1, dutyDay: '2026-07-01', fromName: '张三', fromUnit: '社区', content: '内涝', actionTaken: '', forwardedTo: '', result: '', recordedBy: '李四', followUpOf: null, eventId: null, correctionReason: '', ...c });

  it('log list: received time, channel and status', async () => {
    await property(rowsOf(fc.record({ receivedAtMs: junk, channel: junk, status: junk })), async (cols) => {
      const rows = cols.map((c, i) => ({ ...entry(c, i), entryId: `e${i}`, createdAt: '2026-07-01T00:00:00Z' }));
      serve({ 'duty.listLog': () => ({ rows, total: rows.length }) });
      await expectDrawn(<LogList filter={{}} selected={null} onSelect={noop} />, '[data-testid="log-row"]', rows.length);
    });
  });

  it('log detail: every version with its times, channel and status', async () => {
    await property(fc.array(fc.record({ receivedAtMs: junk, channel: junk, status: junk, createdAt: junk }), { minLength: 2, maxLength: 3 }), async (cols) => {
      serve({ 'duty.logHistory': () => cols.map(entry), 'duty.logEntryIncidents': () => [] });
      await expectDrawn(<LogDetail entryId="e" onClose={noop} onFollowUp={noop} />, '.versions > li', cols.length);
    });
  });
});

describe('hazards', () => {
  it('register: type, risk, inspection times, result and deletion time', async () => {
    const columns = fc.record({ hazardType: junk, riskLevel: junk, lastInspectionMs: junk, lastResult: junk, nextDueMs: junk, deletedAt: junk });
    await property(rowsOf(columns), async (cols) => {
      const rows = cols.map((c, i) => ({ id: `p${i}`, name: `点${i}`, address: '', community: '', lat: 22.5, lng: 114, status: 'active', openRectifications: 0, overdueRectifications: 0, frequency: { kind: 'days', every: 7 }, ...c }));
      serve({ 'hazards.listPoints': () => ({ rows, total: rows.length }) });
      await expectDrawn(<PointList />, '[data-testid="hz-row"] [role="cell"]:first-child', rows.length);
    });
  });
});

describe('evacuation', () => {
  it('people: status, vulnerability flags and time moved', async () => {
    await property(rowsOf(fc.record({ status: junk, flags: fc.array(junk, { maxLength: 2 }), firstMovedAtMs: junk })), async (cols) => {
      const rows = cols.map((c, i) => ({ id: `m${i}`, eventId: 'ev', householdId: 'h', householdHead: '户主', name: `人${i}`, idNumber: '', phone: '', sourceKey: 'k', sourceName: '来源', shelterId: null, shelterName: null, where: null, lastAtMs: 0, ...c }));
      serve({ 'evac.listPeople': () => ({ rows, total: rows.length }), 'evac.listShelters': () => [], 'evac.listSources': () => [] });
      await expectDrawn(<People eventId="ev" version={0} onChange={noop} />, '[data-testid="person-row"]', rows.length);
    });
  });

  it('shelters: type, status, occupancy, capacity and supplies', async () => {
    const supply = fc.record({ item: junk, quantity: junk });
    await property(rowsOf(fc.record({ type: junk, status: junk, occupancy: junk, capacity: junk, supplies: fc.array(supply, { maxLength: 2 }) })), async (cols) => {
      const rows = cols.map((c, i) => ({ id: `sh${i}`, name: `安置点${i}`, nameEn: '', address: '', lat: null, lng: null, usableAreaM2: null, capacitySet: null, contactName: '', contactPhone: '', notes: '', periods: [], createdAt: '', updatedAt: '', ...c, supplies: c.supplies.map((s) => ({ label: '', unit: '箱', ...s })) }));
      serve({ 'evac.listShelters': () => rows });
      await expectDrawn(<Shelters version={0} onChange={noop} />, '[data-testid="shelter-table"] tbody tr', rows.length);
    });
  });
});

describe('settings', () => {
  it('backups: time, reason, size, location and counts', async () => {
    const columns = fc.record({ createdAtMs: junk, reason: junk, location: junk, dbBytes: junk, filesBytes: junk, count: junk });
    await property(rowsOf(columns), async (cols) => {
      const backups = cols.map(({ count, ...c }, i) => ({ name: `backup-${i}`, path: '/b', appVersion: '0', schemaVersion: 1, fileCount: 0, counts: { events: count }, ...c }));
      serve({ 'backup.list': () => ({ folder: '', defaultFolder: '/d', backups, job: null }) });
      await expectDrawn(<BackupsCard settings={undefined} timeZone="Asia/Shanghai" onSaved={noop} />, 'tr[data-backup]', backups.length);
    });
  });
});
