import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPORTING,
  INCIDENT_SUMMARY_CHARS,
  checkNextReport,
  incidentFromLogEntry,
  nextReportDue,
  reportStatus,
  validateReports,
  type IncidentReport,
} from '../../../core/domain/duty/incidents';
import { zonedToUtc } from '../../../core/time';

const MIN = 60_000;
// Word of a collapsed wall reaches the desk at 02:40 local time.
const received = zonedToUtc('2024-07-05', '02:40');
const incident = { id: 'inc-1', receivedAtMs: received };
const at = (minutes: number) => received + minutes * MIN;

describe('nextReportDue', () => {
  it('asks for the initial report 30 minutes after word is received', () => {
    expect(nextReportDue(incident, [])).toEqual({ stage: 'initial', dueMs: zonedToUtc('2024-07-05', '03:10'), written: false });
  });

  it('after a phoned initial report, asks for a written one by the one-hour mark', () => {
    const reports: IncidentReport[] = [{ stage: 'initial', mode: 'verbal', atMs: at(12) }];
    expect(nextReportDue(incident, reports)).toEqual({ stage: 'initial', dueMs: at(60), written: true });
  });

  it('asks for the written report as a follow-up once a follow-up has gone by phone', () => {
    const reports: IncidentReport[] = [
      { stage: 'initial', mode: 'verbal', atMs: at(12) },
      { stage: 'followup', mode: 'verbal', atMs: at(40) },
    ];
    expect(nextReportDue(incident, reports)).toEqual({ stage: 'followup', dueMs: at(60), written: true });
  });

  it('has nothing due once initial and written reports are in and no cadence is set', () => {
    expect(nextReportDue(incident, [{ stage: 'initial', mode: 'written', atMs: at(25) }])).toBeNull();
  });

  it('with a follow-up cadence, counts from the latest report', () => {
    const settings = { ...DEFAULT_REPORTING, followupEveryMinutes: 120 };
    const reports: IncidentReport[] = [
      { stage: 'followup', mode: 'written', atMs: at(200) },
      { stage: 'initial', mode: 'written', atMs: at(25) },
    ];
    expect(nextReportDue(incident, reports, settings)).toEqual({ stage: 'followup', dueMs: at(320), written: false });
  });

  it('takes whichever deadline is earlier, the written one or the cadence', () => {
    const settings = { initialMinutes: 30, writtenMinutes: 60, followupEveryMinutes: 20 };
    const reports: IncidentReport[] = [{ stage: 'initial', mode: 'verbal', atMs: at(10) }];
    expect(nextReportDue(incident, reports, settings)).toEqual({ stage: 'followup', dueMs: at(30), written: false });
    // On a tie the written report is asked for, because it meets both.
    const tie = { ...settings, followupEveryMinutes: 50 };
    expect(nextReportDue(incident, reports, tie)).toEqual({ stage: 'initial', dueMs: at(60), written: true });
  });

  it('stops once the final report is in', () => {
    const reports: IncidentReport[] = [
      { stage: 'initial', mode: 'verbal', atMs: at(5) },
      { stage: 'final', mode: 'written', atMs: at(300) },
    ];
    expect(nextReportDue(incident, reports, { ...DEFAULT_REPORTING, followupEveryMinutes: 60 })).toBeNull();
  });
});

describe('reportStatus', () => {
  it('counts down, is in time exactly at the deadline, and overdue one millisecond later', () => {
    expect(reportStatus(incident, [], DEFAULT_REPORTING, at(20))).toMatchObject({ remainingMs: 10 * MIN, overdue: false });
    expect(reportStatus(incident, [], DEFAULT_REPORTING, at(30))).toMatchObject({ remainingMs: 0, overdue: false });
    expect(reportStatus(incident, [], DEFAULT_REPORTING, at(30) + 1)).toMatchObject({ stage: 'initial', remainingMs: -1, overdue: true });
  });

  it('is null when nothing is due', () => {
    const reports: IncidentReport[] = [{ stage: 'initial', mode: 'written', atMs: at(5) }, { stage: 'final', mode: 'written', atMs: at(90) }];
    expect(reportStatus(incident, reports, DEFAULT_REPORTING, at(100))).toBeNull();
  });
});

