import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { cutLineProposals, cycles, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { attendeeRole } from '@/lib/meetings/access.server';
import { acceptedRanking } from '@/lib/ranking/accepted.server';
import { parseOrThrow } from '@/lib/validation';
import { getLiveMeeting, isFacilitator, liveEvent, liveTransaction } from './core.server';
import { assertRankingOpen } from './leader-rankings.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * What-if cut lines put to the room: another capacity, some items left out, or both. Anyone who
 * takes part (a voter, the facilitator, a pm) may propose; everyone sees open proposals; only the
 * facilitator closes one. Applying changes the capacity only — an item left out in a what-if is
 * never removed from the ranking by it: that is a decision the room takes on the item itself.
 */

const ProposalInput = z
  .object({
    capacityWeeks: z
      .number({ error: 'capacityWeeks must be a number of person-weeks.' })
      .refine(Number.isFinite, 'capacityWeeks must be a number of person-weeks.')
      .min(0, 'Capacity cannot be negative.')
      .max(10_000, 'Capacity must be at most 10,000 person-weeks.')
      .nullish(),
    leftOutItemIds: z
      .array(z.number({ error: 'leftOutItemIds must be item ids.' }).int().positive(), {
        error: 'leftOutItemIds must be a list of item ids.',
      })
      .max(1000, 'leftOutItemIds lists too many items.')
      .default([]),
  })
  .refine((p) => p.capacityWeeks != null || p.leftOutItemIds.length > 0, {
    message: 'Propose another capacity, leave an item out, or both.',
    path: ['capacityWeeks'],
  });

export type OpenProposal = {
  id: number;
  proposedBy: number;
  proposerName: string;
  capacityWeeks: number | null;
  leftOutItemIds: number[];
  proposedAt: string;
};

function invalid(field: string, message: string): never {
  throw new ValidationError({ [field]: [message] }, message);
}

/** Opens a proposal; the proposer's previous open one, if any, is withdrawn by it. Returns its id. */
export async function proposeCutLine(actor: ActingUser, meetingId: number, input: unknown): Promise<number> {
  const p = parseOrThrow(ProposalInput, input);
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    const voter = (await attendeeRole(tx, meetingId, actor.id)) === 'voter';
    if (!voter && !isFacilitator(actor, meeting) && !can(actor, 'meeting.manage'))
      throw new ForbiddenError('Only the voters, the facilitator or a pm can propose a cut line.');
    assertRankingOpen(meeting);
    const accepted = new Set((await acceptedRanking(tx, meeting.cycleId)).map((r) => r.id));
    const leftOut = [...new Set(p.leftOutItemIds)];
    const unknown = leftOut.filter((id) => !accepted.has(id));
    if (unknown.length) invalid('leftOutItemIds', `Item ${unknown.join(', ')} is not in the ranking.`);
    const now = new Date().toISOString();
    await tx
      .update(cutLineProposals)
      .set({ closedAt: now })
      .where(
        and(
          eq(cutLineProposals.meetingId, meetingId),
          eq(cutLineProposals.proposedBy, actor.id),
          isNull(cutLineProposals.closedAt),
        ),
      );
    const row = (
      await tx
        .insert(cutLineProposals)
        .values({
          meetingId,
          proposedBy: actor.id,
          capacityWeeks: p.capacityWeeks ?? null,
          leftOutItemIds: leftOut,
          proposedAt: now,
        })
        .returning({ id: cutLineProposals.id })
    )[0];
    const eventId = await liveEvent(tx, actor, meetingId, 'live.cut_line_proposed', {
      proposalId: row.id,
      capacityWeeks: p.capacityWeeks ?? null,
      leftOutItemIds: leftOut,
    });
    return { value: row.id, eventId };
  });
}

const CloseInput = z.object({
  proposalId: z.number({ error: 'proposalId must be a proposal id.' }).int().positive({
    error: 'proposalId must be a proposal id.',
  }),
  applied: z.boolean({ error: 'applied must be true or false.' }),
});

/**
 * Facilitator: applies (its capacity, if it proposed one, becomes the cycle's — recorded as
 * `live.capacity_changed` as any capacity change is) or dismisses an open proposal.
 */
export async function closeCutLineProposal(actor: ActingUser, meetingId: number, input: unknown): Promise<void> {
  const c = parseOrThrow(CloseInput, input);
  await liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    if (!isFacilitator(actor, meeting))
      throw new ForbiddenError('Only the facilitator can apply or dismiss a proposal.');
    assertRankingOpen(meeting);
    const proposal = first(
      await tx
        .select()
        .from(cutLineProposals)
        .where(and(eq(cutLineProposals.id, c.proposalId), eq(cutLineProposals.meetingId, meetingId))),
    );
    if (!proposal) throw new NotFoundError('This proposal');
    if (proposal.closedAt) throw new ConflictError('This proposal was already applied, dismissed or withdrawn.');
    await tx
      .update(cutLineProposals)
      .set({ closedAt: new Date().toISOString() })
      .where(eq(cutLineProposals.id, proposal.id));
    if (c.applied && proposal.capacityWeeks !== null) {
      const cycle = first(
        await tx.select({ capacityWeeks: cycles.capacityWeeks }).from(cycles).where(eq(cycles.id, meeting.cycleId)),
      )!;
      if (cycle.capacityWeeks !== proposal.capacityWeeks) {
        await tx.update(cycles).set({ capacityWeeks: proposal.capacityWeeks }).where(eq(cycles.id, meeting.cycleId));
        await liveEvent(tx, actor, meetingId, 'live.capacity_changed', {
          cycleId: meeting.cycleId,
          from: cycle.capacityWeeks,
          to: proposal.capacityWeeks,
          proposalId: proposal.id,
        });
      }
    }
    const eventId = await liveEvent(tx, actor, meetingId, 'live.cut_line_proposal_closed', {
      proposalId: proposal.id,
      applied: c.applied,
    });
    return { value: undefined, eventId };
  });
}

/** The proposals still before the room, oldest first: shown to everyone in the meeting. */
export async function openProposals(tx: Executor, meetingId: number): Promise<OpenProposal[]> {
  return tx
    .select({
      id: cutLineProposals.id,
      proposedBy: cutLineProposals.proposedBy,
      proposerName: users.name,
      capacityWeeks: cutLineProposals.capacityWeeks,
      leftOutItemIds: cutLineProposals.leftOutItemIds,
      proposedAt: cutLineProposals.proposedAt,
    })
    .from(cutLineProposals)
    .innerJoin(users, eq(users.id, cutLineProposals.proposedBy))
    .where(and(eq(cutLineProposals.meetingId, meetingId), isNull(cutLineProposals.closedAt)))
    .orderBy(asc(cutLineProposals.id));
}
