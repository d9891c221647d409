/**
 * The live-meeting benchmark's PostgreSQL round: the same meeting seeded into a PostgreSQL database,
 * three `next start` processes on it, the listeners spread over the three and each vote sent to the next
 * process, so a vote reaches most listeners through PostgreSQL's LISTEN/NOTIFY.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { mapLimit, root, runChild, signIn, tsxArgs } from './lib';
import { createBenchDatabase, startNextProcesses, type PostgresDatabase } from './postgres-servers';
import { postgresPresence, type PresenceCounter } from './meeting-traffic';

export const POSTGRES_PROCESSES = 3;

type Seeded = { meetingId: number; facilitator: string; password: string; listeners: string[]; voters: string[] };

export type PostgresRound = {
  database: PostgresDatabase;
  servers: ChildProcess[];
  listenerCookies: string[];
  voterCookies: string[];
  voteUrls: string[];
  itemId: number;
  eventsUrls: () => Promise<string[]>;
  presence: PresenceCounter;
};

/** Seeds, starts the processes, signs everyone in and starts the meeting; null without PostgreSQL. */
export async function setUpPostgresRound(
  listeners: number,
  voters: number,
  signInConcurrency: number,
): Promise<PostgresRound | null> {
  const database = await createBenchDatabase('quorum_bench_meeting');
  if (!database) return null;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    BENCH_LISTENERS: String(listeners),
    BENCH_VOTERS: String(voters),
  };
  const seedScript = path.join(root, 'scripts', 'bench', 'seed-meeting.ts');
  const out = await runChild('seed-meeting (PostgreSQL)', ['--conditions=react-server', ...tsxArgs, seedScript], env);
  const seeded = JSON.parse(out.trim().split('\n').at(-1)!) as Seeded;
  const processes = await startNextProcesses(database.url, POSTGRES_PROCESSES);
  console.log(`PostgreSQL: meeting ${seeded.meetingId} seeded; ${POSTGRES_PROCESSES} processes answering.`);

  const first = processes[0];
  const facilitator = await signIn(first.base, seeded.facilitator, seeded.password);
  const liveUrl = (base: string) => `${base}/api/meetings/${seeded.meetingId}/live`;
  const started = await fetch(liveUrl(first.base), {
    method: 'POST',
    // As a browser's fetch from the page: the API refuses a cross-site write.
    headers: { cookie: facilitator, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({
      action: 'start',
      votesVisibility: 'live',
      weighted: false,
      confirm: ['no_preread', 'early'],
    }),
  });
  if (!started.ok)
    throw new Error(`Starting the PostgreSQL meeting answered ${started.status}: ${await started.text()}`);
  const state = (await started.json()) as { meeting: { status: string; currentItemId: number | null } };
  if (state.meeting.status !== 'live' || !state.meeting.currentItemId)
    throw new Error(`The PostgreSQL meeting did not go live: ${JSON.stringify(state.meeting)}`);

  // Sessions live in the database: a cookie from one process is good on all of them.
  const emails = [...seeded.voters, ...seeded.listeners];
  const cookies = await mapLimit(emails, signInConcurrency, (email, i) =>
    signIn(processes[i % processes.length].base, email, seeded.password),
  );
  return {
    database,
    servers: processes.map((p) => p.server),
    voterCookies: cookies.slice(0, seeded.voters.length),
    listenerCookies: cookies.slice(seeded.voters.length),
    voteUrls: processes.map((p) => liveUrl(p.direct)),
    itemId: state.meeting.currentItemId,
    presence: postgresPresence(database.url, seeded.meetingId),
    eventsUrls: async () => {
      const res = await fetch(liveUrl(first.base), { headers: { cookie: facilitator } });
      const { lastEventId } = (await res.json()) as { lastEventId: number };
      return processes.map((p) => `${p.direct}/api/meetings/${seeded.meetingId}/events?lastEventId=${lastEventId}`);
    },
  };
}
