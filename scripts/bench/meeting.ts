/**
 * Live meeting benchmark (`npm run bench:meeting`, also part of `npm run bench`): how fast a vote reaches
 * every participant of a live meeting over Server-Sent Events.
 *
 * With `next start` (the current production build, a fresh temporary database from scripts/bench/seed-meeting.ts)
 * and, for comparison, scripts/bench/sse-baseline-server.ts (a bare node:http SSE broadcaster, the practical
 * limit), for each N in 10, 50 and 200 participants and each server:
 *   1. N SSE connections (GET /api/meetings/:id/events?lastEventId=<latest>, as the live page's EventSource
 *      does), each with its own observer's session cookie (real credentials sign-ins, 4 at a time), all open
 *      (each has received `retry:`) before any vote;
 *   2. 5 warm-up votes, not counted, then VOTES votes (60) cast from SENDERS (3) separate vote-sender processes
 *      (scripts/bench/meeting-voter.ts) through the browser's path: POST /api/meetings/:id/live
 *      `{ action: 'vote', itemId, choice, comment }` with a voter's cookie (6 voting attendees, each always from
 *      the same process; a re-vote replaces the vote but still emits a live.vote_cast event);
 *   3. per vote, latency = the time the LAST of the N connections received it − the time its sender wrote the
 *      request; a vote is recognised by a unique `comment`. Times come from CLOCK_MONOTONIC, shared by the
 *      processes (receive times are taken when a chunk arrives, before parsing).
 * Votes are paced open-loop: one every VOTE_INTERVAL_MS (40 ms, 25 votes/s — a room voting at once), on a
 * schedule fixed in advance, so a slow server cannot slow the load down and hide its own queueing
 * (coordinated omission); what piles up shows in the latencies. BENCH_VOTE_INTERVAL_MS=0 sends them one at a
 * time instead, each after the previous one has reached everybody: the uncontended floor.
 * Reported per N and server: p50/p95/max latency; the p50 to the FIRST participant (what is not fan-out); the p95 of
 * the vote request's own answer; votes/s delivered to everybody (offered: 1000 / VOTE_INTERVAL_MS); dropped
 * connections (closed or failed while the bench still wanted them); lost events (votes some connection never
 * received, counted per connection and vote); refused votes; the peak RSS of the server's process tree during the
 * round; and the Quorum/baseline ratio of p50 and p95. A server that falls behind the paced votes is named, and so is
 * this process's own event-loop lag when it is high enough to make receive times late.
 * Each Quorum round also counts the meeting's presence rows once its streams are open (one per stream once
 * presence is in the build), and per N one more round on the SQLite server runs the same votes while the
 * voting leaders submit their own orders of the accepted items (everyone ranks; scripts/bench/meeting-traffic.ts),
 * or says that this build has no such command.
 * Targets (PASS/MISS, never fail the run), per N: vote → everybody p95 within 3× of the bare broadcaster's in
 * the same run, and under 50 ms; 0 dropped, 0 lost; at 200 participants server RSS < 500 MB.
 * BENCH_RATE_SWEEP=1 then finds the highest vote rate at which the largest N still gets every vote within
 * 150 ms (scripts/bench/meeting-sweep.ts). Figures also go to bench-results/meeting.json. Exits non-zero only
 * when the run itself fails (a server exits, a sign-in or the meeting start is refused…).
 * Needs .next/BUILD_ID (`npm run build`). Env overrides: BENCH_PARTICIPANTS (10,50,200), BENCH_VOTES,
 * BENCH_VOTE_INTERVAL_MS, BENCH_SENDERS, BENCH_RANK_INTERVAL_MS (250), BENCH_RATE_SWEEP, BENCH_POSTGRES=0 (skip
 * the PostgreSQL round), BENCH_CPU_PROF_DIR (the SQLite server's CPU profile). Everything listens on and talks to loopback only.
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import zlib from 'node:zlib';
import type { VoteCommand, VoteReport } from './meeting-voter';
import { POSTGRES_PROCESSES, setUpPostgresRound } from './meeting-postgres';
import { PARTICIPANTS, SENDERS, VOTE_INTERVAL_MS, VOTERS, VOTES, WARMUP_VOTES } from './meeting-config';
import { report } from './meeting-report';
import { rateSweep } from './meeting-sweep';
import {
  awaitPresence,
  probeRanking,
  RANK_INTERVAL_MS,
  rankingBody,
  rankingStats,
  sqlitePresence,
  type PresenceCounter,
  type RankingStats,
} from './meeting-traffic';
import {
  freePort,
  killChildren,
  mapLimit,
  monoMs,
  recentOutput,
  root,
  runChild,
  sampleRss,
  signIn,
  startChild,
  stopChildren,
  tsxArgs,
  waitForHttp,
} from './lib';

const SIGN_IN_CONCURRENCY = 4;
const CONNECT_CONCURRENCY = 16;
const CONNECT_TIMEOUT_MS = 60_000;
const VOTE_TIMEOUT_MS = 10_000; // a vote not everywhere this long after the last send counts as lost where missing
const CHOICES = ['accept', 'reject', 'defer'] as const;
const MARKER = /"comment":"(mb-[\w-]+)"/;

const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-bench-meeting-'));
let interrupted = false;
process.on('exit', () => {
  killChildren();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the servers.`);
    void stopChildren(1000).finally(() => process.exit(130));
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
const round1 = (n: number) => Math.round(n * 10) / 10;
function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return round1(sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]);
}

// ---------------------------------------------------------------- one round: N listeners, VOTES votes

export type Target = {
  key: 'quorum' | 'quorum-pg3' | 'baseline';
  label: string;
  /** The servers' processes: their RSS is sampled, and the run stops if one exits. */
  servers: ChildProcess[];
  /**
   * The stream URLs for this round, one per process (Quorum: after the meeting's latest event, as the
   * live page does); connection i opens the (i mod count)-th, so the listeners spread over the processes.
   */
  eventsUrls: () => Promise<string[]>;
  listenerCookies: string[] | null;
  /** Vote k goes to the (k mod count)-th: on several processes, each vote to another one. */
  voteUrls: string[];
  voterCookies: string[];
  itemId: number;
  /** Quorum: counts the meeting's presence rows. */
  presence?: PresenceCounter;
};

