import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { demoFeedback, demoItems, items, scheduleEntries, users, type DemoFeedback } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { can } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { formatMeetingTime } from '@/lib/meetings/format';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';
import { notifyStage } from '@/lib/schedule/stage-notify.server';
import { parseOrThrow } from '@/lib/validation';
import { TITLE_MAX } from '@/lib/backlog/item-schema';
import { demoPath, isInvited, loadDemo, logDemoEvent } from './access.server';
import { FeedbackSchema, VERDICT_LABELS } from './schema';

/** Invitees give feedback; a pm or admin may too, invited or not. */
const mayGiveFeedback = async (tx: Executor, actor: ActingUser, demoId: number) =>
  can(actor, 'request.triage') || (await isInvited(tx, demoId, actor.id));

/** The item's owner on the schedule and every active pm hear of feedback. */
async function feedbackRecipients(tx: Executor, itemId: number): Promise<number[]> {
  const owner = first(
    await tx.select({ id: scheduleEntries.ownerId }).from(scheduleEntries).where(eq(scheduleEntries.itemId, itemId)),
  );
  const pms = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'pm'), eq(users.active, true)));
  return [...new Set([...(owner?.id ? [owner.id] : []), ...pms.map((p) => p.id)])];
}

/**
 * One person's feedback on one item shown at a demo. A person has one feedback per item per demo:
 * giving it again replaces the earlier one (they changed their mind), unless the earlier concern
 * has already become a request, which then stands.
 */
export async function giveFeedback(
  actor: ActingUser,
  demoId: number,
  itemId: number,
  input: unknown,
  now = new Date(),
): Promise<DemoFeedback> {
  const data = parseOrThrow(FeedbackSchema, input);
  return transaction(async (tx) => {
    const demo = await loadDemo(tx, demoId);
    if (!(await mayGiveFeedback(tx, actor, demoId)))
      throw new ForbiddenError('Only the people invited to this demo can give feedback on it.');
    if (demo.cancelledAt) throw new ConflictError('This demo was cancelled: it takes no feedback.');
    const onDemo = first(
      await tx
        .select({ shownAt: demoItems.shownAt, title: items.title })
        .from(demoItems)
        .innerJoin(items, eq(items.id, demoItems.itemId))
        .where(and(eq(demoItems.demoId, demoId), eq(demoItems.itemId, itemId))),
    );
    if (!onDemo) throw new NotFoundError('This item on the demo');
    if (!onDemo.shownAt) throw new ConflictError(`"${onDemo.title}" was not shown at this demo: no feedback yet.`);
    if (now.toISOString() > demo.feedbackClosesAt)
      throw new ConflictError(
        `Feedback closed on ${formatMeetingTime(demo.feedbackClosesAt, actor.timeZone ?? 'UTC')}.`,
      );
    const earlier = first(
      await tx
        .select()
        .from(demoFeedback)
        .where(
          and(eq(demoFeedback.demoId, demoId), eq(demoFeedback.itemId, itemId), eq(demoFeedback.authorId, actor.id)),
        ),
    );
    if (earlier?.requestItemId)
      throw new ConflictError('Your concern on this item has already become a request: it can no longer be changed.');
    const firstOnItem = !first(
      await tx.select({ id: demoFeedback.id }).from(demoFeedback).where(eq(demoFeedback.itemId, itemId)).limit(1),
    );
    const values = { verdict: data.verdict, comment: data.comment, createdAt: now.toISOString() };
    const row = earlier
      ? (await tx.update(demoFeedback).set(values).where(eq(demoFeedback.id, earlier.id)).returning())[0]
      : (
          await tx
            .insert(demoFeedback)
            .values({ ...values, demoId, itemId, authorId: actor.id })
            .returning()
        )[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: earlier ? 'demo.feedback_changed' : 'demo.feedback_given',
      subjectType: 'item',
      subjectId: itemId,
      data: { demoId, feedbackId: row.id, verdict: data.verdict, comment: data.comment },
    });
    const cycle = await loadCycle(tx, demo.cycleId);
    const heading = `${VERDICT_LABELS[data.verdict]}: ${onDemo.title}`;
    const lines = [
      `${actor.name} gave feedback on "${onDemo.title}", shown at ${demo.title}: ${VERDICT_LABELS[data.verdict].toLowerCase()}.`,
      ...(data.comment ? [data.comment] : []),
    ];
    await notify(tx, {
      userIds: (await feedbackRecipients(tx, itemId)).filter((id) => id !== actor.id),
      kind: 'demo.feedback',
      title: heading,
      body: data.comment.slice(0, 200),
      link: `${demoPath(demoId)}#item-${itemId}`,
      email: () =>
        composeEmail({
          cycleName: cycle.name,
          heading,
          lines,
          action: { label: 'Open the demo', path: `${demoPath(demoId)}#item-${itemId}` },
        }),
    });
    // The requestors follow their item to its last stage: feedback on it once delivered.
    const item = first(await tx.select().from(items).where(eq(items.id, itemId)))!;
    if (firstOnItem && item.status === 'delivered')
      await notifyStage(tx, actor, item, { stage: 'feedback', demoTitle: demo.title });
    return row;
  });
}

/**
 * A concern becomes a new request in one step (its author or a pm): submitted, in triage like any
 * other, requested by the concern's author, and linked both ways (the feedback row and an event on
 * both items).
 */
export async function turnConcernIntoRequest(actor: ActingUser, demoId: number, feedbackId: number, now = new Date()) {
  return transaction(async (tx) => {
    const feedback = first(await tx.select().from(demoFeedback).where(eq(demoFeedback.id, feedbackId)));
    if (!feedback || feedback.demoId !== demoId) throw new NotFoundError('This feedback');
    if (feedback.authorId !== actor.id && !can(actor, 'request.triage')) throw new ForbiddenError();
    if (feedback.verdict !== 'concern') throw new ConflictError('Only a concern can become a request.');
    if (feedback.requestItemId) throw new ConflictError('This concern has already become a request.');
    const item = first(await tx.select().from(items).where(eq(items.id, feedback.itemId)))!;
    const author = first(
      await tx.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, feedback.authorId)),
    )!;
    const at = now.toISOString();
    const title = `Follow-up: ${item.title}`.slice(0, TITLE_MAX);
    const request = (
      await tx
        .insert(items)
        .values({
          title,
          description: feedback.comment,
          requestorId: feedback.authorId,
          departmentId: author.departmentId,
          status: 'submitted',
          kind: 'feature',
          createdAt: at,
          updatedAt: at,
        })
        .returning()
    )[0];
    await tx.update(demoFeedback).set({ requestItemId: request.id }).where(eq(demoFeedback.id, feedbackId));
    const link = { demoId: feedback.demoId, feedbackId, fromItemId: item.id, requestItemId: request.id };
    await logEvent(tx, {
      actorId: actor.id,
      type: 'request.submitted',
      subjectType: 'item',
      subjectId: request.id,
      data: { after: { title, description: feedback.comment, departmentId: author.departmentId }, from: link },
    });
    await logEvent(tx, {
      actorId: actor.id,
      type: 'demo.concern_became_request',
      subjectType: 'item',
      subjectId: item.id,
      data: link,
    });
    await logDemoEvent(tx, actor.id, feedback.demoId, 'demo.concern_became_request', link);
    return request;
  });
}
