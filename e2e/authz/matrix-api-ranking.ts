/** The matrix's rows for everyone ranking in a live meeting: own orders, the aggregate, what-if cut lines. */
import { inArray } from 'drizzle-orm';
import { cutLineProposals, items, leaderRankings, meetingAttendees } from '../../db/schema';
import { allow, type Row } from './rows';
import { meOr, meeting, other, startLive, type Scene } from './scene';

/** A live meeting facilitated by the test's pm, with `me` invited and both agenda items already accepted. */
async function rankingMeeting(s: Scene) {
  const m = await meeting(s, [await meOr(s, 'leader')]);
  await startLive(s, m.meeting.id);
  const ids = m.items.map((i) => i.id);
  await s.world.db.update(items).set({ status: 'accepted' }).where(inArray(items.id, ids));
  return { ...m, ids };
}

const live = (meetingId: number, body: Record<string, unknown>) => ({
  api: 'POST' as const,
  url: `/api/meetings/${meetingId}/live`,
  body,
});

// Only leaders, pms and admins attend as voters; engineers and requestors are invited as observers.
const VOTERS = ['admin', 'pm', 'leader'] as const;

export const RANKING_API_ROWS: Row[] = [
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'submit my own order, invited',
    call: async (s) => {
      const m = await rankingMeeting(s);
      return live(m.meeting.id, { action: 'submit-ranking', itemIds: [m.ids[1], m.ids[0]] });
    },
    expect: allow(VOTERS, 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: "adopt the leaders' combined order, invited (the pm facilitates)",
    call: async (s) => {
      const m = await rankingMeeting(s);
      const leader = await other(s, 'leader');
      await s.world.db.insert(meetingAttendees).values({ meetingId: m.meeting.id, userId: leader.id, role: 'voter' });
      const submittedAt = new Date().toISOString();
      await s.world.db.insert(leaderRankings).values(
        [m.ids[1], m.ids[0]].map((itemId, index) => ({
          meetingId: m.meeting.id,
          userId: leader.id,
          itemId,
          position: index + 1,
          submittedAt,
        })),
      );
      return live(m.meeting.id, { action: 'adopt-aggregate' });
    },
    expect: allow(['pm'], 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'propose a cut line, invited',
    call: async (s) => {
      const m = await rankingMeeting(s);
      // No item left out: the bad-input suite's null capacity then proposes nothing, which is refused.
      return live(m.meeting.id, { action: 'propose-cut-line', capacityWeeks: 5, leftOutItemIds: [] });
    },
    expect: allow(VOTERS, 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'dismiss a proposed cut line, invited (the pm facilitates)',
    call: async (s) => {
      const m = await rankingMeeting(s);
      const proposal = (
        await s.world.db
          .insert(cutLineProposals)
          .values({
            meetingId: m.meeting.id,
            proposedBy: s.pm.id,
            capacityWeeks: 5,
            leftOutItemIds: [],
            proposedAt: new Date().toISOString(),
          })
          .returning({ id: cutLineProposals.id })
      )[0];
      return live(m.meeting.id, { action: 'close-cut-line-proposal', proposalId: proposal.id, applied: false });
    },
    expect: allow(['pm'], 'forbidden'),
  },
];