/** How a round is run: its pacing, and whether the leaders rank meanwhile. */
export type RoundOptions = {
  variant: RoundResult['variant'];
  votes: number;
  intervalMs: number;
  /** The everyone-ranks traffic: the accepted items the leaders order. */
  rankItemIds?: number[];
};

const DEFAULT_ROUND: RoundOptions = { variant: 'votes', votes: VOTES, intervalMs: VOTE_INTERVAL_MS };

type Vote = {
  seq: number;
  marker: string;
  measured: boolean;
  got: Uint8Array;
  received: number;
  duplicates: number;
  lastAt: number;
  firstAt: number;
  report: VoteReport | null;
  settle: () => void;
  settled: Promise<void>;
};

type Conn = {
  req: http.ClientRequest | null;
  ready: boolean;
  closing: boolean;
  dropped: string | null;
  buffer: string;
};

export type RoundResult = {
  participants: number;
  target: Target['key'];
  /** votes: the votes alone; votes+ranks: while the leaders submit their orders; sweep: a step of the rate sweep. */
  variant: 'votes' | 'votes+ranks' | 'sweep';
  intervalMs: number;
  connected: number;
  /** The meeting's presence rows once every stream was open (null: not counted). */
  presenceRows: number | null;
  ranking: RankingStats | null;
  dropped: number;
  droppedReasons: string[];
  votes: number;
  refused: number;
  complete: number;
  lostEvents: number;
  duplicates: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  firstP50: number | null;
  answerP50: number | null;
  answerP95: number | null;
  /** Votes per second that reached everybody: complete votes over the time from the first send to the last delivery. */
  deliveredPerSec: number | null;
  /** Paced only: the median latency of the last 10 votes minus that of the first 10 (a server falling behind grows it). */
  lagGrowthMs: number | null;
  /** This process's event-loop delay during the round (p99, ms): high values mean the receiver itself was late to read. */
  clientLoopP99Ms: number;
  peakRssMb: number | null;
  /** Latency per vote in send order (null: did not reach everybody). */
  latencies: (number | null)[];
};

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const senders: ChildProcess[] = [];
let seqCounter = 0;
let onReport: ((r: VoteReport) => void) | null = null;
const rankReports = new Map<number, VoteReport | null>();

