import { z } from 'zod';
import type { LocalDate } from '../time';
import type { DutyDay, PersonRole } from '../domain/duty/types';
import type { RotaConflict } from '../domain/duty/conflicts';
import type { RotaProblem } from '../domain/duty/rota';
import type { WarningColour, WarningType, ResponseLevel, ResponseSuggestion } from '../domain/duty/warnings';
import type { ReportMode, ReportStage, ReportStatus } from '../domain/duty/incidents';
import type { CheckStatus, OpenFault } from '../domain/duty/equipment';
import type { HandoverDraft, HandoverSection } from '../domain/duty/handover';

/** Zod building blocks and the records the duty methods return, shared by the duty contract files. */

export const personRoles = ['leader', 'officer', 'backup', 'driver', 'rescue'] as const satisfies readonly PersonRole[];
export const logChannels = ['phone', 'fax', 'video', 'message', 'radio', 'walk_in', 'other'] as const;
export type LogChannel = (typeof logChannels)[number];
export const warningTypes = ['rainstorm', 'typhoon', 'flood', 'geological', 'other'] as const satisfies readonly WarningType[];
export const warningColours = ['blue', 'yellow', 'orange', 'red'] as const satisfies readonly WarningColour[];
export const reportStages = ['initial', 'followup', 'final'] as const satisfies readonly ReportStage[];
export const reportModes = ['verbal', 'written'] as const satisfies readonly ReportMode[];
export const checkStatuses = ['ok', 'fault', 'not_checked'] as const satisfies readonly CheckStatus[];
export type ShiftKind = 'full' | 'day' | 'night';
export type AssignmentSource = 'generated' | 'manual' | 'import' | 'swap' | 'extension';
export type RotaSlotName = 'leader' | 'officer' | 'backup' | 'extra';

export const zLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export interface LeaveRecord {
  id: string;
  personId: string;
  from: LocalDate;
  to: LocalDate;
  reason: string;
}

