import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { decisions, items, undecidedItems, UNDECIDED_DISPOSITIONS, type Meeting } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { loadItem, patchItem } from '@/lib/backlog/items.server';
import { transitionError } from '@/lib/backlog/status-machine';
import { agendaIds, liveEvent } from './core.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * Ending well: a meeting that ends with items undecided says, per item, what becomes of it —
 * deferred to the next cycle (a 'deferred' decision), or kept for a follow-up meeting (it stays
 * curated, so a later meeting's agenda can take it). Called inside endMeeting's transaction.
 */

const Disposition = z.object({
  itemId: z.number({ error: 'itemId must be an item id.' }).int().positive({ error: 'itemId must be an item id.' }),
  disposition: z.enum(UNDECIDED_DISPOSITIONS, { error: 'Choose next_cycle or follow_up for each undecided item.' }),
});

export const UndecidedSchema = z
  .array(Disposition, { error: 'undecided must be a list of { itemId, disposition }.' })
  .max(1000, 'undecided can list at most 1000 items.')
  .optional()
  .default([]);

export const deferredReason = (meetingTitle: string) => `Not reached in ${meetingTitle}; deferred to the next cycle.`;

/** Agenda items of the meeting with no decision in it, in agenda order, with their titles. */
export async function undecidedOf(tx: Executor, meetingId: number): Promise<{ id: number; title: string }[]> {
  const agenda = await agendaIds(tx, meetingId);
  if (agenda.length === 0) return [];
  const decided = new Set(
    (await tx.select({ itemId: decisions.itemId }).from(decisions).where(eq(decisions.meetingId, meetingId))).map(
      (d) => d.itemId,
    ),
  );
  const open = agenda.filter((id) => !decided.has(id));
  if (open.length === 0) return [];
  const titles = new Map(
    (await tx.select({ id: items.id, title: items.title }).from(items).where(inArray(items.id, open))).map((r) => [
      r.id,
      r.title,
    ]),
  );
  return open.map((id) => ({ id, title: titles.get(id) ?? `Item #${id}` }));
}

const refuse = (message: string) => new ValidationError({ undecided: [message] }, message);

/**
 * Validates `input` against the meeting's undecided items (it must name each exactly once, and
 * nothing else) and records each choice. Throws before writing anything when it does not match.
 */
export async function recordUndecided(tx: Executor, actor: ActingUser, meeting: Meeting, input: unknown) {
  const parsed = UndecidedSchema.safeParse(input);
  // Said in the message too: the end dialog shows one line, and an API client reads `error` first.
  if (!parsed.success) throw refuse(parsed.error.issues[0]?.message ?? 'undecided is not valid.');
  const given = parsed.data;
  const open = await undecidedOf(tx, meeting.id);
  const openIds = new Set(open.map((o) => o.id));
  const seen = new Set<number>();
  for (const { itemId } of given) {
    if (seen.has(itemId)) throw refuse(`Item #${itemId} is listed twice: choose once per item.`);
    seen.add(itemId);
    if (!openIds.has(itemId))
      throw refuse(`Item #${itemId} is not an undecided item of this meeting: list only the items left undecided.`);
  }
  const missing = open.filter((o) => !seen.has(o.id));
  if (missing.length)
    throw refuse(
      `Say what becomes of each undecided item before ending: ${missing.map((m) => `"${m.title}"`).join(', ')}.`,
    );
  const recordedAt = new Date().toISOString();
  const reason = deferredReason(meeting.title);
  for (const { itemId, disposition } of given) {
    await tx
      .insert(undecidedItems)
      .values({ meetingId: meeting.id, itemId, disposition, recordedBy: actor.id, recordedAt })
      .onConflictDoUpdate({
        target: [undecidedItems.meetingId, undecidedItems.itemId],
        set: { disposition, recordedBy: actor.id, recordedAt },
      });
    if (disposition === 'next_cycle') {
      const item = await loadItem(tx, itemId);
      const error = transitionError(item.status, 'deferred');
      if (error) throw refuse(`"${item.title}" cannot be deferred: ${error}`);
      await patchItem(tx, actor, item, { status: 'deferred', decisionReason: reason }, 'item.status_changed');
      await tx.insert(decisions).values({
        meetingId: meeting.id,
        itemId,
        outcome: 'deferred',
        reason,
        notes: '',
        suggested: null,
        decidedBy: actor.id,
        decidedAt: recordedAt,
      });
      await liveEvent(tx, actor, meeting.id, 'live.decision_recorded', {
        itemId,
        outcome: 'deferred',
        reason,
        notes: '',
        suggested: null,
        decidedWhileHidden: false,
        notReached: true,
      });
    }
    await liveEvent(tx, actor, meeting.id, 'live.undecided_recorded', { itemId, disposition });
  }
}

/** An item left for a follow-up meeting in an earlier meeting (for agendas and notices). */
export async function followUpsOf(tx: Executor, meetingId: number): Promise<number[]> {
  return (
    await tx
      .select({ itemId: undecidedItems.itemId })
      .from(undecidedItems)
      .where(and(eq(undecidedItems.meetingId, meetingId), eq(undecidedItems.disposition, 'follow_up')))
  ).map((r) => r.itemId);
}
