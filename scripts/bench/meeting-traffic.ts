/**
 * The live-meeting benchmark's traffic beside the votes (scripts/bench/meeting.ts):
 * - presence: every open live stream is meant to hold one `meeting_presence` row (refreshed by its heartbeat).
 *   The bench counts the meeting's rows once its streams are open, straight from the database, so a round says
 *   whether the room it measured was a room with presence (a build without it shows 0 rows);
 * - everyone ranks: while the votes are cast, the voting leaders submit their own orders of the cycle's accepted
 *   items, `{ action: 'submit-ranking', itemIds }`, paced like the votes (one every RANK_INTERVAL_MS, from the
 *   same sender processes). A build without that command answers 400 "action must be one of …": the probe
 *   says so, and the round is reported as not available instead of failing the run.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

export const RANK_INTERVAL_MS = Number(process.env.BENCH_RANK_INTERVAL_MS ?? 250);

/** How many presence rows the meeting has now, or null when the database cannot be read. */
export type PresenceCounter = () => Promise<number | null>;

export function sqlitePresence(file: string, meetingId: number): PresenceCounter {
  return async () => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (
        db.prepare('select count(*) as n from meeting_presence where meeting_id = ?').get(meetingId) as { n: number }
      ).n;
    } catch {
      return null;
    } finally {
      db.close();
    }
  };
}

export function postgresPresence(url: string, meetingId: number): PresenceCounter {
  return async () => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const r = await client.query<{ n: string }>('select count(*) as n from meeting_presence where meeting_id = $1', [
        meetingId,
      ]);
      return Number(r.rows[0].n);
    } catch {
      return null;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}

/**
 * Waits (up to `timeoutMs`) until the meeting has at least `expected` presence rows, and returns the last
 * count: a stream may register its row just after it has opened.
 */
export async function awaitPresence(
  count: PresenceCounter,
  expected: number,
  timeoutMs = 3000,
): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  let n = await count();
  while (n !== null && n < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    n = await count();
  }
  return n;
}

/** A leader's order: the accepted items, shuffled (a different order each time, so each is a real change). */
export function rankingBody(acceptedItemIds: number[], seq: number): string {
  const ids = acceptedItemIds.slice();
  let s = Math.imul(seq, 2654435761) >>> 0;
  for (let i = ids.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return JSON.stringify({ action: 'submit-ranking', itemIds: ids });
}

export type RankingProbe = { available: true } | { available: false; reason: string };

/** Sends one submission as a leader would: is the everyone-ranks command in this build? */
export async function probeRanking(url: string, cookie: string, acceptedItemIds: number[]): Promise<RankingProbe> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: rankingBody(acceptedItemIds, 1),
  });
  if (res.ok) return { available: true };
  const text = await res.text();
  if (res.status === 400 && /action must be one of/.test(text))
    return { available: false, reason: 'not available in this build' };
  return { available: false, reason: `refused (${res.status}: ${text.slice(0, 200)})` };
}

/** What a round's ranking submissions came to. */
export type RankingStats = { sent: number; ok: number; refused: number; answerP95: number | null; firstError?: string };

export function rankingStats(reports: { status: number; answeredMs: number; error?: string }[]): RankingStats {
  const answers = reports.map((r) => r.answeredMs).sort((a, b) => a - b);
  const failed = reports.filter((r) => r.status < 200 || r.status >= 300);
  const p95 = answers.length
    ? Math.round(answers[Math.min(answers.length - 1, Math.ceil(0.95 * answers.length) - 1)] * 10) / 10
    : null;
  return {
    sent: reports.length,
    ok: reports.length - failed.length,
    refused: failed.length,
    answerP95: p95,
    ...(failed.length ? { firstError: `${failed[0].status}: ${failed[0].error ?? ''}`.slice(0, 200) } : {}),
  };
}
