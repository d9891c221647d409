import 'server-only';
import { z } from 'zod';

import { parseOrThrow } from '@/lib/validation';
import { acceptConsent, pullFromConsent } from './consent.server';
import { addNote, recordDecision } from './decisions.server';
import { changeCapacity, moveAccepted } from './ranking-moves.server';
import { endMeeting, goToItem, handOver, pauseMeeting, resumeMeeting, startMeeting, takeOver } from './session.server';
import { adoptAggregate, submitRanking } from './leader-rankings.server';
import { closeCutLineProposal, proposeCutLine } from './cut-line-proposals.server';
import { castVote, closeVoting, reopenVoting, revealVotes } from './votes.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { voteAck, type VoteAck } from './vote-ack';

/**
 * What a live meeting page (or any client of POST /api/meetings/:id/live) can ask for. This only
 * checks the envelope — which action, which item, which version; each lib/live function validates
 * its own payload (choice, reason, capacity…) and authorizes the actor.
 */
const itemId = z
  .number({ error: 'itemId must be an item id.' })
  .int({ error: 'itemId must be an item id.' })
  .positive({ error: 'itemId must be an item id.' });
const version = z
  .number({ error: 'version must be the meeting version you saw.' })
  .int({ error: 'version must be a whole number.' })
  .min(0);
// Optional here: each lib/live function's own schema says which of its fields are required, in its own words.
const payload = z.unknown().optional();

export const LiveCommand = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('start'), votesVisibility: payload, weighted: payload, confirm: payload.optional() }),
    z.object({
      action: z.literal('go'),
      to: z.union([z.literal('next'), z.literal('previous'), itemId], {
        error: 'to must be next, previous or an agenda item id.',
      }),
      version,
    }),
    z.object({ action: z.literal('pause'), version }),
    z.object({ action: z.literal('resume'), version }),
    z.object({ action: z.literal('end'), undecided: payload }),
    z.object({
      action: z.literal('hand-over'),
      toUserId: z.number({ error: 'Choose who takes over.' }).int().positive(),
      version,
    }),
    z.object({ action: z.literal('take-over') }),
    z.object({ action: z.literal('vote'), itemId, choice: payload, comment: payload }),
    z.object({ action: z.literal('close-voting'), itemId }),
    z.object({ action: z.literal('reopen-voting'), itemId }),
    z.object({ action: z.literal('reveal'), itemId }),
    z.object({
      action: z.literal('decide'),
      itemId,
      outcome: payload,
      reason: payload,
      note: payload,
      confirmHiddenVotes: payload.optional(),
    }),
    z.object({ action: z.literal('note'), itemId, note: payload }),
    z.object({
      action: z.literal('move'),
      itemId,
      toIndex: z.number({ error: 'toIndex must be a position.' }).int({ error: 'toIndex must be a whole number.' }),
      version: z.number({ error: 'version must be the item version you saw.' }).int().positive(),
    }),
    z.object({ action: z.literal('capacity'), capacityWeeks: payload }),
    z.object({ action: z.literal('submit-ranking'), itemIds: payload }),
    z.object({ action: z.literal('adopt-aggregate') }),
    z.object({ action: z.literal('propose-cut-line'), capacityWeeks: payload, leftOutItemIds: payload }),
    z.object({ action: z.literal('close-cut-line-proposal'), proposalId: payload, applied: payload }),
    z.object({ action: z.literal('pull-from-consent'), itemId }),
    z.object({ action: z.literal('accept-consent') }),
  ],
  {
    error:
      'action must be one of start, go, pause, resume, end, hand-over, take-over, vote, close-voting, reopen-voting, reveal, decide, note, move, capacity, submit-ranking, adopt-aggregate, propose-cut-line, close-cut-line-proposal, pull-from-consent, accept-consent.',
  },
);

export type LiveCommand = z.infer<typeof LiveCommand>;

/**
 * Runs one command as `actor`. Errors are the domain's (ValidationError, ForbiddenError, ConflictError…).
 * A vote returns its small answer (lib/live-meeting/vote-ack.ts); other commands return nothing and
 * are answered with the whole state.
 */
export async function runLiveCommand(actor: ActingUser, meetingId: number, input: unknown): Promise<VoteAck | void> {
  const c = parseOrThrow(LiveCommand, input);
  switch (c.action) {
    case 'start':
      await startMeeting(actor, meetingId, {
        votesVisibility: c.votesVisibility,
        weighted: c.weighted,
        confirm: c.confirm,
      });
      return;
    case 'go':
      await goToItem(actor, meetingId, c.to, c.version);
      return;
    case 'pause':
      await pauseMeeting(actor, meetingId, c.version);
      return;
    case 'resume':
      await resumeMeeting(actor, meetingId, c.version);
      return;
    case 'end':
      await endMeeting(actor, meetingId, c.undecided);
      return;
    case 'hand-over':
      await handOver(actor, meetingId, c.toUserId, c.version);
      return;
    case 'take-over':
      await takeOver(actor, meetingId);
      return;
    case 'vote': {
      const cast = await castVote(actor, meetingId, c.itemId, { choice: c.choice, comment: c.comment ?? '' });
      return voteAck(cast.eventId, c.itemId, cast);
    }
    case 'close-voting':
      await closeVoting(actor, meetingId, c.itemId);
      return;
    case 'reopen-voting':
      await reopenVoting(actor, meetingId, c.itemId);
      return;
    case 'reveal':
      await revealVotes(actor, meetingId, c.itemId);
      return;
    case 'decide':
      await recordDecision(actor, meetingId, c.itemId, {
        outcome: c.outcome,
        reason: c.reason ?? '',
        note: c.note ?? '',
        confirmHiddenVotes: c.confirmHiddenVotes,
      });
      return;
    case 'note':
      await addNote(actor, meetingId, c.itemId, c.note);
      return;
    case 'move':
      await moveAccepted(actor, meetingId, c.itemId, c.toIndex, c.version);
      return;
    case 'capacity':
      await changeCapacity(actor, meetingId, c.capacityWeeks);
      return;
    case 'submit-ranking':
      await submitRanking(actor, meetingId, c.itemIds);
      return;
    case 'adopt-aggregate':
      await adoptAggregate(actor, meetingId);
      return;
    case 'propose-cut-line':
      await proposeCutLine(actor, meetingId, { capacityWeeks: c.capacityWeeks, leftOutItemIds: c.leftOutItemIds });
      return;
    case 'close-cut-line-proposal':
      await closeCutLineProposal(actor, meetingId, { proposalId: c.proposalId, applied: c.applied });
      return;
    case 'pull-from-consent':
      await pullFromConsent(actor, meetingId, c.itemId);
      return;
    case 'accept-consent':
      await acceptConsent(actor, meetingId);
      return;
  }
}
