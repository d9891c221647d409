import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { demoFeedback, demoInvitees, demoItems, demos, type Demo } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { assertNotCancelled, loadDemo, logDemoEvent } from './access.server';
import { checkDemoItems, checkPeople } from './invitees.server';
import { sendDemoInvitations, sendFeedbackReopened } from './mail.server';
import { demoInputSchema, feedbackWindowSchema, type DemoInput } from './schema';

const DAY_MS = 86_400_000;

/** Feedback is taken from the demo until `feedbackDays` days after it ends. */
export function feedbackClosesAt(startsAt: string, durationMinutes: number, feedbackDays: number): string {
  return new Date(Date.parse(startsAt) + durationMinutes * 60_000 + feedbackDays * DAY_MS).toISOString();
}

async function checkedInput(tx: Executor, cycleId: number, data: DemoInput) {
  const cycle = await loadCycle(tx, cycleId);
  if (cycle.status === 'closed') throw new ConflictError(`${cycle.name} is closed: no demo can be scheduled in it.`);
  const shown = await checkDemoItems(tx, cycleId, data.itemIds);
  const inviteeIds = await checkPeople(tx, data.presenterId!, data.inviteeIds);
  const fields = {
    title: data.title,
    startsAt: data.startsAt,
    timeZone: data.timeZone,
    durationMinutes: data.durationMinutes,
    presenterId: data.presenterId!,
    feedbackClosesAt: feedbackClosesAt(data.startsAt, data.durationMinutes, data.feedbackDays),
  };
  return { cycle, itemIds: shown.map((i) => i.id), inviteeIds, fields };
}

/**
 * Schedules a demo of a cycle's scheduled, in-delivery or delivered items, and invites people: each
 * gets a notification and an e-mail with the calendar invitation, in the same transaction.
 */
export async function scheduleDemo(
  actor: ActingUser,
  cycleId: number,
  input: unknown,
  now = new Date(),
): Promise<Demo> {
  assertCan(actor, 'demo.manage');
  const data = parseOrThrow(demoInputSchema(now), input);
  return transaction(async (tx) => {
    const { cycle, itemIds, inviteeIds, fields } = await checkedInput(tx, cycleId, data);
    const demo = (
      await tx
        .insert(demos)
        .values({ ...fields, cycleId, createdBy: actor.id, icsSequence: 0, createdAt: now.toISOString() })
        .returning()
    )[0];
    await tx
      .insert(demoItems)
      .values(itemIds.map((itemId, position) => ({ demoId: demo.id, itemId, position, links: [] })));
    await tx.insert(demoInvitees).values(inviteeIds.map((userId) => ({ demoId: demo.id, userId })));
    await logDemoEvent(tx, actor.id, demo.id, 'demo.scheduled', { cycleId, after: { ...fields, itemIds, inviteeIds } });
    await sendDemoInvitations(tx, {
      demo,
      cycleName: cycle.name,
      userIds: inviteeIds,
      attendeeIds: inviteeIds,
      method: 'REQUEST',
      now,
      change: 'new',
    });
    return demo;
  });
}

/**
 * Changes a demo. The invitation's SEQUENCE rises, so calendars replace their copy: those still
 * invited get the new one, those taken off the list a cancellation. An item already shown stays.
 */
export async function updateDemo(actor: ActingUser, demoId: number, input: unknown, now = new Date()): Promise<Demo> {
  assertCan(actor, 'demo.manage');
  const data = parseOrThrow(demoInputSchema(now), input);
  return transaction(async (tx) => {
    const before = await loadDemo(tx, demoId);
    assertNotCancelled(before);
    const { cycle, itemIds, inviteeIds, fields } = await checkedInput(tx, before.cycleId, data);
    const oldItems = await tx.select().from(demoItems).where(eq(demoItems.demoId, demoId));
    const droppedShown = oldItems.filter((i) => i.shownAt && !itemIds.includes(i.itemId));
    if (droppedShown.length)
      throw new ConflictError('An item already shown at this demo cannot be taken off it.', 'itemIds');
    const dropped = oldItems.filter((i) => !itemIds.includes(i.itemId)).map((i) => i.itemId);
    if (dropped.length)
      await tx.delete(demoItems).where(and(eq(demoItems.demoId, demoId), inArray(demoItems.itemId, dropped)));
    const kept = new Set(oldItems.map((i) => i.itemId));
    for (const [position, itemId] of itemIds.entries()) {
      if (kept.has(itemId))
        await tx
          .update(demoItems)
          .set({ position })
          .where(and(eq(demoItems.demoId, demoId), eq(demoItems.itemId, itemId)));
      else await tx.insert(demoItems).values({ demoId, itemId, position, links: [] });
    }
    const oldInvitees = (
      await tx.select({ id: demoInvitees.userId }).from(demoInvitees).where(eq(demoInvitees.demoId, demoId))
    ).map((r) => r.id);
    const removed = oldInvitees.filter((id) => !inviteeIds.includes(id));
    const added = inviteeIds.filter((id) => !oldInvitees.includes(id));
    if (removed.length)
      await tx.delete(demoInvitees).where(and(eq(demoInvitees.demoId, demoId), inArray(demoInvitees.userId, removed)));
    if (added.length) await tx.insert(demoInvitees).values(added.map((userId) => ({ demoId, userId })));
    const after = (
      await tx
        .update(demos)
        .set({ ...fields, icsSequence: before.icsSequence + 1 })
        .where(eq(demos.id, demoId))
        .returning()
    )[0];
    await logDemoEvent(tx, actor.id, demoId, 'demo.updated', {
      after: { ...fields, itemIds },
      invited: added,
      uninvited: removed,
    });
    const common = { demo: after, cycleName: cycle.name, attendeeIds: inviteeIds, now };
    const stayed = inviteeIds.filter((id) => !added.includes(id));
    await sendDemoInvitations(tx, { ...common, userIds: stayed, method: 'REQUEST', change: 'changed' });
    await sendDemoInvitations(tx, { ...common, userIds: added, method: 'REQUEST', change: 'new' });
    await sendDemoInvitations(tx, { ...common, userIds: removed, method: 'CANCEL', change: 'removed' });
    return after;
  });
}

