import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { consentAgendaItems, decisions, items, users, type Item } from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { loadItem, patchItem } from '@/lib/backlog/items.server';
import { transitionError } from '@/lib/backlog/status-machine';
import { attendeeRole } from '@/lib/meetings/access.server';
import { rankAtBottom } from './decisions.server';
import {
  assertIsFacilitator,
  assertLive,
  getLiveMeeting,
  isFacilitator,
  liveEvent,
  liveTransaction,
  setItemState,
} from './core.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * The consent agenda in the live meeting: items the pm expects nobody to dispute, accepted
 * together in one decision unless a leader pulls one out to discuss it like any other item.
 */

export const CONSENT_REASON = 'Accepted on the consent agenda';

export type ConsentEntry = { itemId: number; title: string; pulledBy: string | null };

/** The block as the room sees it: the items still in it, and those pulled out (by whom). */
export async function consentBlockOf(
  tx: Executor,
  meetingId: number,
): Promise<{ items: ConsentEntry[]; pulled: ConsentEntry[] }> {
  const rows = await tx
    .select({
      itemId: consentAgendaItems.itemId,
      title: items.title,
      pulledAt: consentAgendaItems.pulledAt,
      pulledBy: users.name,
    })
    .from(consentAgendaItems)
    .innerJoin(items, eq(items.id, consentAgendaItems.itemId))
    .leftJoin(users, eq(users.id, consentAgendaItems.pulledBy))
    .where(eq(consentAgendaItems.meetingId, meetingId))
    .orderBy(asc(items.title), asc(items.id));
  const decided = new Set(
    (await tx.select({ itemId: decisions.itemId }).from(decisions).where(eq(decisions.meetingId, meetingId))).map(
      (d) => d.itemId,
    ),
  );
  const entry = (r: (typeof rows)[number]): ConsentEntry => ({
    itemId: r.itemId,
    title: r.title,
    pulledBy: r.pulledBy,
  });
  return {
    items: rows.filter((r) => r.pulledAt === null && !decided.has(r.itemId)).map(entry),
    pulled: rows.filter((r) => r.pulledAt !== null).map(entry),
  };
}

/** A voting leader (or the facilitator) takes an item out of the consent block to discuss it. */
export async function pullFromConsent(actor: ActingUser, meetingId: number, itemId: number): Promise<void> {
  await liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    if (!isFacilitator(actor, meeting) && (await attendeeRole(tx, meetingId, actor.id)) !== 'voter')
      throw new ForbiddenError('Only the leaders who vote in this meeting can pull an item out of the consent agenda.');
    assertLive(meeting);
    const row = first(
      await tx
        .select()
        .from(consentAgendaItems)
        .where(and(eq(consentAgendaItems.meetingId, meetingId), eq(consentAgendaItems.itemId, itemId))),
    );
    if (!row)
      throw new ValidationError(
        { itemId: ['This item is not on the consent agenda.'] },
        'This item is not on the consent agenda.',
      );
    if (row.pulledAt !== null) throw new ConflictError('This item has already been pulled out for discussion.');
    const decided = first(
      await tx
        .select({ id: decisions.id })
        .from(decisions)
        .where(and(eq(decisions.meetingId, meetingId), eq(decisions.itemId, itemId))),
    );
    if (decided) throw new ConflictError('This item has already been decided in this meeting.');
    await tx
      .update(consentAgendaItems)
      .set({ pulledBy: actor.id, pulledAt: new Date().toISOString() })
      .where(and(eq(consentAgendaItems.meetingId, meetingId), eq(consentAgendaItems.itemId, itemId)));
    return {
      value: undefined,
      eventId: await liveEvent(tx, actor, meetingId, 'live.consent_pulled', { itemId, by: actor.id }),
    };
  });
}

/**
 * Facilitator: accepts every item still in the consent block, in one transaction. Each item gets
 * its own 'accepted' decision and status change (each logged), as if decided one by one. Refused
 * when the block is empty, the meeting is not live, or an item in it was decided meanwhile.
 */
export async function acceptConsent(actor: ActingUser, meetingId: number): Promise<number[]> {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    assertIsFacilitator(actor, meeting);
    assertLive(meeting);
    const ids = (
      await tx
        .select({ itemId: consentAgendaItems.itemId })
        .from(consentAgendaItems)
        .where(and(eq(consentAgendaItems.meetingId, meetingId), isNull(consentAgendaItems.pulledAt)))
    ).map((r) => r.itemId);
    const decided = ids.length
      ? await tx
          .select({ itemId: decisions.itemId, title: items.title })
          .from(decisions)
          .innerJoin(items, eq(items.id, decisions.itemId))
          .where(and(eq(decisions.meetingId, meetingId), inArray(decisions.itemId, ids)))
      : [];
    // Every item decided (the block was accepted already): the room sees an empty block.
    if (decided.length === ids.length) {
      const message = 'The consent agenda is empty: nothing to accept.';
      throw new ValidationError({ consent: [message] }, message);
    }
    if (decided.length)
      throw new ConflictError(
        `Already decided in this meeting: ${decided.map((d) => `"${d.title}"`).join(', ')}. Pull it out of the consent agenda first.`,
      );
    const loaded: Item[] = [];
    for (const id of ids) loaded.push(await loadItem(tx, id));
    const blocked = loaded.flatMap((item) => {
      const error = transitionError(item.status, 'accepted');
      return error ? [`"${item.title}": ${error}`] : [];
    });
    if (blocked.length) throw new ValidationError({ consent: blocked }, blocked.join(' '));
    const decidedAt = new Date().toISOString();
    for (const item of loaded) {
      const patch: Partial<Item> = { status: 'accepted', decisionReason: CONSENT_REASON };
      if (item.cycleId !== null) patch.rank = await rankAtBottom(tx, item.cycleId);
      await patchItem(tx, actor, item, patch, 'item.status_changed');
      await tx.insert(decisions).values({
        meetingId,
        itemId: item.id,
        outcome: 'accepted',
        reason: CONSENT_REASON,
        notes: '',
        suggested: null,
        decidedBy: actor.id,
        decidedAt,
      });
      await setItemState(tx, meetingId, item.id, { votingClosed: true, revealed: true });
      await liveEvent(tx, actor, meetingId, 'live.decision_recorded', {
        itemId: item.id,
        outcome: 'accepted',
        reason: CONSENT_REASON,
        notes: '',
        suggested: null,
        decidedWhileHidden: false,
        consent: true,
      });
    }
    const eventId = await liveEvent(tx, actor, meetingId, 'live.consent_accepted', { itemIds: ids });
    return { value: ids, eventId };
  });
}
