/**
 * The live-meeting benchmark's report (scripts/bench/meeting.ts): the rounds' table, the ratios to the bare
 * broadcaster measured in the same run, the targets as PASS/MISS, the rate sweep's answer, and
 * bench-results/meeting.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RoundResult } from './meeting';
import { PARTICIPANTS, SENDERS, VOTE_INTERVAL_MS, VOTERS, VOTES, WARMUP_VOTES } from './meeting-config';
import { POSTGRES_PROCESSES } from './meeting-postgres';
import type { Sweep } from './meeting-sweep';
import { passMiss, root, table } from './lib';

const outFile = path.join(root, 'bench-results', 'meeting.json');
export const P95_TARGET_MS = 50;
export const RATIO_TARGET = 3;
const RSS_TARGET_MB = 500;

const fmt = (v: number | null | undefined) => (v == null ? 'n/a' : String(v));
const round1 = (n: number) => Math.round(n * 10) / 10;
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || b <= 0 ? null : Math.round((a / b) * 10) / 10;
const times = (v: number | null) => (v === null ? 'n/a' : `${v}×`);

function serverName(r: RoundResult): string {
  const name =
    r.target === 'quorum' ? 'Quorum' : r.target === 'quorum-pg3' ? `Quorum PG×${POSTGRES_PROCESSES}` : 'baseline';
  return r.variant === 'votes+ranks' ? `${name} + ranks` : name;
}

type Check = { target: string; value: string; pass: boolean };

function checksOf(results: RoundResult[]): Check[] {
  const find = (n: number, key: RoundResult['target'], variant: RoundResult['variant'] = 'votes') =>
    results.find((r) => r.participants === n && r.target === key && r.variant === variant);
  const checks: Check[] = [];
  for (const n of PARTICIPANTS) {
    const b = find(n, 'baseline');
    for (const q of [find(n, 'quorum'), find(n, 'quorum', 'votes+ranks')]) {
      if (!q) continue;
      const what = `${n} participants${q.variant === 'votes+ranks' ? ', leaders ranking meanwhile' : ''}`;
      const r = ratio(q.p95, b?.p95);
      checks.push({
        target: `${what}: p95 within ${RATIO_TARGET}× of the bare broadcaster`,
        value: `${fmt(q.p95)} ms vs ${fmt(b?.p95)} ms = ${times(r)}`,
        pass: r !== null && r <= RATIO_TARGET,
      });
      checks.push({
        target: `${what}: p95 < ${P95_TARGET_MS} ms`,
        value: `${fmt(q.p95)} ms`,
        pass: q.p95 !== null && q.p95 < P95_TARGET_MS,
      });
      checks.push({
        target: `${what}: 0 dropped, 0 lost, every vote everywhere`,
        value: `${q.dropped} dropped, ${q.lostEvents} lost, ${q.refused} refused, ${q.complete}/${q.votes}`,
        pass: q.dropped === 0 && q.lostEvents === 0 && q.refused === 0 && q.connected === n && q.complete === q.votes,
      });
      if (q.ranking)
        checks.push({
          target: `${what}: every ranking submission taken`,
          value: `${q.ranking.ok}/${q.ranking.sent}${q.ranking.firstError ? ` (${q.ranking.firstError})` : ''}`,
          pass: q.ranking.sent > 0 && q.ranking.refused === 0,
        });
      if (n === 200 && q.variant === 'votes')
        checks.push({
          target: `200 participants: server RSS < ${RSS_TARGET_MB} MB`,
          value: `${fmt(q.peakRssMb)} MB`,
          pass: q.peakRssMb !== null && q.peakRssMb < RSS_TARGET_MB,
        });
    }
  }
  const maxN = Math.max(...PARTICIPANTS);
  const q = find(maxN, 'quorum');
  const m = find(maxN, 'quorum-pg3');
  if (q && m) {
    checks.push({
      target: `${maxN} participants on PostgreSQL ×${POSTGRES_PROCESSES}: p95 within 2× of one SQLite process`,
      value: `${fmt(m.p95)} ms vs ${fmt(q.p95)} ms`,
      pass: m.p95 !== null && q.p95 !== null && m.p95 <= 2 * q.p95,
    });
    checks.push({
      target: `${maxN} participants on PostgreSQL ×${POSTGRES_PROCESSES}: 0 lost, 0 dropped`,
      value: `${m.lostEvents} lost, ${m.dropped} dropped, ${m.complete}/${m.votes} everywhere`,
      pass: m.lostEvents === 0 && m.dropped === 0 && m.connected === maxN && m.complete === m.votes,
    });
  }
  return checks;
}

function notes(results: RoundResult[]): void {
  for (const r of results) {
    const who = `${serverName(r)} at ${r.participants}`;
    if (r.lagGrowthMs !== null && r.lagGrowthMs > 2 * r.intervalMs)
      console.log(
        `\n  ${who}: fell behind the votes — the last 10 took ${r.lagGrowthMs} ms longer than the first 10 ` +
          `(${fmt(r.deliveredPerSec)} of ${round1(1000 / r.intervalMs)} votes/s delivered), so its latencies grow with the ` +
          'number of votes; BENCH_VOTE_INTERVAL_MS=0 measures one vote at a time.',
      );
    if (r.clientLoopP99Ms > 10)
      console.log(
        `\n  ${who}: the bench's own event loop lagged (p99 ${r.clientLoopP99Ms} ms): receive times are late by up to that.`,
      );
    if (r.dropped) console.log(`\n  ${who}: ${r.dropped} dropped connections (${r.droppedReasons.join('; ')}).`);
    if (r.duplicates) console.log(`\n  ${who}: ${r.duplicates} votes received twice on a connection.`);
    if (r.presenceRows === 0)
      console.log(
        `\n  ${who}: no presence rows while ${r.connected} streams were open (presence is not in this build).`,
      );
  }
}

export function report(results: RoundResult[], sweep: Sweep | null, info: Record<string, unknown>): void {
  const main = results.filter((r) => r.variant !== 'sweep');
  const pacing = VOTE_INTERVAL_MS > 0 ? `one every ${VOTE_INTERVAL_MS} ms` : 'one at a time';
  console.log(
    `\nLive meeting SSE propagation: ${VOTES} votes per round (${pacing}) from ${SENDERS} processes; latency = send → last participant received\n`,
  );
  console.log(
    table(
      [
        'participants',
        'server',
        'p50 ms',
        'p95 ms',
        'max ms',
        'first p50 ms',
        'POST p95 ms',
        'votes/s',
        'votes everywhere',
        'dropped',
        'lost',
        'refused',
        'presence',
        'peak RSS MB',
      ],
      main.map((r) => [
        r.participants,
        serverName(r),
        fmt(r.p50),
        fmt(r.p95),
        fmt(r.max),
        fmt(r.firstP50),
        fmt(r.answerP95),
        fmt(r.deliveredPerSec),
        `${r.complete}/${r.votes}`,
        r.dropped,
        r.lostEvents,
        r.refused,
        r.presenceRows === null ? '–' : `${r.presenceRows}/${r.connected}`,
        fmt(r.peakRssMb),
      ]),
    ),
  );
  console.log(
    '(first p50: to the first participant; POST p95: until the vote request was answered; votes/s: delivered to everybody' +
      `${VOTE_INTERVAL_MS > 0 ? `, ${round1(1000 / VOTE_INTERVAL_MS)} offered` : ''}; presence: the meeting's presence rows / open streams)`,
  );
  const find = (n: number, key: RoundResult['target'], variant: RoundResult['variant'] = 'votes') =>
    main.find((r) => r.participants === n && r.target === key && r.variant === variant);
  const ratios = PARTICIPANTS.map((n) => {
    const b = find(n, 'baseline');
    const q = find(n, 'quorum');
    const m = find(n, 'quorum-pg3');
    const ranks = find(n, 'quorum', 'votes+ranks');
    return {
      participants: n,
      baselineP95: b?.p95 ?? null,
      p50: ratio(q?.p50, b?.p50),
      p95: ratio(q?.p95, b?.p95),
      withRanksP95: ratio(ranks?.p95, b?.p95),
      postgresP95VsSingle: ratio(m?.p95, q?.p95),
      postgresP95VsBaseline: ratio(m?.p95, b?.p95),
    };
  });
  console.log(
    `\nQuorum / baseline in this run (lower is better; 1 = as fast as a bare broadcaster; target ≤ ${RATIO_TARGET}×):\n`,
  );
  console.log(
    table(
      [
        'participants',
        'baseline p95 ms',
        'p50 ratio',
        'p95 ratio',
        'p95 ratio, leaders ranking',
        `PG×${POSTGRES_PROCESSES} / SQLite p95`,
        `PG×${POSTGRES_PROCESSES} / baseline p95`,
      ],
      ratios.map((r) => [
        r.participants,
        fmt(r.baselineP95),
        times(r.p50),
        `${times(r.p95)} ${r.p95 === null ? '' : passMiss(r.p95 <= RATIO_TARGET)}`,
        r.withRanksP95 === null ? 'n/a' : `${times(r.withRanksP95)} ${passMiss(r.withRanksP95 <= RATIO_TARGET)}`,
        times(r.postgresP95VsSingle),
        times(r.postgresP95VsBaseline),
      ]),
    ),
  );
  if (typeof info.everyoneRanks === 'string') console.log(`\nEveryone-ranks traffic: ${info.everyoneRanks}.`);
  notes(results);
  if (sweep) {
    console.log(`\nRate sweep at ${sweep.participants} participants (limit ${sweep.limitMs} ms):\n`);
    console.log(
      table(
        [
          'votes/s offered',
          'votes',
          'everywhere',
          'p95 ms',
          'max ms',
          'delivered votes/s',
          'holds (p95)',
          'every vote',
        ],
        sweep.steps.map((s) => [
          s.votesPerSec,
          s.votes,
          `${s.complete}/${s.votes}`,
          fmt(s.p95),
          fmt(s.max),
          fmt(s.deliveredPerSec),
          passMiss(s.holds),
          passMiss(s.holdsMax),
        ]),
      ),
    );
    console.log(
      `\nHighest vote rate at which ${sweep.participants} participants get every vote within ${sweep.limitMs} ms: ` +
        `${sweep.highest === null ? `below ${sweep.steps[0]?.votesPerSec} votes/s` : `${sweep.highest} votes/s`} (p95), ` +
        `${sweep.highestMax === null ? 'none tried' : `${sweep.highestMax} votes/s`} (even the slowest vote).`,
    );
  }
  const checks = checksOf(main);
  if (checks.length) {
    console.log('\nTargets:');
    for (const c of checks) console.log(`  ${passMiss(c.pass)}  ${c.target} (${c.value})`);
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(
    outFile,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        ...info,
        participants: PARTICIPANTS,
        votesPerRound: VOTES,
        voteIntervalMs: VOTE_INTERVAL_MS,
        senders: SENDERS,
        voters: VOTERS,
        warmupVotes: WARMUP_VOTES,
        results,
        ratios,
        sweep,
        checks,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nWrote ${path.relative(root, outFile)}`);
}
