import { z } from 'zod';
import { read, write } from './define';
import { INCIDENT_SUMMARY_CHARS } from '../domain/duty/incidents';
import {
  logChannels,
  reportModes,
  reportStages,
  type IncidentView,
  type IncidentsOverview,
  type LogEntry,
  type LogPage,
  type ZeroReportRecord,
} from './dutyShared';
import { zDate, zId, zInstant, zName, zText } from './fields';

/** The fields a duty officer types; the time received defaults to now on the server. */
const logFields = z.object({
  receivedAtMs: zInstant.optional(),
  channel: z.enum(logChannels),
  fromName: zText(50).default(''),
  fromUnit: zText(100).default(''),
  content: zText(5000).min(1),
  actionTaken: zText(2000).default(''),
  forwardedTo: zText(200).default(''),
  result: zText(2000).default(''),
  recordedBy: zText(50).optional(),
  status: z.enum(['open', 'closed']).default('open'),
  eventId: zId.nullable().default(null),
});

const logEntryInput = logFields.extend({ followUpOf: zId.nullable().default(null) });

const correctionPatch = z
  .object({
    receivedAtMs: zInstant,
    channel: z.enum(logChannels),
    fromName: zText(50),
    fromUnit: zText(100),
    content: zText(5000).min(1),
    actionTaken: zText(2000),
    forwardedTo: zText(200),
    result: zText(2000),
    status: z.enum(['open', 'closed']),
    eventId: zId.nullable(),
  })
  .partial();

const logFilter = z.object({
  query: zText(100).default(''),
  fromDay: zDate.optional(),
  toDay: zDate.optional(),
  channel: z.enum(logChannels).optional(),
  eventId: zId.optional(),
  status: z.enum(['open', 'closed']).optional(),
  followUpOf: zId.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const dutyLogContract = {
  'duty.logEntry': write<LogEntry>()(logEntryInput, 'Record a call, fax, message or visit in the duty log'),
  'duty.listLog': read<LogPage>()(logFilter, 'Current log entries, newest first, filtered and searched (Chinese full text)'),
  'duty.correctLog': write<LogEntry>()(
    z.object({ entryId: zId, version: z.number().int().min(1), patch: correctionPatch, reason: zText(200).min(1) }),
    'Correct or close a log entry: a new version; the old one is kept',
  ),
  'duty.logHistory': read<LogEntry[]>()(z.object({ entryId: zId }), 'Every version of a log entry, oldest first'),
  'duty.incidents': read<IncidentsOverview>()(
    z.object({ includeClosed: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }),
    'Incidents with their reports and deadlines, and recent 零报告',
  ),
  'duty.logEntryIncidents': read<IncidentView[]>()(z.object({ entryId: zId }), 'Incidents opened from a log entry, with their reports and deadlines'),
  'duty.openIncident': write<IncidentView>()(
    z.object({
      title: zText(100).min(1),
      location: zText(200).default(''),
      summary: zText(INCIDENT_SUMMARY_CHARS).default(''),
      receivedAtMs: zInstant.optional(),
      eventId: zId.nullable().default(null),
      logEntryId: zId.nullable().default(null),
    }),
    'Open an incident that must be reported up the chain; the first-report clock starts at receipt. At most one per log entry',
  ),
  'duty.addReport': write<IncidentView>()(
    z.object({
      incidentId: zId,
      stage: z.enum(reportStages),
      mode: z.enum(reportModes),
      atMs: zInstant.optional(),
      reportedTo: zName.max(100),
      content: zText(5000).default(''),
      reportedBy: zText(50).optional(),
    }),
    'Record a 初报, 续报 or 终报; a 终报 closes the incident',
  ),
  'duty.zeroReport': write<ZeroReportRecord>()(
    z.object({ reportedTo: zName.max(100), reportedBy: zText(50).optional(), note: zText(500).default('') }),
    'Record today’s 零报告 (nothing to report), once per duty day',
  ),
};
