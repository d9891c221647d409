import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { comments } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { first } from '@/db/rows';

/**
 * The pre-read's question forms name their meeting beside the question (the page to refresh): a
 * question of another meeting is a form Quorum did not make, refused as not found.
 */
export async function assertQuestionOf(meetingId: number, questionId: number): Promise<void> {
  const found = first(
    await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.id, questionId), eq(comments.meetingId, meetingId), eq(comments.kind, 'question'))),
  );
  if (!found) throw new NotFoundError('This question');
}
