import 'server-only';
import { z } from 'zod';
import { votes, VOTE_CHOICES, type VoteChoice } from '@/db/schema';

import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { attendeeRole } from '@/lib/meetings/access.server';
import { parseOrThrow } from '@/lib/validation';
import {
  assertIsFacilitator,
  assertLive,
  assertOnAgenda,
  itemStateOf,
  liveEvent,
  liveTransaction,
  getLiveMeeting,
  setItemState,
  settingsOf,
  tallyOf,
  votesOn,
} from './core.server';
import type { ActingUser } from '@/lib/auth/acting-user';

export const MAX_VOTE_COMMENT = 1000;

export const VoteSchema = z.object({
  choice: z.enum(VOTE_CHOICES, { error: 'Choose accept, reject or defer.' }),
  comment: z
    .string()
    .trim()
    .max(MAX_VOTE_COMMENT, 'Keep the comment to 1,000 characters or fewer.')
    .optional()
    .default(''),
});

function refuse(field: string, message: string): never {
  throw new ValidationError({ [field]: [message] }, message);
}

/**
 * Casts (or replaces) the acting user's vote on the meeting's current item. The voter is always
 * `actor`: there is no way to vote for someone else.
 *
 * The `live.vote_cast` event is the audit record, so it always holds the choice:
 *   { itemId, userId, choice, comment }                 in 'live' mode
 *   { itemId, userId, choice, comment, hidden: true, voted }   in 'hidden' mode (voted: how many
 *                                                         have voted on the item, which everyone may see)
 * !! The stream layer MUST NOT send a hidden vote as stored. Before the item is revealed, send a
 * !! `hidden: true` vote event as `{ itemId, hidden: true, userId, voted }` only: strip `choice` and
 * !! `comment` — who voted may be seen, never what: `projectForViewer` in
 * !! lib/realtime/replay.server.ts does this for every event the stream or a replay sends.
 * !! The reveal itself is sent as `live.votes_revealed`, carrying the tally.
 */
export async function castVote(
  actor: ActingUser,
  meetingId: number,
  itemId: number,
  input: unknown,
): Promise<{ choice: VoteChoice; comment: string; eventId: number }> {
  const vote = parseOrThrow(VoteSchema, input);
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    const role = await attendeeRole(tx, meetingId, actor.id);
    if (role !== 'voter')
      throw new ForbiddenError(
        role === 'observer' ? 'Observers cannot vote.' : "Only the meeting's voting attendees can vote.",
      );
    assertLive(meeting);
    if (meeting.currentItemId !== itemId) refuse('itemId', 'You can only vote on the item being discussed now.');
    // Read once: nothing else in this transaction changes the item's state.
    const itemState = await itemStateOf(tx, meetingId, itemId);
    if (itemState.votingClosed) refuse('choice', 'Voting on this item is closed.');
    const at = new Date().toISOString();
    await tx
      .insert(votes)
      .values({ meetingId, itemId, userId: actor.id, choice: vote.choice, comment: vote.comment, at })
      .onConflictDoUpdate({
        target: [votes.meetingId, votes.itemId, votes.userId],
        set: { choice: vote.choice, comment: vote.comment, at },
      });
    const hidden = !itemState.revealed && (await settingsOf(tx, meetingId)).votesVisibility === 'hidden';
    const data: Record<string, unknown> = { itemId, userId: actor.id, choice: vote.choice, comment: vote.comment };
    if (hidden) Object.assign(data, { hidden: true, voted: (await votesOn(tx, meetingId, itemId)).length });
    const eventId = await liveEvent(tx, actor, meetingId, 'live.vote_cast', data);
    return { value: { ...vote, eventId }, eventId };
  });
}

function setVoting(actor: ActingUser, meetingId: number, itemId: number, closed: boolean) {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    assertIsFacilitator(actor, meeting);
    assertLive(meeting);
    await assertOnAgenda(tx, meetingId, itemId);
    if ((await itemStateOf(tx, meetingId, itemId)).votingClosed === closed) {
      throw new ConflictError(
        closed ? 'Voting on this item is already closed.' : 'Voting on this item is already open.',
      );
    }
    await setItemState(tx, meetingId, itemId, { votingClosed: closed });
    return {
      value: undefined,
      eventId: await liveEvent(tx, actor, meetingId, closed ? 'live.voting_closed' : 'live.voting_reopened', {
        itemId,
      }),
    };
  });
}

/** Facilitator: no more votes or changes on this item. */
export async function closeVoting(actor: ActingUser, meetingId: number, itemId: number): Promise<void> {
  await setVoting(actor, meetingId, itemId, true);
}

/** Facilitator: votes may be cast or changed again. */
export async function reopenVoting(actor: ActingUser, meetingId: number, itemId: number): Promise<void> {
  await setVoting(actor, meetingId, itemId, false);
}

/** Facilitator: shows hidden votes to everyone. The event carries the tally, so the stream can show it at once. */
export async function revealVotes(actor: ActingUser, meetingId: number, itemId: number): Promise<void> {
  await liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    assertIsFacilitator(actor, meeting);
    if (meeting.status === 'closed') throw new ConflictError('The meeting has already ended.');
    await assertOnAgenda(tx, meetingId, itemId);
    if ((await itemStateOf(tx, meetingId, itemId)).revealed)
      throw new ConflictError('The votes on this item are already shown.');
    await setItemState(tx, meetingId, itemId, { revealed: true });
    const t = await tallyOf(tx, meetingId, itemId);
    return {
      value: undefined,
      eventId: await liveEvent(tx, actor, meetingId, 'live.votes_revealed', {
        itemId,
        counts: t.counts,
        byDepartment: t.byDepartment,
        weighted: t.weighted,
      }),
    };
  });
}
