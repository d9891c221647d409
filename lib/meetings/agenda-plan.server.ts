import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { transaction } from '@/db/client';
import { agendaItems, consentAgendaItems } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { ValidationError, type FieldErrors } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { loadMeeting } from './access.server';
import { replaceAgenda } from './agenda.server';
import { MAX_TIME_BOX_MINUTES } from './time-boxes';
import { logMeetingEvent } from './guards.server';
import { AgendaSchema } from './schema';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * The agenda editor's save: the items in order, each one's time box, and which of them form the
 * consent agenda, in one transaction. Time boxes arrive as `timeBox_<itemId>` fields (empty: an
 * even share of the meeting); the consent agenda changes only before the meeting starts (then the
 * room owns it: leaders pull items out of it), so once started it is left as it is.
 */

export const TIME_BOX_MESSAGE = `Enter whole minutes from 1 to ${MAX_TIME_BOX_MINUTES}, or leave it empty for an even share.`;

const Minutes = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
  z.union(
    [
      z.null(),
      z
        .string()
        .trim()
        .regex(/^[0-9]{1,3}$/, TIME_BOX_MESSAGE)
        .transform(Number)
        .pipe(z.number().int().min(1, TIME_BOX_MESSAGE).max(MAX_TIME_BOX_MINUTES, TIME_BOX_MESSAGE)),
      z.number().int(TIME_BOX_MESSAGE).min(1, TIME_BOX_MESSAGE).max(MAX_TIME_BOX_MINUTES, TIME_BOX_MESSAGE),
    ],
    { error: TIME_BOX_MESSAGE },
  ),
);

const ConsentSchema = z
  .array(z.coerce.number().int().positive(), { error: 'The consent agenda must be a list of items.' })
  .max(1000, 'A consent agenda can hold at most 1000 items.');

export type AgendaPlanInput = { itemIds: unknown; consent: unknown; timeBoxes: Record<string, unknown> };
export type SavedAgendaPlan = { itemIds: number[]; consent: number[]; timeBoxes: Record<number, number | null> };

/** The `timeBox_<id>` fields of a submitted form, keyed by item id. */
export function timeBoxFields(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const m = /^timeBox_(.+)$/.exec(key);
    if (m) out[m[1]] = value;
  }
  return out;
}

function parsePlan(input: AgendaPlanInput): SavedAgendaPlan {
  const lists = parseOrThrow(z.object({ agenda: AgendaSchema, consent: ConsentSchema }), {
    agenda: input.itemIds,
    consent: input.consent,
  });
  const itemIds = [...new Set(lists.agenda)];
  const consent = [...new Set(lists.consent)];
  const errors: FieldErrors = {};
  const timeBoxes: Record<number, number | null> = {};
  for (const id of itemIds) {
    const parsed = Minutes.safeParse(input.timeBoxes[String(id)]);
    if (parsed.success) timeBoxes[id] = parsed.data;
    else errors[`timeBox_${id}`] = [parsed.error.issues[0]?.message ?? TIME_BOX_MESSAGE];
  }
  const strays = consent.filter((id) => !itemIds.includes(id));
  if (strays.length) errors.consent = ['Only items on the agenda can go on the consent agenda.'];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { itemIds, consent, timeBoxes };
}

async function saveTimeBoxes(tx: Executor, meetingId: number, boxes: Record<number, number | null>) {
  const before = await tx
    .select({ itemId: agendaItems.itemId, minutes: agendaItems.timeBoxMinutes })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  const changes: Record<number, { from: number | null; to: number | null }> = {};
  for (const { itemId, minutes } of before) {
    const to = boxes[itemId] ?? null;
    if (to === minutes) continue;
    changes[itemId] = { from: minutes, to };
    await tx
      .update(agendaItems)
      .set({ timeBoxMinutes: to })
      .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.itemId, itemId)));
  }
  return changes;
}

async function saveConsent(tx: Executor, meetingId: number, consent: number[]) {
  const before = (
    await tx
      .select({ itemId: consentAgendaItems.itemId })
      .from(consentAgendaItems)
      .where(eq(consentAgendaItems.meetingId, meetingId))
  ).map((r) => r.itemId);
  const same = before.length === consent.length && before.every((id) => consent.includes(id));
  if (same) return null;
  await tx.delete(consentAgendaItems).where(eq(consentAgendaItems.meetingId, meetingId));
  if (consent.length) await tx.insert(consentAgendaItems).values(consent.map((itemId) => ({ meetingId, itemId })));
  return { before, after: consent };
}

/** pm/admin: saves the agenda, its time boxes and (before the meeting starts) its consent agenda. */
export async function saveAgendaPlan(
  actor: ActingUser,
  meetingId: number,
  input: AgendaPlanInput,
): Promise<SavedAgendaPlan> {
  assertCan(actor, 'meeting.manage');
  const plan = parsePlan(input);
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    await replaceAgenda(tx, actor, meeting, plan.itemIds);
    const changes = await saveTimeBoxes(tx, meetingId, plan.timeBoxes);
    if (Object.keys(changes).length)
      await logMeetingEvent(tx, actor.id, meeting, 'meeting.time_boxes_set', { changes });
    let consent = plan.consent;
    if (meeting.status === 'scheduled') {
      const changed = await saveConsent(tx, meetingId, consent);
      if (changed) await logMeetingEvent(tx, actor.id, meeting, 'meeting.consent_agenda_set', changed);
    } else {
      const kept = await tx
        .select({ itemId: consentAgendaItems.itemId })
        .from(consentAgendaItems)
        .where(and(eq(consentAgendaItems.meetingId, meetingId), isNull(consentAgendaItems.pulledAt)));
      consent = kept.map((r) => r.itemId).filter((id) => plan.itemIds.includes(id));
    }
    return { itemIds: plan.itemIds, consent, timeBoxes: plan.timeBoxes };
  });
}
