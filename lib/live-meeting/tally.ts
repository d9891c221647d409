/**
 * Tallying the votes on one agenda item of a live meeting, and the rules for the decision the
 * facilitator records (no single department may dominate).
 * Pure: no I/O, no imports, so the server and the browser compute the same tally.
 *
 * Two results are computed:
 * - plain: one person, one vote;
 * - weighted: each department that has at least one vote counts 1, split across its members'
 *   choices (a department of 4 with 3 accept + 1 reject gives accept 3/4 and reject 1/4).
 * Results are decided with exact rational arithmetic (BigInt over the least common multiple of
 * the department sizes), so 1/3 + 1/3 + 1/3 ties exactly with 1 instead of depending on floats.
 */

export type Choice = 'accept' | 'reject' | 'defer';
export const CHOICES: readonly Choice[] = ['accept', 'reject', 'defer'];

export type Vote = { userId: number; departmentId: number; departmentName: string; choice: Choice };
export type Voter = { userId: number; departmentId: number; departmentName: string };

export type TallyResult = Choice | 'tie' | 'none';

export type DepartmentTally = {
  departmentId: number;
  departmentName: string;
  counts: Record<Choice, number>;
  /** Eligible voters of this department (attendees who may vote, plus anyone who did vote). */
  voters: number;
  voted: number;
};

export type Tally = {
  total: number;
  counts: Record<Choice, number>;
  /** Sorted by department name, then id. */
  byDepartment: DepartmentTally[];
  plainResult: TallyResult;
  weighted: {
    /** Each department that voted contributes 1 in total; the shares sum to that number of departments. */
    shares: Record<Choice, number>;
    result: TallyResult;
  };
  turnout: { voted: number; eligible: number };
};

export type Decision = 'accepted' | 'rejected' | 'deferred';

const zero = (): Record<Choice, number> => ({ accept: 0, reject: 0, defer: 0 });

/** The choice with the strictly highest score; equal top scores give 'tie'; all zero gives 'none'. */
function winner(scores: Record<Choice, bigint>): TallyResult {
  let best: Choice | null = null;
  let tied = false;
  for (const choice of CHOICES) {
    const score = scores[choice];
    if (score === 0n) continue;
    if (best === null || score > scores[best]) {
      best = choice;
      tied = false;
    } else if (score === scores[best]) {
      tied = true;
    }
  }
  if (best === null) return 'none';
  return tied ? 'tie' : best;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Tallies the votes on one item. `votes` holds at most one vote per user (a re-vote replaces the
 * earlier one); if a user appears twice anyway, the last vote counts. `opts.voters` lists who may
 * vote (for turnout and the per-department `voters`); someone who voted but is missing from it is
 * still counted as eligible, so `voted <= eligible` always holds.
 */
export function tally(votes: readonly Vote[], opts: { voters?: readonly Voter[] } = {}): Tally {
  const lastVote = new Map<number, Vote>();
  for (const vote of votes) {
    lastVote.delete(vote.userId); // keep insertion order of the latest vote
    lastVote.set(vote.userId, vote);
  }

  const departments = new Map<number, DepartmentTally>();
  const department = (who: Voter): DepartmentTally => {
    let d = departments.get(who.departmentId);
    if (!d) {
      d = { departmentId: who.departmentId, departmentName: who.departmentName, counts: zero(), voters: 0, voted: 0 };
      departments.set(who.departmentId, d);
    }
    return d;
  };

  const eligible = new Set<number>();
  for (const voter of opts.voters ?? []) {
    if (eligible.has(voter.userId)) continue;
    eligible.add(voter.userId);
    department(voter).voters++;
  }

  const counts = zero();
  for (const vote of lastVote.values()) {
    counts[vote.choice]++;
    const d = department(vote);
    d.counts[vote.choice]++;
    d.voted++;
    if (!eligible.has(vote.userId)) {
      eligible.add(vote.userId);
      d.voters++;
    }
  }

  const byDepartment = [...departments.values()].sort(
    (a, b) => a.departmentName.localeCompare(b.departmentName, 'en') || a.departmentId - b.departmentId,
  );

  // Weighted: share(c) = Σ_d count_d(c) / voted_d, kept exact as numerator / lcm(voted_d).
  const present = byDepartment.filter((d) => d.voted > 0);
  const denominator = present.reduce((l, d) => {
    const n = BigInt(d.voted);
    return (l / gcd(l, n)) * n;
  }, 1n);
  const numerators: Record<Choice, bigint> = { accept: 0n, reject: 0n, defer: 0n };
  const shares = zero();
  for (const d of present) {
    for (const choice of CHOICES) {
      numerators[choice] += BigInt(d.counts[choice]) * (denominator / BigInt(d.voted));
      shares[choice] += d.counts[choice] / d.voted;
    }
  }

  const total = lastVote.size;
  return {
    total,
    counts,
    byDepartment,
    plainResult: winner({ accept: BigInt(counts.accept), reject: BigInt(counts.reject), defer: BigInt(counts.defer) }),
    weighted: { shares, result: winner(numerators) },
    turnout: { voted: total, eligible: eligible.size },
  };
}

const DECISION_OF: Record<Choice, Decision> = { accept: 'accepted', reject: 'rejected', defer: 'deferred' };

/** The decision the tally suggests, as the default the facilitator may override; null on a tie or no votes. */
export function suggestedDecision(t: Tally, mode: 'plain' | 'weighted'): Decision | null {
  const result = mode === 'plain' ? t.plainResult : t.weighted.result;
  return result === 'tie' || result === 'none' ? null : DECISION_OF[result];
}

export const MAX_DECISION_TEXT = 2000;
export const REASON_REQUIRED = 'A rejection needs a reason: the requestor will read it.';
export const NOTE_REQUIRED = 'You decided differently from the tally: add a note saying why.';
export const REASON_TOO_LONG = 'Keep the reason to 2,000 characters or fewer.';
export const NOTE_TOO_LONG = 'Keep the note to 2,000 characters or fewer.';

export type DecisionError = { field: 'reason' | 'note'; message: string };

/**
 * Checks a decision before it is recorded; returns the first problem or null. Blank (whitespace
 * only) text counts as missing, and lengths are measured after trimming.
 */
export function checkDecision(input: {
  outcome: Decision;
  reason?: string | null;
  note?: string | null;
  suggested: Decision | null;
}): DecisionError | null {
  const reason = (input.reason ?? '').trim();
  const note = (input.note ?? '').trim();
  if (input.outcome === 'rejected' && reason === '') return { field: 'reason', message: REASON_REQUIRED };
  if (reason.length > MAX_DECISION_TEXT) return { field: 'reason', message: REASON_TOO_LONG };
  if (input.suggested !== null && input.outcome !== input.suggested && note === '')
    return { field: 'note', message: NOTE_REQUIRED };
  if (note.length > MAX_DECISION_TEXT) return { field: 'note', message: NOTE_TOO_LONG };
  return null;
}
