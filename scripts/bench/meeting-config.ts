/** The live-meeting benchmark's settings (scripts/bench/meeting.ts), from the environment. */
export const PARTICIPANTS = (process.env.BENCH_PARTICIPANTS ?? '10,50,200')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
export const VOTES = Number(process.env.BENCH_VOTES ?? 60);
export const VOTE_INTERVAL_MS = Number(process.env.BENCH_VOTE_INTERVAL_MS ?? 40);
export const SENDERS = Number(process.env.BENCH_SENDERS ?? 3);
export const VOTERS = 6;
export const WARMUP_VOTES = 5;
