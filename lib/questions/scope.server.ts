import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { comments } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';

/**
 * The pre-read's question forms name their meeting beside the question (the page to refresh): a
 * question of another meeting is a form Quorum did not make, refused as not found.
 */
export function assertQuestionOf(meetingId: number, questionId: number): void {
  const found = db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, questionId), eq(comments.meetingId, meetingId), eq(comments.kind, 'question')))
    .get();
  if (!found) throw new NotFoundError('This question');
}
