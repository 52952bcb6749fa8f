import { z } from 'zod';
import { read, write } from './define';
import {
  checkStatuses,
  warningColours,
  warningTypes,
  zLevel,
  type EquipmentCheckRecord,
  type EquipmentOverview,
  type HandoverRecord,
  type HandoverSavedDraft,
  type HandoverView,
  type ResponseRecord,
  type WarningRecord,
  type WarningsOverview,
} from './dutyShared';
import { zDate, zId, zInstant, zName, zText } from './fields';

const lift = z.object({ id: zId, liftedAtMs: zInstant.optional(), liftedBy: zName.max(100), note: zText(500).default('') });
const lang = z.enum(['zh', 'en']).default('zh');

export const dutyDeskContract = {
  'duty.warnings': read<WarningsOverview>()(
    z.object({ recentLimit: z.number().int().min(1).max(500).default(50) }),
    'Warnings in force and recent, the response level, its suggestion from the warnings, and extended watches',
  ),
  'duty.issueWarning': write<WarningRecord>()(
    z.object({
      type: z.enum(warningTypes),
      colour: z.enum(warningColours),
      content: zText(2000).default(''),
      issuedBy: zName.max(100),
      issuedAtMs: zInstant.optional(),
      eventId: zId.nullable().default(null),
    }),
    'Record a warning signal received; it is also written to the duty log',
  ),
  'duty.liftWarning': write<WarningRecord>()(lift, 'Record that a warning was lifted; the lifting is written to the duty log'),
  'duty.declareResponse': write<ResponseRecord>()(
    z.object({
      level: zLevel,
      declaredBy: zName.max(100),
      declaredAtMs: zInstant.optional(),
      content: zText(2000).default(''),
      eventId: zId.nullable().default(null),
    }),
    'Record an emergency response level (Ⅳ lowest … Ⅰ highest) declared by the command; a level in force is replaced',
  ),
  'duty.liftResponse': write<ResponseRecord>()(lift, 'Record that the response was lifted'),
  'duty.eventLinks': read<{ warnings: WarningRecord[]; responses: ResponseRecord[] }>()(
    z.object({ eventId: zId }),
    'The warnings and response levels recorded under a named event, oldest first: its course on the event page',
  ),
  'duty.equipment': read<EquipmentOverview>()(
    z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    'The checklist, recent checks and faults still open',
  ),
  'duty.recordCheck': write<EquipmentCheckRecord>()(
    z.object({
      atMs: zInstant.optional(),
      checkedBy: zName,
      note: zText(500).default(''),
      items: z
        .array(z.object({ key: zText(40).min(1), status: z.enum(checkStatuses), note: zText(500).default(''), repairedBy: zText(50).default('') }))
        .min(1)
        .max(40),
    }),
    'Record a shift’s equipment check; a fault stays open until a later check finds the item working',
  ),
  'duty.handover': read<HandoverView>()(
    z.object({ outgoingDay: zDate.optional(), lang }),
    'The handover for a duty day: the draft from records, and the signed record if there is one',
  ),
  'duty.saveHandoverDraft': write<HandoverSavedDraft>()(
    z.object({ outgoingDay: zDate, lang, text: zText(20_000).min(1), expectedVersion: z.number().int().min(1).nullable() }),
    'Keep the outgoing officer’s edits to the handover text until it is signed (expectedVersion null for the first save)',
  ),
  'duty.signHandover': write<HandoverRecord>()(
    z.object({ outgoingDay: zDate, lang, text: zText(20_000).min(1), signedBy: zName }),
    'The outgoing officer signs the handover; the text is frozen from then on',
  ),
  'duty.acknowledgeHandover': write<HandoverRecord>()(z.object({ id: zId, acknowledgedBy: zName }), 'The incoming officer acknowledges the handover'),
  'duty.leaderSignOff': write<HandoverRecord>()(z.object({ id: zId, leaderName: zName }), 'The leader on duty signs off the day'),
  'duty.listHandovers': read<HandoverRecord[]>()(z.object({ limit: z.number().int().min(1).max(200).default(30) }), 'Signed handovers, newest first'),
};
