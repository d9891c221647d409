import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { comments, items, type Comment } from '@/db/schema';

import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { loadMeeting } from '@/lib/meetings/access.server';
import { questionsClosedMessage, questionsOpen } from '@/lib/questions/window';
import { loadPrereadState, snapshotHasItem } from '@/lib/meetings/preread-state.server';
import { parseOrThrow } from '@/lib/validation';
import { completeTask, tasks } from '@/lib/notifications/tasks.server';
import { notifyAsker, notifyQuestionAsked } from './messages.server';
import { activePmIds, canAnswerQuestion, canAskQuestion, canResolveQuestion, smeResolver } from './roles.server';
import { AnswerSchema, QuestionSchema } from './schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

async function itemFacts(tx: Executor, itemId: number) {
  const item = first(
    await tx
      .select({
        id: items.id,
        title: items.title,
        sponsorId: items.sponsorId,
        sme: items.sme,
        smeUserId: items.smeUserId,
      })
      .from(items)
      .where(eq(items.id, itemId)),
  );
  if (!item) throw new NotFoundError('This item');
  return item;
}

/** A question (not an answer) asked on a meeting's pre-read, with its meeting and item. */
async function loadQuestion(tx: Executor, questionId: number) {
  const question = first(
    await tx
      .select()
      .from(comments)
      .where(and(eq(comments.id, questionId), eq(comments.kind, 'question'))),
  );
  if (!question || question.meetingId === null) throw new NotFoundError('This question');
  return { question, meeting: await loadMeeting(tx, question.meetingId), item: await itemFacts(tx, question.itemId) };
}

const refuse = (field: string, message: string) => new ValidationError({ [field]: [message] }, message);

/**
 * An attendee (voter or observer), the facilitator or a pm/admin asks about an item on the
 * meeting's pre-read, until the questions deadline. The body is kept as typed (trimmed): it is
 * plain text and every view escapes it. Sponsor, SME, facilitator and pms hear of it.
 */
export async function askQuestion(
  actor: ActingUser,
  meetingId: number,
  itemId: number,
  body: unknown,
  now = new Date(),
): Promise<Comment> {
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    if (!(await canAskQuestion(tx, actor, meeting)))
      throw new ForbiddenError(
        'Only the meeting’s attendees, its facilitator and the pm can ask questions on its pre-read.',
      );
    const state = await loadPrereadState(tx, meetingId);
    if (!state) throw refuse('body', 'The pre-read has not been distributed yet.');
    if (!snapshotHasItem(state.snapshot, itemId)) throw refuse('body', 'This item is not on the pre-read.');
    if (!questionsOpen(meeting.questionsCloseAt, now))
      throw refuse('body', questionsClosedMessage(meeting.questionsCloseAt, actor.timeZone));
    const { body: text } = parseOrThrow(QuestionSchema, { body });
    const item = await itemFacts(tx, itemId);

    const question = (
      await tx
        .insert(comments)
        .values({
          itemId,
          meetingId,
          authorId: actor.id,
          kind: 'question',
          body: text,
          createdAt: now.toISOString(),
        })
        .returning()
    )[0];
    await notifyQuestionAsked(tx, {
      meeting,
      item,
      actorId: actor.id,
      questionId: question.id,
      question: text,
      recipients: [
        item.sponsorId,
        (await smeResolver(tx))(item.sme, item.smeUserId),
        meeting.facilitatorId,
        ...(await activePmIds(tx)),
      ],
    });
    await logEvent(tx, {
      actorId: actor.id,
      type: 'question.asked',
      subjectType: 'item',
      subjectId: itemId,
      data: { meetingId, questionId: question.id },
    });
    return question;
  });
}

/** The item's sponsor or SME, the facilitator or a pm/admin answers an open question; the asker hears of it. */
export async function answerQuestion(
  actor: ActingUser,
  questionId: number,
  body: unknown,
  now = new Date(),
): Promise<Comment> {
  return transaction(async (tx) => {
    const { question, meeting, item } = await loadQuestion(tx, questionId);
    if (!canAnswerQuestion(actor, meeting, item, await smeResolver(tx))) {
      throw new ForbiddenError(
        'Only the item’s sponsor and SME, the facilitator and the pm can answer questions on it.',
      );
    }
    if (question.resolvedAt) throw refuse('body', 'This question is resolved and closed to answers.');
    const { body: text } = parseOrThrow(AnswerSchema, { body });

    const answer = (
      await tx
        .insert(comments)
        .values({
          itemId: question.itemId,
          meetingId: meeting.id,
          authorId: actor.id,
          kind: 'answer',
          body: text,
          parentId: question.id,
          createdAt: now.toISOString(),
        })
        .returning()
    )[0];
    await completeTask(tx, tasks.answerQuestion(question.id), actor.id, now);
    await notifyAsker(tx, {
      meeting,
      item,
      actorId: actor.id,
      askerId: question.authorId,
      kind: 'question.answered',
      question: question.body,
      answer: text,
    });
    await logEvent(tx, {
      actorId: actor.id,
      type: 'question.answered',
      subjectType: 'item',
      subjectId: item.id,
      data: { meetingId: meeting.id, questionId, answerId: answer.id },
    });
    return answer;
  });
}

/** The facilitator or a pm/admin closes a thread; no more answers after this. */
export async function resolveQuestion(actor: ActingUser, questionId: number, now = new Date()): Promise<Comment> {
  return transaction(async (tx) => {
    const { question, meeting, item } = await loadQuestion(tx, questionId);
    if (!canResolveQuestion(actor, meeting))
      throw new ForbiddenError('Only the facilitator and the pm can mark a question resolved.');
    if (question.resolvedAt) throw refuse('_form', 'This question is already resolved.');

    const resolved = (
      await tx
        .update(comments)
        .set({ resolvedAt: now.toISOString(), resolvedBy: actor.id })
        .where(eq(comments.id, question.id))
        .returning()
    )[0];
    // Nobody can answer it any more: nobody is still asked to.
    await completeTask(tx, tasks.answerQuestion(question.id), undefined, now);
    await notifyAsker(tx, {
      meeting,
      item,
      actorId: actor.id,
      askerId: question.authorId,
      kind: 'question.resolved',
      question: question.body,
    });
    await logEvent(tx, {
      actorId: actor.id,
      type: 'question.resolved',
      subjectType: 'item',
      subjectId: item.id,
      data: { meetingId: meeting.id, questionId },
    });
    return resolved;
  });
}