async function startSenders(): Promise<void> {
  await Promise.all(
    Array.from(
      { length: SENDERS },
      (_, i) =>
        new Promise<void>((resolve) => {
          const child = startChild(
            `vote sender ${i + 1}`,
            [...tsxArgs, path.join(root, 'scripts', 'bench', 'meeting-voter.ts')],
            process.env,
            { ipc: true },
          );
          child.on('message', (m: VoteReport | { type: 'ready' }) => {
            if (m.type === 'ready') resolve();
            else if (rankReports.has(m.seq)) rankReports.set(m.seq, m);
            else onReport?.(m);
          });
          senders.push(child);
        }),
    ),
  );
}

/**
 * Paces the leaders' ranking submissions (one every RANK_INTERVAL_MS, each leader in turn, through the sender
 * processes) until stopped; stop() returns the submissions' sequence numbers, whose reports land in rankReports.
 */
function startRanking(target: Target, acceptedItemIds: number[]): { stop: () => number[] } {
  const seqs: number[] = [];
  const send = () => {
    const seq = ++seqCounter;
    rankReports.set(seq, null);
    seqs.push(seq);
    const cmd: VoteCommand = {
      seq,
      url: target.voteUrls[seq % target.voteUrls.length],
      cookie: target.voterCookies[seqs.length % target.voterCookies.length],
      body: rankingBody(acceptedItemIds, seq),
    };
    senders[seq % senders.length].send(cmd);
  };
  const timer = setInterval(send, RANK_INTERVAL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return seqs;
    },
  };
}

function openConnection(
  conn: Conn,
  index: number,
  url: string,
  cookie: string | null,
  onMarker: (marker: string, index: number, at: number) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const lose = (why: string) => {
      if (!conn.closing && !conn.dropped) conn.dropped = why;
      resolve();
    };
    // What a browser's EventSource sends (the browser adds accept-encoding too).
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      'cache-control': 'no-cache',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (cookie) headers.cookie = cookie;
    const req = http.get(url, { agent, headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        lose(`HTTP ${res.statusCode}`);
        return;
      }
      const encoding = res.headers['content-encoding'];
      const decoder =
        encoding === 'gzip'
          ? zlib.createGunzip()
          : encoding === 'deflate'
            ? zlib.createInflate()
            : encoding === 'br'
              ? zlib.createBrotliDecompress()
              : null;
      if (decoder) decoder.on('error', (e) => lose(e.message));
      const body = decoder ? res.pipe(decoder) : res;
      body.setEncoding('utf8');
      body.on('data', (chunk: string) => {
        const at = monoMs();
        conn.buffer += chunk;
        let end: number;
        while ((end = conn.buffer.indexOf('\n\n')) >= 0) {
          const block = conn.buffer.slice(0, end);
          conn.buffer = conn.buffer.slice(end + 2);
          if (block.startsWith('retry:')) {
            conn.ready = true;
            resolve();
            continue;
          }
          const m = MARKER.exec(block);
          if (m) onMarker(m[1], index, at);
        }
      });
      res.on('end', () => lose('ended by the server'));
      res.on('error', (e) => lose(e.message));
      res.on('close', () => lose('closed'));
    });
    req.on('error', (e) => lose(e.message));
    conn.req = req;
  });
}

