import { describe, expect, it } from 'vitest';
import { comments } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { db } from '@/lib/testing/db';
import { assertQuestionOf } from './scope.server';

describe('assertQuestionOf', () => {
  it("lets the meeting's own question through and refuses it under another meeting", async () => {
    const [a, b] = [await plannedMeeting({ items: 1 }), await plannedMeeting({ items: 1 })];
    const question = (
      await db
        .insert(comments)
        .values({
          itemId: a.items[0].id,
          meetingId: a.meeting.id,
          authorId: a.pm.id,
          kind: 'question',
          body: 'How long?',
          createdAt: new Date().toISOString(),
        })
        .returning()
    )[0];
    await assertQuestionOf(a.meeting.id, question.id);
    await expect(assertQuestionOf(b.meeting.id, question.id)).rejects.toThrow(NotFoundError);
    await expect(assertQuestionOf(a.meeting.id, 999_999_999)).rejects.toThrow(NotFoundError);
  });
});
