import 'server-only';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { and, asc, eq, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { outbox, type OutboxRow } from '@/db/schema';
import { env } from '@/lib/env.server';
import { MAX_ATTEMPTS, backoffMs, classifySendError } from './outbox-policy';
import { setOutboxWaker } from './wake.server';
import { affectedRows, first } from '@/db/rows';

/** Sends one message; resolves when the SMTP server has accepted it. */
export type SendMail = (message: Mail.Options) => Promise<unknown>;

export const STALE_CLAIM_MS = 2 * 60_000;
const POLL_MS = 1_000;
/** Rows looked at per pass; a full batch makes the loop go round again at once. */
const BATCH = 100;
/** Sends in flight at once, matching the pool's connections. */
const CONCURRENCY = 5;

/**
 * Ids this process is sending right now. Stale-claim recovery skips them, so a slow send in this
 * process is never taken for a crashed one and sent a second time.
 */
const inFlight = new Set<number>();

/**
 * A pooled nodemailer transport for SMTP_URL. Options in the URL's query string win over ours
 * (e.g. `?maxConnections=10`). Timeouts are kept well under STALE_CLAIM_MS; `maxRequeues: 0`
 * stops the pool from silently re-sending on a dropped connection: the outbox does the retrying.
 */
export function createMailer(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const defaults = {
    pool: 'true',
    maxConnections: String(CONCURRENCY),
    maxRequeues: '0',
    connectionTimeout: '20000',
    greetingTimeout: '15000',
    socketTimeout: '60000',
  };
  for (const [key, value] of Object.entries(defaults)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  const transport = nodemailer.createTransport(url.toString());
  return { send: ((message) => transport.sendMail(message)) as SendMail, close: () => transport.close() };
}

/** The METHOD line of an invitation; REQUEST when it has none. */
export function icsMethod(ics: string): string {
  return /^METHOD:([A-Z-]+)\r?$/m.exec(ics)?.[1] ?? 'REQUEST';
}

function toMessage(row: OutboxRow): Mail.Options {
  return {
    from: env().MAIL_FROM,
    to: row.toAddress,
    subject: row.subject,
    text: row.text,
    html: row.html,
    // An invitation as text/calendar with its own METHOD (REQUEST, or CANCEL for a cancelled event),
    // so mail clients offer to add, update or remove it.
    ...(row.ics ? { icalEvent: { method: icsMethod(row.ics), content: row.ics } } : {}),
  };
}

export type PassResult = { recovered: number; seen: number; sent: number; retrying: number; failed: number };

/**
 * One pass over the outbox: recover stale claims, then claim and send every due row, up to
 * CONCURRENCY at a time. `now` is the pass's clock (epoch ms); tests pass their own.
 */
export async function processOutboxOnce(sendMail: SendMail, now: number = Date.now()): Promise<PassResult> {
  // Real time elapsed during the pass is added, so back-off counts from the failure, not the pass start.
  const started = Date.now();
  const clock = () => now + (Date.now() - started);
  const result: PassResult = { recovered: await recoverStaleClaims(now), seen: 0, sent: 0, retrying: 0, failed: 0 };
  const due = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(BATCH);
  result.seen = due.length;
  const problems = new Map<string, number>();
  let next = 0;
  const lane = async () => {
    while (next < due.length) {
      const row = await claim(due[next++].id, clock());
      if (!row) continue; // another process (or pass) took it
      inFlight.add(row.id);
      let failure: { error: unknown } | null = null;
      try {
        await sendMail(toMessage(row));
      } catch (error) {
        failure = { error };
      }
      // Marking stays outside the send's try: a database error after a successful send must not be
      // taken for a send failure and retried at once (the row stays claimed; recovery handles it).
      try {
        if (!failure) {
          await markSent(row, clock());
          result.sent++;
        } else {
          const verdict = classifySendError(failure.error);
          if ((await markFailed(row, verdict, clock())) === 'retrying') result.retrying++;
          else result.failed++;
          problems.set(verdict.reason, (problems.get(verdict.reason) ?? 0) + 1);
        }
      } finally {
        inFlight.delete(row.id);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  // One line per distinct reason: an outage with 60 queued mails is one warning, not 60.
  for (const [reason, count] of problems)
    console.warn(`[outbox] ${count} e-mail(s) not sent: ${reason.split('\n')[0]}`);
  return result;
}

/**
 * A row left in `sending` for longer than STALE_CLAIM_MS belongs to a process that died mid-send.
 * It goes back to `pending`. If that process had already handed the mail to the SMTP server, the
 * recipient gets it twice: the one documented duplicate case (docs/decisions/0004-outbox.md).
 */
async function recoverStaleClaims(now: number): Promise<number> {
  return affectedRows(
    await db
      .update(outbox)
      .set({
        status: 'pending',
        claimedAt: null,
        nextAttemptAt: now,
        attempts: sql`${outbox.attempts} + 1`,
        lastError: 'Interrupted while sending (the server stopped?); sent again, so it may arrive twice.',
      })
      .where(
        and(
          eq(outbox.status, 'sending'),
          lt(outbox.claimedAt, now - STALE_CLAIM_MS),
          notInArray(outbox.id, [...inFlight]),
        ),
      ),
  );
}

/**
 * pending → sending, only if still pending: the conditional UPDATE is the lock, so two workers
 * (or two passes) never send the same row. `returning` yields the row only when exactly this
 * update changed it (changes === 1).
 */
async function claim(id: number, at: number): Promise<OutboxRow | undefined> {
  return (
    await db
      .update(outbox)
      .set({ status: 'sending', claimedAt: at })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
      .returning()
  )[0];
}

// Both marks require the row to be still in our claim: if it was recovered meanwhile, leave it.
const ours = (row: OutboxRow) =>
  and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.claimedAt, row.claimedAt!));

async function markSent(row: OutboxRow, at: number) {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: new Date(at).toISOString(), attempts: row.attempts + 1, claimedAt: null })
    .where(ours(row));
}

async function markFailed(
  row: OutboxRow,
  verdict: { temporary: boolean; reason: string },
  at: number,
): Promise<'retrying' | 'failed'> {
  const attempts = row.attempts + 1;
  const retry = verdict.temporary && attempts < MAX_ATTEMPTS;
  await db
    .update(outbox)
    .set({
      status: retry ? 'pending' : 'failed',
      attempts,
      lastError: verdict.reason,
      claimedAt: null,
      ...(retry ? { nextAttemptAt: at + backoffMs(attempts) } : {}),
    })
    .where(ours(row));
  return retry ? 'retrying' : 'failed';
}

type WorkerState = { busy: boolean; again: boolean; timer: NodeJS.Timeout };
// On globalThis so a second start (dev hot reload, instrumentation run twice) finds the first.
const g = globalThis as unknown as { quorumOutboxWorker?: WorkerState };

/**
 * Sends the outbox over SMTP_URL: a pass every second, and at once when notify() wakes it.
 * Idempotent. Errors never escape: a broken mail server must not take the app down.
 */
export function startOutboxWorker(opts: { pollMs?: number } = {}): void {
  const configured = env().SMTP_URL;
  if (!configured || g.quorumOutboxWorker) return;
  const smtpUrl: string = configured; // narrowed once, for the closure below
  const state: WorkerState = {
    busy: false,
    again: false,
    timer: setInterval(() => void tick(), opts.pollMs ?? POLL_MS),
  };
  state.timer.unref(); // polling alone must not keep the process alive at shutdown
  g.quorumOutboxWorker = state;

  async function tick() {
    // A wake during a pass is remembered, so mail queued meanwhile is not left for the next poll.
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    try {
      do {
        state.again = false;
        if (!(await hasWork(Date.now()))) continue;
        // A pool per pass: a batch shares a few connections, and none stays open between passes,
        // so a mail server that restarts (or waits for idle clients before it stops) sees no stale one.
        const mailer = createMailer(smtpUrl);
        try {
          const pass = await processOutboxOnce(mailer.send);
          if (pass.seen >= BATCH) state.again = true;
        } finally {
          mailer.close();
        }
      } while (state.again);
    } catch (error) {
      console.warn(`[outbox] pass failed: ${(error as Error).message}`);
    } finally {
      state.busy = false;
    }
  }
  setOutboxWaker(() => void tick());
  void tick();
}

/** Cheap check before opening any connection: is something due, or stuck in a stale claim? */
async function hasWork(now: number): Promise<boolean> {
  return Boolean(
    first(
      await db
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          or(
            and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
            and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, now - STALE_CLAIM_MS)),
          ),
        )
        .limit(1),
    ),
  );
}

/** For tests and shutdown: stop polling (a pass under way finishes and closes its connections). */
export function stopOutboxWorker(): void {
  const state = g.quorumOutboxWorker;
  if (!state) return;
  clearInterval(state.timer);
  setOutboxWaker(null);
  g.quorumOutboxWorker = undefined;
}
