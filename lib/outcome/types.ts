import type { DecisionOutcome, Meeting } from '@/db/schema';
import type { Decision, Tally } from '@/lib/live-meeting/tally';
import type { CutLine } from '@/lib/ranking/order';
import type { NfrShare } from '@/lib/capacity/nfr-share';

/** The outcome report's shapes: shared by the server that builds it and the pages and exports that show it. */

export type OutcomeCycle = { id: number; name: string; capacityWeeks: number };

export type RankedOutcomeItem = {
  itemId: number;
  position: number;
  title: string;
  theme: string | null;
  weeks: number | null;
  aboveCut: boolean;
};

export type OutcomeDecision = {
  itemId: number;
  title: string;
  theme: string | null;
  themeId: number | null;
  requestor: string;
  /** The requestor's department (the item's). */
  department: string;
  /** The sponsor's name, else the requestor's free-text suggestion, else empty. */
  sponsor: string;
  weeks: number | null;
  outcome: DecisionOutcome;
  reason: string;
  /** The facilitator's note on the decision (required when it went against the tally). */
  decisionNote: string;
  /** The notes taken on the item during the meeting. */
  notes: string;
  /** What the tally suggested under the meeting's weighting (null: a tie or no votes). */
  suggested: Decision | null;
  tally: Tally;
  /** Accepted items still in the ranking: their place and side of the cut line. */
  position: number | null;
  aboveCut: boolean | null;
  decidedBy: string;
  decidedAt: string;
};

export type UndecidedItem = Pick<
  OutcomeDecision,
  'itemId' | 'title' | 'theme' | 'requestor' | 'department' | 'sponsor' | 'weeks'
>;

export type ThemeOutcome = {
  id: number | null;
  name: string;
  keyOutcome: string;
  /** The key outcome's metric in words ("Checkout conversion: 2.1 % → 3 %"); null or absent without one. */
  metric?: string | null;
  accepted: RankedOutcomeItem[];
  rejected: OutcomeDecision[];
  deferred: OutcomeDecision[];
};

export type AttendanceDepartment = {
  departmentName: string;
  attendees: { name: string; role: 'voter' | 'observer'; voted: boolean }[];
  voted: number;
};

export type OutcomeReport = {
  cycle: OutcomeCycle;
  meeting: {
    id: number;
    title: string;
    scheduledAt: string;
    facilitator: string;
    startedAt: string | null;
    endedAt: string | null;
    weighted: boolean;
  };
  ranking: { items: RankedOutcomeItem[]; cut: CutLine; summary: string };
  /** Non-functional work accepted above the cut line against the cycle's target (absent in older fixtures). */
  nfr?: NfrShare;
  themes: ThemeOutcome[];
  /** In agenda order. */
  decisions: OutcomeDecision[];
  /** Agenda items the meeting did not decide. */
  /** Items on the agenda the meeting did not decide, in agenda order. */
  undecided: UndecidedItem[];
  attendance: AttendanceDepartment[];
  published: { at: string; by: string } | null;
};

export type CycleOutcome =
  | {
      state: 'none';
      cycle: OutcomeCycle;
      canPublish: false;
      pending: { id: number; title: string; status: Meeting['status'] } | null;
    }
  | (OutcomeReport & { state: 'ready'; canPublish: boolean });
