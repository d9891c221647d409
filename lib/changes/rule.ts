/**
 * The decision rule of an emergency session, pure so the page can show it up front
 * and the server can apply the very same rule when the pm decides.
 *
 * Met when: a quorum of the invited leaders responded, more of the responders assent than dissent
 * (a tie is not a majority), and — when the session gives displaced items' sponsors a veto — no
 * invited sponsor of a displaced item dissents. Responses of people who are not invited never count
 * (they cannot respond, but an invitation list may be edited by a re-convened session).
 */
import type { SessionResponse } from '@/db/schema';

/** More than half of the invited leaders. */
export function defaultQuorum(invited: number): number {
  return Math.floor(invited / 2) + 1;
}

export type RuleInput = {
  invitedIds: readonly number[];
  responses: readonly { userId: number; response: SessionResponse }[];
  quorum: number;
  sponsorVeto: boolean;
  /** Sponsors of the items the change request moves out or later. */
  displacedSponsorIds: readonly number[];
};

export type RuleEvaluation = {
  invited: number;
  responded: number;
  assent: number;
  dissent: number;
  quorumMet: boolean;
  majorityMet: boolean;
  /** Invited sponsors of displaced items who dissented, when the session gives them a veto. */
  vetoedBy: number[];
  met: boolean;
  /** "Rule met. …" or "Rule not met: why. …", for the history and the decision note. */
  explanation: string;
  /**
   * The same in one sentence for the session panel, which names the rule once: "The rule is met. 3 of 5
   * leaders responded …" or "The rule is not met: 2 more responses are needed for the quorum. 1 of 5 …".
   */
  verdict: { headline: string; counts: string };
};

const people = (n: number) => `${n} ${n === 1 ? 'leader' : 'leaders'}`;

export function evaluateRule(input: RuleInput): RuleEvaluation {
  const invitedSet = new Set(input.invitedIds);
  // One response per person: if a caller passes duplicates, the last one stands (as a re-response would).
  const byUser = new Map<number, SessionResponse>();
  for (const r of input.responses) if (invitedSet.has(r.userId)) byUser.set(r.userId, r.response);
  const responses = [...byUser.entries()];
  const assent = responses.filter(([, r]) => r === 'assent').length;
  const dissent = responses.length - assent;
  const quorumMet = responses.length >= input.quorum;
  const majorityMet = assent > dissent;
  const sponsors = new Set(input.displacedSponsorIds);
  const vetoedBy = input.sponsorVeto
    ? responses
        .filter(([userId, r]) => r === 'dissent' && sponsors.has(userId))
        .map(([userId]) => userId)
        .sort((a, b) => a - b)
    : [];
  const met = quorumMet && majorityMet && vetoedBy.length === 0;

  const counts = `${responses.length} of ${people(invitedSet.size)} responded (quorum ${input.quorum}): ${assent} assent, ${dissent} dissent.`;
  const reasons: string[] = [];
  if (!quorumMet)
    reasons.push(
      `${input.quorum - responses.length} more ${input.quorum - responses.length === 1 ? 'response is' : 'responses are'} needed for the quorum`,
    );
  if (!majorityMet)
    reasons.push(
      responses.length === 0
        ? 'nobody has assented yet'
        : assent === dissent
          ? 'assent and dissent are tied'
          : 'more dissent than assent',
    );
  if (vetoedBy.length)
    reasons.push(
      `vetoed by the sponsor of a displaced item${vetoedBy.length > 1 ? ` (${vetoedBy.length} sponsors)` : ''}`,
    );
  const explanation = met ? `Rule met. ${counts}` : `Rule not met: ${reasons.join('; ')}. ${counts}`;
  const headline = met ? 'The rule is met.' : `The rule is not met: ${reasons.join('; ')}.`;

  return {
    invited: invitedSet.size,
    responded: responses.length,
    assent,
    dissent,
    quorumMet,
    majorityMet,
    vetoedBy,
    met,
    explanation,
    verdict: { headline, counts },
  };
}

/** The rule in words, shown before anyone responds. */
export function ruleText(session: { quorum: number; invited: number; sponsorVeto: boolean }): string {
  const quorum = `at least ${session.quorum} of the ${people(session.invited)} invited respond`;
  const veto = session.sponsorVeto ? ' The sponsor of an item being moved out or later can veto it by dissenting.' : '';
  return `Approved if ${quorum} and more of those who respond assent than dissent.${veto}`;
}

/** An asynchronous session takes no responses from its deadline on; a live one has none. */
export function deadlinePassed(session: { deadline: string | null }, now: Date): boolean {
  return session.deadline !== null && now.getTime() >= Date.parse(session.deadline);
}

export type ApprovalGate = {
  /** Whether the pm may approve now: the rule is met, the deadline has passed, or the live session was closed. */
  allowed: boolean;
  /** Approving now would go against the rule, which needs a written justification. */
  againstRule: boolean;
  /** What the page says next to the approve button. */
  message: string;
};

/**
 * When the pm may decide. Before the rule is met, an open session is still collecting responses:
 * approving is refused until the deadline passes or the live session is closed, after which the
 * pm may approve against the rule with a justification.
 */
export function approvalGate(
  session: { status: 'open' | 'closed'; deadline: string | null },
  evaluation: RuleEvaluation,
  now: Date,
): ApprovalGate {
  if (evaluation.met)
    return { allowed: true, againstRule: false, message: 'The rule is met: the change request can be approved.' };
  if (session.status === 'closed' || deadlinePassed(session, now)) {
    const why = session.status === 'closed' ? 'The session is closed' : 'The deadline has passed';
    return {
      allowed: true,
      againstRule: true,
      message: `${why} and the rule is not met: approving needs a written justification.`,
    };
  }
  const wait = session.deadline === null ? 'close the live session' : 'wait for the deadline';
  return {
    allowed: false,
    againstRule: true,
    message: `The rule is not met yet: ${wait} before approving against it, or decline.`,
  };
}