/** Cancels a demo: every invitee gets the calendar cancellation. Kept, marked cancelled, for the history. */
export async function cancelDemo(actor: ActingUser, demoId: number, now = new Date()): Promise<Demo> {
  assertCan(actor, 'demo.manage');
  return transaction(async (tx) => {
    const before = await loadDemo(tx, demoId);
    assertNotCancelled(before);
    const cycle = await loadCycle(tx, before.cycleId);
    const after = (
      await tx
        .update(demos)
        .set({ cancelledAt: now.toISOString(), icsSequence: before.icsSequence + 1 })
        .where(eq(demos.id, demoId))
        .returning()
    )[0];
    const inviteeIds = (
      await tx.select({ id: demoInvitees.userId }).from(demoInvitees).where(eq(demoInvitees.demoId, demoId))
    ).map((r) => r.id);
    await logDemoEvent(tx, actor.id, demoId, 'demo.cancelled', { cycleId: before.cycleId });
    await sendDemoInvitations(tx, {
      demo: after,
      cycleName: cycle.name,
      userIds: inviteeIds,
      attendeeIds: inviteeIds,
      method: 'CANCEL',
      now,
      change: 'cancelled',
    });
    return after;
  });
}

/**
 * Opens feedback on a demo that has started for `feedbackDays` more days from now (or from its end,
 * if it is still under way), for attendees who could not give it in time. Before the demo, the
 * window is part of the demo's own fields ("Change the demo"). Logged with the old and new close;
 * the invitees who have given no feedback yet are told, in-app and by e-mail.
 */
export async function reopenFeedback(
  actor: ActingUser,
  demoId: number,
  input: unknown,
  now = new Date(),
): Promise<Demo> {
  assertCan(actor, 'demo.manage');
  const { feedbackDays } = parseOrThrow(feedbackWindowSchema, input);
  return transaction(async (tx) => {
    const before = await loadDemo(tx, demoId);
    assertNotCancelled(before);
    if (Date.parse(before.startsAt) > now.getTime())
      throw new ConflictError('This demo has not started yet: set its feedback window under “Change the demo”.');
    const end = Date.parse(before.startsAt) + before.durationMinutes * 60_000;
    const closesAt = new Date(Math.max(end, now.getTime()) + feedbackDays * DAY_MS).toISOString();
    const after = (
      await tx.update(demos).set({ feedbackClosesAt: closesAt }).where(eq(demos.id, demoId)).returning()
    )[0];
    await logDemoEvent(tx, actor.id, demoId, 'demo.feedback_reopened', {
      before: { feedbackClosesAt: before.feedbackClosesAt },
      after: { feedbackClosesAt: closesAt },
    });
    const invitees = await tx
      .select({ id: demoInvitees.userId })
      .from(demoInvitees)
      .where(eq(demoInvitees.demoId, demoId));
    const gave = new Set(
      (await tx.select({ id: demoFeedback.authorId }).from(demoFeedback).where(eq(demoFeedback.demoId, demoId))).map(
        (r) => r.id,
      ),
    );
    const cycle = await loadCycle(tx, before.cycleId);
    const userIds = invitees.map((r) => r.id).filter((id) => !gave.has(id));
    await sendFeedbackReopened(tx, { demo: after, cycleName: cycle.name, userIds });
    return after;
  });
}