export interface DutyPersonRecord {
  id: string;
  name: string;
  unit: string;
  roles: PersonRole[];
  phone: string;
  phone2: string;
  active: boolean;
  notes: string;
  leave: LeaveRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface RotaSlotView {
  assignmentId: string;
  personId: string;
  name: string;
  phone: string;
  shift: ShiftKind;
  source: AssignmentSource;
}

export interface ExtensionView {
  id: string;
  date: LocalDate;
  warningId: string | null;
  untilMs: number | null;
  note: string;
  endedAtMs: number | null;
  extraPeople: { personId: string; name: string; phone: string }[];
  createdAt: string;
}

export interface RotaDayView {
  date: LocalDate;
  weekendOrHoliday: boolean;
  holiday: boolean;
  leader: RotaSlotView | null;
  officers: RotaSlotView[];
  backup: RotaSlotView | null;
  extras: RotaSlotView[];
  /** Days whose slots changed hands after the rota was made (调班), so the month view can mark them. */
  changed: boolean;
}

export interface FairnessRow {
  personId: string;
  name: string;
  roles: PersonRole[];
  total: number;
  weekendOrHoliday: number;
  backup: number;
  /** Watch duties in the calendar year so far, the figure people compare across months. */
  yearTotal: number;
}

/** A conflict with the person's name resolved, so the screen and error lines can say who. */
export interface NamedConflict extends RotaConflict {
  personName?: string;
}

export interface RotaMonthView {
  month: string;
  from: LocalDate;
  to: LocalDate;
  days: RotaDayView[];
  fairness: FairnessRow[];
  conflicts: NamedConflict[];
}

export interface RotaProposal {
  days: DutyDay[];
  fairness: FairnessRow[];
  problems: RotaProblem[];
  conflicts: NamedConflict[];
}

export interface RotaChangeRecord {
  id: string;
  batchId: string;
  kind: 'swap' | 'replace' | 'rota' | 'import' | 'extension';
  date: LocalDate;
  slot: RotaSlotName;
  fromPersonId: string | null;
  fromName: string | null;
  toPersonId: string | null;
  toName: string | null;
  reason: string;
  changedBy: string;
  changedAtMs: number;
}

export interface LogEntry {
  /** The id of this version. */
  id: string;
  /** The entry's stable id: the id of its first version. */
  entryId: string;
  version: number;
  receivedAtMs: number;
  dutyDay: LocalDate;
  channel: LogChannel;
  fromName: string;
  fromUnit: string;
  content: string;
  actionTaken: string;
  forwardedTo: string;
  result: string;
  recordedBy: string;
  status: 'open' | 'closed';
  followUpOf: string | null;
  eventId: string | null;
  correctionReason: string;
  createdAt: string;
}

export interface LogPage {
  rows: LogEntry[];
  total: number;
}

export interface WarningRecord {
  id: string;
  type: WarningType;
  colour: WarningColour;
  /** e.g. 暴雨黄色预警: the name people say, used in the status bar and the log. */
  title: string;
  content: string;
  issuedBy: string;
  issuedAtMs: number;
  liftedAtMs: number | null;
  liftedBy: string;
  liftNote: string;
  eventId: string | null;
  recordedBy: string;
}

export interface ResponseRecord {
  id: string;
  level: ResponseLevel;
  declaredBy: string;
  declaredAtMs: number;
  content: string;
  liftedAtMs: number | null;
  liftedBy: string;
  liftNote: string;
  eventId: string | null;
  recordedBy: string;
}

export interface WarningsOverview {
  active: WarningRecord[];
  recent: WarningRecord[];
  currentResponse: ResponseRecord | null;
  responses: ResponseRecord[];
  suggestion: ResponseSuggestion | null;
  extensions: ExtensionView[];
}

export interface IncidentReportRecord {
  id: string;
  incidentId: string;
  stage: ReportStage;
  mode: ReportMode;
  atMs: number;
  reportedTo: string;
  content: string;
  reportedBy: string;
}

export interface IncidentView {
  id: string;
  title: string;
  location: string;
  summary: string;
  receivedAtMs: number;
  dutyDay: LocalDate;
  eventId: string | null;
  logEntryId: string | null;
  closedAtMs: number | null;
  reports: IncidentReportRecord[];
  /** The next deadline with its countdown at the time of the call; null when nothing is due. */
  due: ReportStatus | null;
}

export interface ZeroReportRecord {
  id: string;
  dutyDay: LocalDate;
  atMs: number;
  reportedTo: string;
  reportedBy: string;
  note: string;
}

export interface IncidentsOverview {
  dutyDay: LocalDate;
  incidents: IncidentView[];
  zeroReports: ZeroReportRecord[];
  /** Incidents received during the current duty day: a 零报告 would then be untrue. */
  incidentsToday: number;
}

export interface EquipmentItemRecord {
  key: string;
  label: string;
  status: CheckStatus;
  note: string;
  repairedBy: string;
}

export interface EquipmentCheckRecord {
  id: string;
  atMs: number;
  dutyDay: LocalDate;
  checkedBy: string;
  note: string;
  items: EquipmentItemRecord[];
}

export interface EquipmentOverview {
  checklist: { key: string; label: { zh: string; en: string } }[];
  checks: EquipmentCheckRecord[];
  openFaults: (OpenFault & { label: { zh: string; en: string } })[];
  /** Whether the current shift has been checked. */
  checkedThisShift: boolean;
}

export interface HandoverRecord {
  id: string;
  outgoingDay: LocalDate;
  incomingDay: LocalDate;
  lang: 'zh' | 'en';
  text: string;
  sections: HandoverSection[];
  outgoingSignedBy: string;
  outgoingSignedAtMs: number;
  incomingAckBy: string | null;
  incomingAckAtMs: number | null;
  leaderSignedBy: string | null;
  leaderSignedAtMs: number | null;
}

/** The outgoing officer's edited handover text, kept until signing; `version` guards concurrent saves. */
export interface HandoverSavedDraft {
  id: string;
  outgoingDay: LocalDate;
  lang: 'zh' | 'en';
  text: string;
  savedBy: string;
  savedAtMs: number;
  version: number;
}

export interface HandoverView {
  outgoingDay: LocalDate;
  incomingDay: LocalDate;
  /** True once the outgoing day has ended and it has not been handed over. */
  due: boolean;
  draft: HandoverDraft;
  /** The officer's saved edits of the draft text, if any; frozen once `record` exists. */
  savedDraft: HandoverSavedDraft | null;
  record: HandoverRecord | null;
  outgoingTeam: string[];
  incomingTeam: string[];
  leaderName: string | null;
}
