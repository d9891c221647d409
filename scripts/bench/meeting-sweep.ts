/**
 * The live-meeting benchmark's rate sweep (BENCH_RATE_SWEEP=1): the same round on the SQLite server at the
 * largest N, at 25, 50, 100, 200… votes per second, until a rate no longer holds. A rate holds when every vote
 * reached every participant (none lost, no connection dropped) and the p95 stayed within SWEEP_LIMIT_MS; the
 * sweep also names the highest rate at which even the slowest vote (max) did. Each step sends at least two
 * seconds of votes, so queueing has time to show.
 */
import type { RoundOptions, RoundResult } from './meeting';

export const SWEEP_RATES = [25, 50, 100, 200, 400, 800];
export const SWEEP_LIMIT_MS = 150;

export type SweepStep = {
  votesPerSec: number;
  intervalMs: number;
  votes: number;
  complete: number;
  lost: number;
  dropped: number;
  p95: number | null;
  max: number | null;
  deliveredPerSec: number | null;
  /** Every vote everywhere, nothing dropped, p95 within the limit. */
  holds: boolean;
  /** …and the slowest vote within the limit too. */
  holdsMax: boolean;
};

export type Sweep = {
  participants: number;
  limitMs: number;
  steps: SweepStep[];
  /** The highest rate that held (p95), or null when not even the first did. */
  highest: number | null;
  /** The highest rate at which every single vote arrived within the limit. */
  highestMax: number | null;
};

export async function rateSweep(
  participants: number,
  minVotes: number,
  run: (opts: RoundOptions) => Promise<RoundResult>,
): Promise<Sweep> {
  console.log(`\nRate sweep at ${participants} participants (a rate holds while p95 ≤ ${SWEEP_LIMIT_MS} ms):`);
  const steps: SweepStep[] = [];
  for (const rate of SWEEP_RATES) {
    const intervalMs = 1000 / rate;
    const votes = Math.max(minVotes, rate * 2);
    const r = await run({ variant: 'sweep', votes, intervalMs });
    const clean = r.complete === r.votes && r.lostEvents === 0 && r.dropped === 0 && r.refused === 0;
    const holds = clean && r.p95 !== null && r.p95 <= SWEEP_LIMIT_MS;
    steps.push({
      votesPerSec: rate,
      intervalMs,
      votes,
      complete: r.complete,
      lost: r.lostEvents,
      dropped: r.dropped,
      p95: r.p95,
      max: r.max,
      deliveredPerSec: r.deliveredPerSec,
      holds,
      holdsMax: holds && r.max !== null && r.max <= SWEEP_LIMIT_MS,
    });
    if (!holds) break;
  }
  const best = (ok: (s: SweepStep) => boolean) => {
    let highest: number | null = null;
    for (const s of steps) {
      if (!ok(s)) break;
      highest = s.votesPerSec;
    }
    return highest;
  };
  return {
    participants,
    limitMs: SWEEP_LIMIT_MS,
    steps,
    highest: best((s) => s.holds),
    highestMax: best((s) => s.holdsMax),
  };
}
