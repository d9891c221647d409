import 'server-only';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { decisions, DECISION_OUTCOMES, items, type DecisionRow, type Item } from '@/db/schema';

import { ConflictError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { loadItem, patchItem } from '@/lib/backlog/items.server';
import { transitionError } from '@/lib/backlog/status-machine';
import { parseOrThrow } from '@/lib/validation';
import { keyBetween } from '@/lib/ranking/fractional-index';
import { checkDecision, MAX_DECISION_TEXT } from './tally';
import {
  assertIsFacilitator,
  assertLive,
  assertOnAgenda,
  itemStateOf,
  liveEvent,
  liveTransaction,
  getLiveMeeting,
  setItemState,
  settingsOf,
  suggestionOf,
  tallyOf,
} from './core.server';
import { decideRefusal, hiddenVotesWarning } from './warnings';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

export const DecisionSchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { error: 'Choose accepted, rejected or deferred.' }),
  reason: z.string().optional().default(''),
  note: z.string().optional().default(''),
  /** Needed while the item's votes are hidden (warnings.ts). */
  confirmHiddenVotes: z.boolean({ error: 'confirmHiddenVotes must be true or false.' }).optional().default(false),
});

/** The rank after every ranked accepted item of the cycle: a newly accepted item goes to the bottom. */
export async function rankAtBottom(tx: Executor, cycleId: number): Promise<string> {
  const last = first(
    await tx
      .select({ rank: items.rank })
      .from(items)
      .where(and(eq(items.cycleId, cycleId), eq(items.status, 'accepted'), isNotNull(items.rank)))
      .orderBy(desc(items.rank))
      .limit(1),
  );
  return keyBetween(last?.rank ?? null, null);
}

/**
 * Facilitator: records the decision on an agenda item. A rejection needs a reason; deciding
 * otherwise than the tally suggests needs a note (`checkDecision`). Moves the item's status through
 * the status machine (an `item.status_changed` event on the item), closes voting and reveals the
 * votes on it (the decision is recorded with its tally), and writes one `live.decision_recorded`.
 * An item is decided once per meeting.
 */
export async function recordDecision(
  actor: ActingUser,
  meetingId: number,
  itemId: number,
  input: unknown,
): Promise<DecisionRow> {
  const parsed = parseOrThrow(DecisionSchema, input);
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    assertIsFacilitator(actor, meeting);
    assertLive(meeting);
    await assertOnAgenda(tx, meetingId, itemId);
    const existing = first(
      await tx
        .select({ id: decisions.id })
        .from(decisions)
        .where(and(eq(decisions.meetingId, meetingId), eq(decisions.itemId, itemId))),
    );
    if (existing) throw new ConflictError('This item has already been decided in this meeting.');
    const hidden =
      (await settingsOf(tx, meetingId)).votesVisibility === 'hidden' &&
      !(await itemStateOf(tx, meetingId, itemId)).revealed;
    const { turnout } = await tallyOf(tx, meetingId, itemId);
    const warning = hiddenVotesWarning({ hidden, voted: turnout.voted, eligible: turnout.eligible });
    if (warning && !parsed.confirmHiddenVotes)
      throw new ValidationError({ confirmHiddenVotes: [decideRefusal(warning)] }, decideRefusal(warning));
    const suggested = await suggestionOf(tx, meetingId, itemId);
    const problem = checkDecision({ outcome: parsed.outcome, reason: parsed.reason, note: parsed.note, suggested });
    if (problem) throw new ValidationError({ [problem.field]: [problem.message] }, problem.message);

    const item = await loadItem(tx, itemId);
    const statusError = transitionError(item.status, parsed.outcome);
    if (statusError) throw new ValidationError({ outcome: [statusError] }, statusError);
    const reason = parsed.reason.trim();
    const patch: Partial<Item> = { status: parsed.outcome, decisionReason: reason === '' ? null : reason };
    if (parsed.outcome === 'accepted' && item.cycleId !== null) patch.rank = await rankAtBottom(tx, item.cycleId);
    await patchItem(tx, actor, item, patch, 'item.status_changed');

    const row = (
      await tx
        .insert(decisions)
        .values({
          meetingId,
          itemId,
          outcome: parsed.outcome,
          reason,
          notes: parsed.note.trim(),
          suggested,
          decidedBy: actor.id,
          decidedAt: new Date().toISOString(),
        })
        .returning()
    )[0];
    await setItemState(tx, meetingId, itemId, { votingClosed: true, revealed: true });
    const eventId = await liveEvent(tx, actor, meetingId, 'live.decision_recorded', {
      itemId,
      outcome: row.outcome,
      reason: row.reason,
      notes: row.notes,
      suggested,
      decidedWhileHidden: hidden,
    });
    return { value: row, eventId };
  });
}

const NoteSchema = z
  .string()
  .trim()
  .min(1, 'Write the note first.')
  .max(MAX_DECISION_TEXT, 'Keep the note to 2,000 characters or fewer.');

/** Facilitator: appends a note to an agenda item (visible to every participant). Returns all the item's notes. */
export async function addNote(actor: ActingUser, meetingId: number, itemId: number, text: unknown): Promise<string> {
  const note = parseOrThrow(z.object({ note: NoteSchema }), { note: text }).note;
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    assertIsFacilitator(actor, meeting);
    assertLive(meeting);
    await assertOnAgenda(tx, meetingId, itemId);
    const before = (await itemStateOf(tx, meetingId, itemId)).notes;
    const notes = before === '' ? note : `${before}\n${note}`;
    await setItemState(tx, meetingId, itemId, { notes });
    return { value: notes, eventId: await liveEvent(tx, actor, meetingId, 'live.note_added', { itemId, note }) };
  });
}