export async function runRound(target: Target, n: number, opts: RoundOptions = DEFAULT_ROUND): Promise<RoundResult> {
  const { intervalMs } = opts;
  const votes = new Map<string, Vote>();
  const bySeq = new Map<number, Vote>();
  let expected = n; // a vote is complete when every connection that opened has it (set once they have opened)
  const onMarker = (marker: string, index: number, at: number) => {
    const v = votes.get(marker);
    if (!v) return;
    if (v.got[index]) {
      v.duplicates++;
      return;
    }
    v.got[index] = 1;
    v.received++;
    if (v.received === 1) v.firstAt = at;
    if (at > v.lastAt) v.lastAt = at;
    if (v.received === expected) v.settle();
  };
  onReport = (r) => {
    const v = bySeq.get(r.seq);
    if (!v) return;
    v.report = r;
    if (r.status < 200 || r.status >= 300) v.settle(); // refused: it will reach nobody
  };

  // 1. N connections, all open before any vote.
  const rss = target.servers.map((s) => sampleRss(s.pid!));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const urls = await target.eventsUrls();
  const conns: Conn[] = Array.from({ length: n }, () => ({
    req: null,
    ready: false,
    closing: false,
    dropped: null,
    buffer: '',
  }));
  const connectStarted = monoMs();
  await Promise.race([
    mapLimit(conns, CONNECT_CONCURRENCY, (c, i) =>
      openConnection(c, i, urls[i % urls.length], target.listenerCookies?.[i] ?? null, onMarker),
    ),
    sleep(CONNECT_TIMEOUT_MS),
  ]);
  for (const c of conns) if (!c.ready && !c.dropped) c.dropped = `not open after ${CONNECT_TIMEOUT_MS / 1000} s`;
  const connected = conns.filter((c) => c.ready).length;
  expected = connected;
  const connectMs = Math.round(monoMs() - connectStarted);
  const presenceRows = target.presence ? await awaitPresence(target.presence, connected) : null;

  // 2. Votes.
  const castVote = (k: number, measured: boolean): Vote => {
    const seq = ++seqCounter;
    const marker = `mb-${n}-${target.key}-${measured ? '' : 'w'}${k}-${seq}`;
    let settle!: () => void;
    const settled = new Promise<void>((r) => {
      settle = r;
    });
    const v: Vote = {
      seq,
      marker,
      measured,
      got: new Uint8Array(n),
      received: 0,
      duplicates: 0,
      lastAt: 0,
      firstAt: 0,
      report: null,
      settle,
      settled,
    };
    votes.set(marker, v);
    bySeq.set(seq, v);
    const body = JSON.stringify({
      action: 'vote',
      itemId: target.itemId,
      choice: CHOICES[seq % CHOICES.length],
      comment: marker,
    });
    const cmd: VoteCommand = {
      seq,
      url: target.voteUrls[seq % target.voteUrls.length],
      cookie: target.voterCookies[seq % target.voterCookies.length],
      body,
    };
    senders[seq % senders.length].send(cmd);
    if (expected === 0) settle();
    return v;
  };
  const settledOrTimeout = (v: Vote) => Promise.race([v.settled, sleep(VOTE_TIMEOUT_MS)]);
  for (let k = 0; k < WARMUP_VOTES; k++) {
    const v = castVote(k, false);
    await settledOrTimeout(v);
    // A refused warm-up vote means the set-up is wrong (not a voter, not the current item…), not that the server is slow.
    if (v.report && (v.report.status < 200 || v.report.status >= 300))
      throw new Error(`${target.label} refused a vote: ${v.report.status} ${v.report.error ?? ''}`);
  }
  loop.enable();
  const ranks = opts.rankItemIds ? startRanking(target, opts.rankItemIds) : null;
  const measured: Vote[] = [];
  const t0 = monoMs() + 20;
  for (let k = 0; k < opts.votes; k++) {
    if (intervalMs > 0) {
      await sleep(t0 + k * intervalMs - monoMs());
      measured.push(castVote(k, true));
    } else {
      const v = castVote(k, true);
      measured.push(v);
      await settledOrTimeout(v);
    }
  }
  const rankSeqs = ranks?.stop() ?? [];
  await Promise.race([Promise.all(measured.map((v) => v.settled)), sleep(VOTE_TIMEOUT_MS)]);
  // Let the senders' reports of answers still in flight come in.
  const reportDeadline = monoMs() + VOTE_TIMEOUT_MS;
  const pending = () => measured.some((v) => !v.report) || rankSeqs.some((q) => !rankReports.get(q));
  while (pending() && monoMs() < reportDeadline) await sleep(20);
  const ranking = opts.rankItemIds
    ? rankingStats(rankSeqs.map((q) => rankReports.get(q)).filter((r): r is VoteReport => !!r))
    : null;
  for (const q of rankSeqs) rankReports.delete(q);
  // Several processes: the peak of their sum is not measured, so this is the sum of each one's peak.
  const peaks = rss.map((r) => r.stop());
  const peakRssMb = peaks.some((p) => p === null) ? null : peaks.reduce<number>((a, p) => a + p!, 0);
  loop.disable();

  // 3. Close, then count.
  for (const c of conns) {
    c.closing = true;
    c.req?.destroy();
  }
  onReport = null;
  const droppedConns = conns.filter((c) => c.dropped);
  const refused = measured.filter((v) => v.report && (v.report.status < 200 || v.report.status >= 300));
  const accepted = measured.filter((v) => !refused.includes(v));
  const isComplete = (v: Vote) => !!v.report && expected > 0 && v.received === expected && accepted.includes(v);
  const complete = accepted.filter(isComplete);
  const inOrder = measured.map((v) => (isComplete(v) ? round1(v.lastAt - v.report!.sentAt) : null));
  const latencies = complete.map((v) => round1(v.lastAt - v.report!.sentAt)).sort((a, b) => a - b);
  const median = (xs: (number | null)[]) =>
    percentile(
      xs.filter((x): x is number => x !== null).sort((a, b) => a - b),
      50,
    );
  const head = median(inOrder.slice(0, 10));
  const tail = median(inOrder.slice(-10));
  const lagGrowthMs =
    intervalMs > 0 && head !== null && tail !== null && measured.length >= 20 ? round1(tail - head) : null;
  const firstSent = Math.min(...complete.map((v) => v.report!.sentAt));
  const lastDelivered = Math.max(...complete.map((v) => v.lastAt));
  const deliveredPerSec = complete.length > 1 ? round1((complete.length / (lastDelivered - firstSent)) * 1000) : null;
  const firsts = complete.map((v) => v.firstAt - v.report!.sentAt).sort((a, b) => a - b);
  const answers = measured
    .filter((v) => v.report)
    .map((v) => v.report!.answeredMs)
    .sort((a, b) => a - b);
  const lostEvents = accepted.reduce((sum, v) => sum + (expected - v.received), 0);
  const duplicates = measured.reduce((sum, v) => sum + v.duplicates, 0);
  if (refused.length) {
    console.log(
      `    ${refused.length} votes refused, e.g. ${refused[0].report!.status}: ${refused[0].report!.error ?? ''}`,
    );
    // A 5xx is a bug: show what the servers said about it.
    if (refused.some((v) => v.report!.status >= 500))
      for (const server of target.servers)
        console.log(`    server ${server.pid} said:\n${recentOutput(server).slice(-1500)}`);
  }
  const result: RoundResult = {
    participants: n,
    target: target.key,
    variant: opts.variant,
    intervalMs,
    connected,
    presenceRows,
    ranking,
    dropped: droppedConns.length,
    droppedReasons: [...new Set(droppedConns.map((c) => c.dropped!))],
    votes: measured.length,
    refused: refused.length,
    complete: complete.length,
    lostEvents,
    duplicates,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.length ? latencies[latencies.length - 1] : null,
    firstP50: percentile(firsts, 50),
    answerP50: percentile(answers, 50),
    answerP95: percentile(answers, 95),
    deliveredPerSec,
    lagGrowthMs,
    clientLoopP99Ms: round1(loop.percentile(99) / 1e6),
    peakRssMb,
    latencies: inOrder,
  };
  const extra =
    (presenceRows !== null ? `; presence rows ${presenceRows}/${connected}` : '') +
    (ranking ? `; rankings ${ranking.ok}/${ranking.sent} taken, POST p95 ${ranking.answerP95 ?? 'n/a'} ms` : '');
  console.log(
    `    ${target.label}${opts.variant === 'votes' ? '' : ` [${opts.variant}, one vote every ${intervalMs} ms]`}: ` +
      `${connected}/${n} open in ${connectMs} ms${extra}; ${complete.length}/${measured.length} votes everywhere; ` +
      `p50 ${result.p50 ?? 'n/a'} / p95 ${result.p95 ?? 'n/a'} / max ${result.max ?? 'n/a'} ms; RSS ${peakRssMb ?? 'n/a'} MB; ` +
      `bench loop delay p99 ${result.clientLoopP99Ms} ms`,
  );
  await sleep(300); // the server notices the closed streams before the next round
  return result;
}

