import 'server-only';
import { affectedRows } from '@/db/rows';
import { and, eq, isNull } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';

/**
 * Notifications that ask for something clear themselves once it is done: a pre-read is opened, a
 * question answered, a change request responded to, a flag resolved. The notify call names the task
 * with one of these keys; the code that does the task completes it in the same transaction.
 */

export const tasks = {
  /** Attendees are asked to read the meeting's pre-read (sent, updated, reminded). */
  readPreread: (meetingId: number) => `preread:${meetingId}`,
  /** The item's sponsor, SME, the facilitator and the pms are asked to answer a question. */
  answerQuestion: (questionId: number) => `question:${questionId}`,
  /** Invited leaders are asked to respond in a change request's session (convened, or amended). */
  respondToChange: (changeRequestId: number) => `change_request:${changeRequestId}:respond`,
  /** An item's owner and the pms are asked to resolve a question or flag on the schedule. */
  resolveFlag: (flagId: number) => `flag:${flagId}`,
};

/**
 * Marks read the unread notifications asking for `task`: those of `userId` when it was done by
 * them, or everyone's when it can no longer be done (the question was resolved, the request decided).
 * Returns how many.
 */
export async function completeTask(tx: Executor, task: string, userId?: number, now = new Date()): Promise<number> {
  return affectedRows(
    await tx
      .update(notifications)
      .set({ readAt: now.toISOString() })
      .where(
        and(
          eq(notifications.task, task),
          isNull(notifications.readAt),
          userId === undefined ? undefined : eq(notifications.userId, userId),
        ),
      ),
  );
}
