import { z } from 'zod';
import { read, write } from './define';
import type { DutyDay } from '../domain/duty/types';
import {
  personRoles,
  type DutyPersonRecord,
  type ExtensionView,
  type LeaveRecord,
  type NamedConflict,
  type RotaChangeRecord,
  type RotaMonthView,
  type RotaProposal,
} from './dutyShared';
import { zDate, zId, zInstant, zMonth, zName, zText } from './fields';

const phone = zText(30).regex(/^[0-9+\-() ]*$/, 'Digits, spaces, + - ( ) only');

const personInput = z.object({
  id: zId.optional(),
  name: zName,
  unit: zText(100).default(''),
  roles: z.array(z.enum(personRoles)).min(1).max(5),
  phone: phone.default(''),
  phone2: phone.default(''),
  active: z.boolean().default(true),
  notes: zText(500).default(''),
});

const dayInput = z.object({
  date: zDate,
  leaderId: zId.nullable(),
  officerIds: z.array(zId).max(10),
  backupId: zId.optional(),
}) satisfies z.ZodType<DutyDay>;

const dutyRef = z.object({ date: zDate, personId: zId });
const reason = zText(200).min(1);

/**
 * A spreadsheet row as read in the browser, before any checking: dates and names stay text
 * so the server can say which row is wrong and why, in one pass, and save nothing.
 */
const rotaImportRow = z.object({
  row: z.number().int().min(1),
  date: zText(40),
  leader: zText(50),
  officers: z.array(zText(50)).max(10),
  backup: zText(50).default(''),
});

export const dutyRotaContract = {
  'duty.listPeople': read<DutyPersonRecord[]>()(z.object({ includeInactive: z.boolean().default(true) }), 'The people register, with current and future leave'),
  'duty.savePerson': write<DutyPersonRecord>()(personInput, 'Add a person (no id) or change one'),
  'duty.addLeave': write<LeaveRecord>()(
    z.object({ personId: zId, from: zDate, to: zDate, reason: zText(200).default('') }),
    'Record leave (inclusive dates); overlapping leave for the same person is refused',
  ),
  'duty.cancelLeave': write<LeaveRecord>()(z.object({ id: zId }), 'Cancel leave; the record is kept'),
  'duty.rotaMonth': read<RotaMonthView>()(z.object({ month: zMonth }), 'One month of the rota with names, phones, fairness totals and conflicts'),
  'duty.generateRota': read<RotaProposal>()(
    z.object({ from: zDate, to: zDate }),
    'Propose a rota for a range from the roster, leave and settings; nothing is saved',
  ),
  'duty.checkRota': read<NamedConflict[]>()(
    z.object({ days: z.array(dayInput).min(1).max(400) }),
    'The conflicts these days would have among the saved rota (shown before saving); nothing is saved',
  ),
  'duty.saveRota': write<{ saved: number; conflicts: NamedConflict[] }>()(
    z.object({
      days: z.array(dayInput).min(1).max(400),
      source: z.enum(['generated', 'manual']),
      /** Required when a manual save changes a saved slot: the history says why. */
      reason: zText(200).default(''),
      /** Saves days with a missing leader, too few officers or back-to-back duty; leave and duplicates are always refused. */
      allowIncomplete: z.boolean().default(false),
    }),
    'Save rota days; days already on the rota are superseded, not overwritten',
  ),
  'duty.importRota': write<{ saved: number; conflicts: NamedConflict[] }>()(
    z.object({ rows: z.array(rotaImportRow).min(1).max(400), allowIncomplete: z.boolean().default(false) }),
    'Import rota rows from a spreadsheet by name or phone; any broken row refuses the whole import',
  ),
  'duty.swap': write<{ changes: RotaChangeRecord[]; warnings: NamedConflict[] }>()(
    z.object({ first: dutyRef, second: dutyRef, reason }),
    'Two people trade duties (调班), keeping the original assignments',
  ),
  'duty.replace': write<{ changes: RotaChangeRecord[]; warnings: NamedConflict[] }>()(
    z.object({ date: zDate, fromPersonId: zId, toPersonId: zId, reason }),
    'Someone else takes one duty (替班), keeping the original assignment',
  ),
  'duty.rotaChanges': read<RotaChangeRecord[]>()(z.object({ from: zDate, to: zDate }), 'Who changed the rota, when and why'),
  'duty.extendDuty': write<ExtensionView>()(
    z.object({
      date: zDate.optional(),
      warningId: zId.nullable().default(null),
      untilMs: zInstant.nullable().default(null),
      extraPersonIds: z.array(zId).max(20).default([]),
      note: zText(500).default(''),
    }),
    'Keep a duty day on watch until a warning is lifted or a set time (在岗值守), adding people',
  ),
  'duty.endExtension': write<ExtensionView>()(z.object({ id: zId }), 'End an extended watch'),
};
