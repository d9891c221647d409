import type { DecisionRow, Kind, Meeting, MeetingSettings, VoteChoice } from '@/db/schema';
import type { CutLine } from '@/lib/ranking/order';
import type { Decision, Tally } from './tally';
import type { StartWarning } from './warnings';
import type { RankingsState } from './rankings-state.server';
import type { LivePreparation } from './preparation.server';
import type { LiveRoom } from './room';

/**
 * The state a live meeting page shows, for a page load, a reload or a reconnect (built by
 * state.server.ts). Types only, so the browser's code can name them too.
 */

export type VisibleVote = { userId: number; name: string; departmentName: string; choice: VoteChoice; comment: string };

/** Someone who has voted on an item whose votes are hidden: who, never what. */
export type HiddenVoter = { userId: number; name: string };

/**
 * Either the full tally, or — in 'hidden' mode before the reveal — only how many have voted and
 * who (so the facilitator can see who is still to vote). The hidden form carries no choice and no
 * comment, for every viewer (the facilitator too).
 */
export type ItemTally =
  | { hidden: false; tally: Tally; suggested: Decision | null; votes: VisibleVote[] }
  | { hidden: true; voted: number; eligible: number; voters: HiddenVoter[] };

export type LiveItem = {
  itemId: number;
  position: number;
  title: string;
  status: string;
  rank: string | null;
  version: number;
  votingClosed: boolean;
  revealed: boolean;
  notes: string;
  decision: Pick<DecisionRow, 'outcome' | 'reason' | 'notes' | 'suggested' | 'decidedBy' | 'decidedAt'> | null;
  tally: ItemTally;
  /** The viewer's own vote (their own data, so shown to them even while votes are hidden). */
  myVote: { choice: VoteChoice; comment: string } | null;
};

export type RankedItem = {
  id: number;
  title: string;
  theme: string;
  weeks: number | null;
  version: number;
  /** So the page can total non-functional work above the cut line as the ranking moves. */
  kind: Kind;
};

export type LiveAttendee = {
  userId: number;
  name: string;
  departmentId: number;
  departmentName: string;
  role: 'voter' | 'observer';
};

export type LiveState = {
  /** The last event of the meeting this state includes: the live stream resumes after it. */
  lastEventId: number;
  meeting: Pick<
    Meeting,
    | 'id'
    | 'cycleId'
    | 'title'
    | 'status'
    | 'scheduledAt'
    | 'currentItemId'
    | 'facilitatorId'
    | 'startedAt'
    | 'endedAt'
    | 'version'
  > & { facilitatorName: string };
  /** What starting now needs confirmed (no pre-read, too early); empty once the meeting has started. */
  startWarnings: StartWarning[];
  settings: Omit<MeetingSettings, 'meetingId'>;
  viewer: {
    id: number;
    isFacilitator: boolean;
    role: 'voter' | 'observer' | null;
    /** pm/admin: may start, resume, end or take over the meeting. */
    canManage: boolean;
    canRank: boolean;
  };
  attendees: LiveAttendee[];
  agenda: LiveItem[];
  /** The cycle's accepted items in rank order, against its capacity. */
  ranking: { capacityWeeks: number; items: RankedItem[]; cut: CutLine; nfrTargetPercent: number | null };
  /** Leaders' own orders, the Borda aggregate (facilitator/pm only) and open what-if cut lines. */
  rankings: RankingsState;
  /** The consent agenda, and (facilitator only) the leaders' stances from the pre-read. */
  preparation: LivePreparation;
  /** Who is connected, and the time boxes (room.server.ts). */
  room: LiveRoom;
};