describe('report order', () => {
  const phoned: IncidentReport = { stage: 'initial', mode: 'verbal', atMs: at(5) };

  it('refuses a final or follow-up before any initial report', () => {
    expect(checkNextReport([], { stage: 'final', mode: 'written' })).toBe('final_before_initial');
    expect(checkNextReport([], { stage: 'followup', mode: 'verbal' })).toBe('followup_before_initial');
    expect(checkNextReport([], { stage: 'initial', mode: 'verbal' })).toBeNull();
  });

  it('refuses anything after the final report', () => {
    const closed = [phoned, { stage: 'final', mode: 'written', atMs: at(60) } as const];
    expect(checkNextReport(closed, { stage: 'followup', mode: 'written' })).toBe('after_final');
    expect(checkNextReport(closed, { stage: 'final', mode: 'written' })).toBe('after_final');
  });

  it('allows a written initial report after a phoned one, but not a second of the same kind or after a follow-up', () => {
    expect(checkNextReport([phoned], { stage: 'initial', mode: 'written' })).toBeNull();
    expect(checkNextReport([phoned], { stage: 'initial', mode: 'verbal' })).toBe('duplicate_initial');
    const followed = [phoned, { stage: 'followup', mode: 'verbal', atMs: at(20) } as const];
    expect(checkNextReport(followed, { stage: 'initial', mode: 'written' })).toBe('duplicate_initial');
  });

  it('validates a stored sequence in time order and points at the input positions', () => {
    const stored: IncidentReport[] = [
      { stage: 'followup', mode: 'written', atMs: at(90) },
      { stage: 'final', mode: 'written', atMs: at(3) },
      phoned,
    ];
    // In time order: final (03) before any initial, initial (05) after a final, followup after a final.
    expect(validateReports(stored)).toEqual([
      { index: 1, error: 'final_before_initial' },
      { index: 2, error: 'after_final' },
      { index: 0, error: 'after_final' },
    ]);
  });
});

describe('an incident opened from a log entry', () => {
  const call = {
    entryId: 'e-1',
    receivedAtMs: Date.UTC(2026, 6, 4, 13, 5),
    fromName: '张站长',
    fromUnit: '笋岗社区',
    content: '笋岗西路下穿通道积水约40厘米，一辆小车熄火，司机已离开车辆',
    actionTaken: '已通知交警封闭通道',
    eventId: null,
  };
  const labels = { from: '来电：', action: '已采取措施：' };

  it('is titled by the first clause, summarises the call and starts the clock at the call', () => {
    expect(incidentFromLogEntry(call, labels)).toEqual({
      title: '笋岗西路下穿通道积水约40厘米',
      location: '',
      summary: '笋岗西路下穿通道积水约40厘米，一辆小车熄火，司机已离开车辆\n来电：笋岗社区 张站长\n已采取措施：已通知交警封闭通道',
      receivedAtMs: call.receivedAtMs,
      eventId: null,
      logEntryId: 'e-1',
    });
  });

  it('shortens a long first clause and leaves out empty parts', () => {
    const prefill = incidentFromLogEntry({ ...call, content: '水'.repeat(40), fromName: '', fromUnit: '', actionTaken: '' }, labels);
    expect(prefill.title).toBe(`${'水'.repeat(29)}…`);
    expect(prefill.summary).toBe('水'.repeat(40));
  });

  it('keeps the summary within the contract’s limit without splitting a character', () => {
    const content = `${'a'.repeat(INCIDENT_SUMMARY_CHARS - 1)}😀tail`;
    const { summary } = incidentFromLogEntry({ ...call, content }, labels);
    expect(summary.length).toBeLessThanOrEqual(INCIDENT_SUMMARY_CHARS);
    expect(summary).toBe('a'.repeat(INCIDENT_SUMMARY_CHARS - 1));
  });
});
