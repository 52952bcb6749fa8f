import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, ValidationError } from '../../core/errors';
import { checkNextReport, reportStatus, type ReportingSettings } from '../../core/domain/duty/incidents';
import type { IncidentReportRecord, IncidentView, ZeroReportRecord } from '../../core/contract/dutyShared';
import type { HandlerContext, HandlerMap } from '../platform/context';
import { eventsRepo } from '../events';
import { dutyIncidentsRepo, type IncidentRecord } from './incidents.repo';
import { dutyLogRepo } from './log.repo';
import { assertNotFuture, dutyDayAt, dutySettings } from './common';
import { recorder } from './on-duty';

function reporting(ctx: HandlerContext): ReportingSettings {
  const s = dutySettings(ctx);
  return {
    initialMinutes: s.reportInitialMinutes,
    writtenMinutes: s.reportWrittenMinutes,
    ...(s.reportFollowupEveryMinutes ? { followupEveryMinutes: s.reportFollowupEveryMinutes } : {}),
  };
}

function view(ctx: HandlerContext, incident: IncidentRecord): IncidentView {
  const reports = dutyIncidentsRepo(ctx.db).reports(incident.id);
  return { ...incident, reports, due: incident.closedAtMs === null ? reportStatus(incident, reports, reporting(ctx), ctx.nowMs) : null };
}

const STAGE_TEXT = { initial: { en: 'first report', zh: '初报' }, followup: { en: 'follow-up', zh: '续报' }, final: { en: 'final report', zh: '终报' } };

type IncidentMethods = 'duty.incidents' | 'duty.logEntryIncidents' | 'duty.openIncident' | 'duty.addReport' | 'duty.zeroReport';

export const dutyIncidentsHandlers = {
  'duty.incidents': (ctx, { includeClosed, limit }) => {
    const repo = dutyIncidentsRepo(ctx.db);
    const dutyDay = dutyDayAt(ctx, ctx.nowMs);
    return {
      dutyDay,
      incidents: repo.list(includeClosed, limit).map((incident) => view(ctx, incident)),
      zeroReports: repo.recentZero(14),
      incidentsToday: repo.countOnDay(dutyDay),
    };
  },

  'duty.logEntryIncidents': (ctx, { entryId }) => dutyIncidentsRepo(ctx.db).ofLogEntry(entryId).map((incident) => view(ctx, incident)),

  'duty.openIncident': (ctx, input) => {
    const receivedAtMs = input.receivedAtMs ?? ctx.nowMs;
    assertNotFuture(ctx, receivedAtMs, 'Time received');
    if (input.eventId && !eventsRepo(ctx.db).get(input.eventId)) throw new NotFound('event', input.eventId);
    if (input.logEntryId) {
      if (!dutyLogRepo(ctx.db).current(input.logEntryId)) throw new NotFound('duty_log_entry', input.logEntryId);
      // One call, one incident: a second press (or a second desk) would start a second 初报 clock.
      const [existing] = dutyIncidentsRepo(ctx.db).ofLogEntry(input.logEntryId);
      if (existing) throw new Conflict('errors.duty.incidentExists', `Incident "${existing.title}" was already opened from this entry`, { title: existing.title });
    }
    const incident: IncidentRecord = {
      id: randomUUID(),
      title: input.title,
      location: input.location,
      summary: input.summary,
      receivedAtMs,
      dutyDay: dutyDayAt(ctx, receivedAtMs),
      eventId: input.eventId,
      logEntryId: input.logEntryId,
      closedAtMs: null,
    };
    dutyIncidentsRepo(ctx.db).insert({ ...incident, nowIso: ctx.nowIso });
    ctx.audit({ entity: 'duty_incident', entityId: incident.id, before: null, after: incident });
    return view(ctx, incident);
  },

  'duty.addReport': (ctx, input) => {
    const repo = dutyIncidentsRepo(ctx.db);
    const incident = repo.get(input.incidentId);
    if (!incident) throw new NotFound('duty_incident', input.incidentId);
    const atMs = input.atMs ?? ctx.nowMs;
    assertNotFuture(ctx, atMs, 'Report time');
    if (atMs < incident.receivedAtMs) {
      throw new ValidationError('errors.duty.reportBeforeIncident', 'A report cannot be sent before the incident was received');
    }
    const problem = checkNextReport(repo.reports(incident.id), input);
    if (problem) {
      throw new Conflict(`errors.duty.report.${problem}`, `A ${STAGE_TEXT[input.stage].en} cannot follow the reports sent so far (${problem})`);
    }
    const report: IncidentReportRecord = {
      id: randomUUID(),
      incidentId: incident.id,
      stage: input.stage,
      mode: input.mode,
      atMs,
      reportedTo: input.reportedTo,
      content: input.content,
      reportedBy: recorder(ctx, input.reportedBy),
    };
    repo.insertReport({ ...report, nowIso: ctx.nowIso });
    ctx.audit({ entity: 'duty_incident_report', entityId: report.id, before: null, after: report });
    if (input.stage === 'final') {
      repo.close(incident.id, atMs, ctx.nowIso);
      ctx.audit({ entity: 'duty_incident', entityId: incident.id, before: incident, after: { ...incident, closedAtMs: atMs } });
    }
    return view(ctx, repo.get(incident.id)!);
  },

  'duty.zeroReport': (ctx, { reportedTo, reportedBy, note }) => {
    const repo = dutyIncidentsRepo(ctx.db);
    const dutyDay = dutyDayAt(ctx, ctx.nowMs);
    if (repo.zeroOnDay(dutyDay)) throw new Conflict('errors.duty.zeroReportExists', `The 零报告 for ${dutyDay} was already sent`, { day: dutyDay });
    const incidents = repo.countOnDay(dutyDay);
    if (incidents > 0) {
      throw new Conflict('errors.duty.zeroReportWithIncidents', `${incidents} incident(s) were received today; a 零报告 would be untrue`, { count: incidents });
    }
    const record: ZeroReportRecord = { id: randomUUID(), dutyDay, atMs: ctx.nowMs, reportedTo, reportedBy: recorder(ctx, reportedBy), note };
    repo.insertZero({ ...record, nowIso: ctx.nowIso });
    ctx.audit({ entity: 'duty_zero_report', entityId: record.id, before: null, after: record });
    return record;
  },
} satisfies Pick<HandlerMap<'duty'>, IncidentMethods>;