// ---------------------------------------------------------------- set-up

async function startNext(dbFile: string): Promise<{ server: ChildProcess; base: string; direct: string }> {
  const port = await freePort();
  const base = `http://localhost:${port}`; // next-auth cookies want the host the app is configured with
  // BENCH_CPU_PROF_DIR: the server writes a V8 CPU profile there when it stops (to see where a vote's time goes).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  const server = startChild('next start', [...profile, nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbFile,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    AUTH_URL: base,
    APP_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  const started = Date.now();
  await waitForHttp(`${base}/api/auth/csrf`, server);
  console.log(`next start answered on ${base} after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { server, base, direct: `http://127.0.0.1:${port}` };
}

async function startBaseline(): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const server = startChild(
    'sse baseline',
    [...tsxArgs, path.join(root, 'scripts', 'bench', 'sse-baseline-server.ts')],
    { ...process.env, PORT: String(port) },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/`, server);
  return { server, base };
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

type Seeded = {
  meetingId: number;
  facilitator: string;
  password: string;
  listeners: string[];
  voters: string[];
  acceptedItemIds: number[];
};
type LiveStateLite = { lastEventId: number; meeting: { status: string; currentItemId: number | null } };

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')))
    throw new Error('No production build: run `npm run build` first.');
  const maxN = Math.max(...PARTICIPANTS);
  const dbFile = path.join(tmpDir, 'bench.sqlite');
  let started = Date.now();
  const seeded = JSON.parse(
    (
      await runChild(
        'seed-meeting',
        ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts', 'bench', 'seed-meeting.ts')],
        {
          ...process.env,
          DATABASE_URL: dbFile,
          BENCH_LISTENERS: String(maxN),
          BENCH_VOTERS: String(VOTERS),
        },
      )
    )
      .trim()
      .split('\n')
      .at(-1)!,
  ) as Seeded;
  console.log(
    `Seeded ${dbFile}: meeting ${seeded.meetingId}, ${seeded.listeners.length} observers, ${seeded.voters.length} voters (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );

  const next = await startNext(dbFile);
  const baseline = await startBaseline();
  await startSenders();

  const facilitator = await signIn(next.base, seeded.facilitator, seeded.password);
  const liveUrl = `${next.base}/api/meetings/${seeded.meetingId}/live`;
  const state = await json<LiveStateLite>(
    await fetch(liveUrl, {
      method: 'POST',
      // As a browser's fetch from the page: the API refuses a cross-site write.
      headers: { cookie: facilitator, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      // The benchmark's meeting has no pre-read and may be far off: confirm both warnings.
      body: JSON.stringify({
        action: 'start',
        votesVisibility: 'live',
        weighted: false,
        confirm: ['no_preread', 'early'],
      }),
    }),
    'Starting the meeting',
  );
  const itemId = state.meeting.currentItemId;
  if (state.meeting.status !== 'live' || !itemId)
    throw new Error(`The meeting did not go live: ${JSON.stringify(state.meeting)}`);
  console.log(`Meeting ${seeded.meetingId} is live on item ${itemId}.`);

  started = Date.now();
  const emails = [...seeded.voters, ...seeded.listeners];
  const cookies = await mapLimit(emails, SIGN_IN_CONCURRENCY, (email) => signIn(next.base, email, seeded.password));
  const voterCookies = cookies.slice(0, seeded.voters.length);
  const listenerCookies = cookies.slice(seeded.voters.length);
  console.log(
    `Signed in ${emails.length} users, ${SIGN_IN_CONCURRENCY} at a time (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );

  const targets: Target[] = [
    {
      key: 'quorum',
      label: 'Quorum (next start)',
      servers: [next.server],
      listenerCookies,
      voterCookies,
      itemId,
      voteUrls: [`${next.direct}/api/meetings/${seeded.meetingId}/live`],
      eventsUrls: async () => {
        const s = await json<LiveStateLite>(await fetch(liveUrl, { headers: { cookie: facilitator } }), 'GET …/live');
        return [`${next.direct}/api/meetings/${seeded.meetingId}/events?lastEventId=${s.lastEventId}`];
      },
      presence: sqlitePresence(dbFile, seeded.meetingId),
    },
    {
      key: 'baseline',
      label: 'baseline node:http SSE',
      servers: [baseline.server],
      listenerCookies: null,
      voterCookies: [''],
      itemId,
      voteUrls: [`${baseline.base}/vote`],
      eventsUrls: async () => [`${baseline.base}/events`],
    },
  ];

  // The same meeting on PostgreSQL, three processes: the listeners spread over them, votes to each in turn.
  const postgres =
    process.env.BENCH_POSTGRES === '0' ? null : await setUpPostgresRound(maxN, VOTERS, SIGN_IN_CONCURRENCY);
  if (postgres) {
    targets.splice(1, 0, {
      key: 'quorum-pg3',
      label: `Quorum (PostgreSQL, ${POSTGRES_PROCESSES} processes)`,
      ...postgres,
    });
  }

  const [load1] = os.loadavg();
  if (load1 > os.cpus().length * 0.5) {
    console.log(
      `\nWARNING: load average ${load1.toFixed(1)} on ${os.cpus().length} CPUs — other work competes with the servers; figures will be high and noisy.`,
    );
  }
  const pacing =
    VOTE_INTERVAL_MS > 0
      ? `one every ${VOTE_INTERVAL_MS} ms`
      : 'one at a time, each after the previous reached everybody';
  console.log(
    `\nRounds: ${VOTES} votes each (${pacing}) from ${SENDERS} sender processes, after ${WARMUP_VOTES} warm-up votes:`,
  );
  const quorum = targets[0];
  const probe = await probeRanking(liveUrl, voterCookies[0], seeded.acceptedItemIds);
  console.log(
    probe.available
      ? `Everyone-ranks traffic: one submission every ${RANK_INTERVAL_MS} ms during an extra round per N.`
      : `Everyone-ranks traffic: ${probe.reason}.`,
  );
  const checkServers = () => {
    const crashed = targets.filter((x) => x.servers.some((s) => s.exitCode !== null || s.signalCode !== null));
    if (crashed.length) throw new Error(`A server exited during the run: ${crashed.map((x) => x.label).join(', ')}.`);
  };
  const results: RoundResult[] = [];
  for (const n of PARTICIPANTS) {
    console.log(`  ${n} participants`);
    for (const t of targets) {
      results.push(await runRound(t, n));
      checkServers();
    }
    if (probe.available) {
      results.push(
        await runRound(quorum, n, { ...DEFAULT_ROUND, variant: 'votes+ranks', rankItemIds: seeded.acceptedItemIds }),
      );
      checkServers();
    }
  }
  const sweep =
    process.env.BENCH_RATE_SWEEP === '1'
      ? await rateSweep(maxN, VOTES, (opts) => runRound(quorum, maxN, opts).finally(checkServers))
      : null;
  report(results, sweep, {
    meetingId: seeded.meetingId,
    loadAvg1mBefore: round1(load1),
    everyoneRanks: probe.available ? { intervalMs: RANK_INTERVAL_MS } : probe.reason,
  });
  await postgres?.database.drop();
}

main().then(
  () => stopChildren().finally(() => process.exit(0)),
  (error: unknown) => {
    if (interrupted) return; // the signal handler is already stopping and exiting
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    void stopChildren().finally(() => process.exit(1));
  },
);
