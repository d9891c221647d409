import 'server-only';
import type { Meeting } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { bordaAggregate, type Aggregate } from '@/lib/ranking/borda';
import { openProposals, type OpenProposal } from './cut-line-proposals.server';
import { ballotsOf, leaderOrders, seesLeaderOrders, type LeaderOrder } from './leader-rankings.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * The "everyone ranks" part of the live state, projected for one viewer: a leader sees only their
 * own submitted order; the facilitator and pms see every leader's order and the Borda aggregate.
 * Open what-if proposals are shown to everyone.
 */
export type RankingsState = {
  /** How many voters have submitted, of how many. */
  submitted: number;
  voters: number;
  /** The viewer may submit their own order (a voter, while the meeting is live or paused). */
  canSubmit: boolean;
  /** The viewer's own submitted order, or null. */
  mine: { order: number[]; submittedAt: string } | null;
  /** Facilitator/pm only; null for everyone else. */
  aggregate: Aggregate | null;
  /** Facilitator/pm only; empty for everyone else. */
  leaders: LeaderOrder[];
  canAdopt: boolean;
  canPropose: boolean;
  proposals: OpenProposal[];
};

export async function rankingsStateOf(
  tx: Executor,
  viewer: ActingUser,
  meeting: Meeting,
  ctx: { role: 'voter' | 'observer' | null; voterCount: number; rankingIds: number[] },
): Promise<RankingsState> {
  const orders = await leaderOrders(tx, meeting.id);
  const privileged = seesLeaderOrders(viewer, meeting);
  const open = meeting.status === 'live' || meeting.status === 'paused';
  const own = orders.find((o) => o.userId === viewer.id);
  return {
    submitted: orders.length,
    voters: ctx.voterCount,
    canSubmit: open && ctx.role === 'voter',
    mine: own ? { order: own.order, submittedAt: own.submittedAt } : null,
    aggregate: privileged ? bordaAggregate(ctx.rankingIds, ballotsOf(orders)) : null,
    leaders: privileged ? orders : [],
    canAdopt: open && meeting.facilitatorId === viewer.id && orders.length > 0,
    canPropose: open && (ctx.role === 'voter' || privileged),
    proposals: await openProposals(tx, meeting.id),
  };
}
