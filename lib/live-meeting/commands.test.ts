import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { decisions, votes } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { db } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { runLiveCommand } from './commands.server';

/** The envelope checks which command and which item; the optional fields of each command stay optional. */
describe('runLiveCommand', () => {
  it('takes a vote without a comment and a decision without a reason or note', async () => {
    const s = await plannedMeeting({ items: 2 });
    await runLiveCommand(s.pm, s.meeting.id, {
      action: 'start',
      votesVisibility: 'live',
      weighted: false,
      confirm: ['no_preread', 'early'],
    });
    const itemId = s.items[0].id;
    await runLiveCommand(s.leaders[0], s.meeting.id, { action: 'vote', itemId, choice: 'accept' });
    expect(
      await db
        .select({ choice: votes.choice, comment: votes.comment })
        .from(votes)
        .where(and(eq(votes.meetingId, s.meeting.id), eq(votes.userId, s.leaders[0].id))),
    ).toEqual([{ choice: 'accept', comment: '' }]);
    await runLiveCommand(s.pm, s.meeting.id, { action: 'decide', itemId, outcome: 'accepted' });
    expect(await db.select({ outcome: decisions.outcome }).from(decisions).where(eq(decisions.itemId, itemId))).toEqual(
      [{ outcome: 'accepted' }],
    );
  });

  it('refuses a command it does not know, naming the field', async () => {
    const s = await plannedMeeting({ items: 1 });
    const refusal = await runLiveCommand(s.pm, s.meeting.id, { action: 'explode' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).fieldErrors.action?.[0]).toMatch(/^action must be one of start/);
  });
});
