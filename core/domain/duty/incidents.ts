/**
 * Reporting an incident up the chain (层级汇报): 初报 initial → 续报 follow-ups → 终报 final.
 * Local rules set the clocks, typically "by phone within 30 minutes of receiving word,
 * in writing within an hour", with some offices also asking for a 续报 every few hours
 * while the incident is open. All of those are settings.
 */

export type ReportStage = 'initial' | 'followup' | 'final';

/** Phone, radio or in person count as verbal; fax, document or message app as written. */
export type ReportMode = 'verbal' | 'written';

export interface Incident {
  id: string;
  /** When the duty desk received word: local rules start their clocks from 接报. */
  receivedAtMs: number;
}

export interface IncidentReport {
  stage: ReportStage;
  mode: ReportMode;
  atMs: number;
}

export interface ReportingSettings {
  initialMinutes: number;
  writtenMinutes: number;
  /** Unset: no follow-up cadence; follow-ups are sent when there is news. */
  followupEveryMinutes?: number;
}

export const DEFAULT_REPORTING: ReportingSettings = { initialMinutes: 30, writtenMinutes: 60 };

export interface ReportDue {
  stage: ReportStage;
  dueMs: number;
  /** True when only a written report meets this deadline. */
  written: boolean;
}

export interface ReportStatus extends ReportDue {
  /** Negative once overdue. */
  remainingMs: number;
  overdue: boolean;
}

export type ReportOrderError = 'final_before_initial' | 'followup_before_initial' | 'after_final' | 'duplicate_initial';

const MINUTE_MS = 60_000;

/**
 * The earliest outstanding deadline, or null when nothing more has a deadline: the
 * final report is in, or the initial and a written report are in and no follow-up
 * cadence is set. The final report itself never has a clock; it is sent when the
 * incident is over.
 */
export function nextReportDue(
  incident: Incident,
  reports: readonly IncidentReport[],
  settings: ReportingSettings = DEFAULT_REPORTING,
): ReportDue | null {
  const sorted = chronological(reports);
  if (sorted.some((r) => r.stage === 'final')) return null;
  if (!sorted.some((r) => r.stage === 'initial')) {
    return { stage: 'initial', dueMs: incident.receivedAtMs + settings.initialMinutes * MINUTE_MS, written: false };
  }

  const candidates: ReportDue[] = [];
  if (!sorted.some((r) => r.mode === 'written')) {
    // The written deadline is met by a written 初报 if no 续报 has gone yet, else by a written 续报.
    const stage = sorted.some((r) => r.stage === 'followup') ? 'followup' : 'initial';
    candidates.push({ stage, dueMs: incident.receivedAtMs + settings.writtenMinutes * MINUTE_MS, written: true });
  }
  if (settings.followupEveryMinutes !== undefined && settings.followupEveryMinutes > 0) {
    const last = sorted[sorted.length - 1];
    candidates.push({ stage: 'followup', dueMs: last.atMs + settings.followupEveryMinutes * MINUTE_MS, written: false });
  }
  // On a tie the written one goes first: a single written report then meets both.
  candidates.sort((a, b) => a.dueMs - b.dueMs || Number(b.written) - Number(a.written));
  return candidates[0] ?? null;
}

/** The countdown shown on the duty screen. A report sent exactly at the deadline is in time. */
export function reportStatus(
  incident: Incident,
  reports: readonly IncidentReport[],
  settings: ReportingSettings,
  nowMs: number,
): ReportStatus | null {
  const due = nextReportDue(incident, reports, settings);
  if (!due) return null;
  const remainingMs = due.dueMs - nowMs;
  return { ...due, remainingMs, overdue: remainingMs < 0 };
}

/**
 * Whether `next` may follow the reports already sent. A second 初报 is allowed only as
 * the written version of a phoned one, before any 续报, because that is how 书面初报
 * works in practice; anything else is a duplicate.
 */
export function checkNextReport(reports: readonly IncidentReport[], next: Pick<IncidentReport, 'stage' | 'mode'>): ReportOrderError | null {
  if (reports.some((r) => r.stage === 'final')) return 'after_final';
  const hasInitial = reports.some((r) => r.stage === 'initial');
  if (next.stage === 'final') return hasInitial ? null : 'final_before_initial';
  if (next.stage === 'followup') return hasInitial ? null : 'followup_before_initial';
  if (!hasInitial) return null;
  const onlyPhonedInitials = reports.every((r) => r.stage === 'initial' && r.mode === 'verbal');
  return next.mode === 'written' && onlyPhonedInitials ? null : 'duplicate_initial';
}

/** Every out-of-order report in a stored sequence; `index` points into `reports` as given. */
export function validateReports(reports: readonly IncidentReport[]): { index: number; error: ReportOrderError }[] {
  const order = reports.map((_, i) => i).sort((a, b) => reports[a].atMs - reports[b].atMs);
  const sorted = order.map((i) => reports[i]);
  const problems: { index: number; error: ReportOrderError }[] = [];
  sorted.forEach((report, k) => {
    const error = checkNextReport(sorted.slice(0, k), report);
    if (error) problems.push({ index: order[k], error });
  });
  return problems;
}

/** Stable, so reports logged in the same minute keep the order they were entered in. */
function chronological(reports: readonly IncidentReport[]): IncidentReport[] {
  return [...reports].sort((a, b) => a.atMs - b.atMs);
}

/** What a log entry says, as far as opening an incident from it is concerned. */
export interface LoggedCall {
  entryId: string;
  receivedAtMs: number;
  fromName: string;
  fromUnit: string;
  content: string;
  actionTaken: string;
  eventId: string | null;
}

export interface IncidentPrefill {
  title: string;
  location: string;
  summary: string;
  receivedAtMs: number;
  eventId: string | null;
  logEntryId: string;
}

/** Titles are read in a list with countdowns; past this they wrap. */
const INCIDENT_TITLE_CHARS = 30;
/** The longest summary an incident keeps (the contract's limit). */
export const INCIDENT_SUMMARY_CHARS = 2000;

/** At most `max` UTF-16 units (what the contract and a textarea count), never half a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * An incident opened from a log entry: the first report's clock starts when the call came in,
 * not when the button was pressed. The title is the content's first clause (or its start),
 * the summary the whole call; the officer edits both before saving. Where it happened is
 * rarely a field of its own in a call, so the location is left for the officer.
 */
export function incidentFromLogEntry(entry: LoggedCall, labels: { from: string; action: string }): IncidentPrefill {
  const chars = [...entry.content.trim()];
  const clauseEnd = chars.findIndex((c) => '，。；,.;！!？?\n'.includes(c));
  const clause = clauseEnd > 0 ? chars.slice(0, clauseEnd) : chars;
  const title = clause.length > INCIDENT_TITLE_CHARS ? `${clause.slice(0, INCIDENT_TITLE_CHARS - 1).join('')}…` : clause.join('');
  const from = [entry.fromUnit, entry.fromName].filter(Boolean).join(' ');
  const summary = [entry.content.trim(), from && `${labels.from}${from}`, entry.actionTaken && `${labels.action}${entry.actionTaken}`].filter(Boolean).join('\n');
  return { title, location: '', summary: cut(summary, INCIDENT_SUMMARY_CHARS), receivedAtMs: entry.receivedAtMs, eventId: entry.eventId, logEntryId: entry.entryId };
}
