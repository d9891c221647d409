import 'server-only';
import { AsyncResource } from 'node:async_hooks';
import { and, asc, eq, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhooks, type WebhookDelivery } from '@/db/schema';
import { affectedRows, first } from '@/db/rows';
import { env } from '@/lib/env.server';
import { decryptSecret } from '@/lib/security/secrets.server';
import { MAX_ATTEMPTS, retryDelayMs } from './policy';
import { post, type Outcome } from './post.server';
import { setWebhookWaker } from './wake.server';

/** Longer than any timeout (at most a minute): a claim this old belongs to a process that died. */
export const STALE_CLAIM_MS = 2 * 60_000;
const POLL_MS = 1_000;
const BATCH = 100;
/** Receivers posted to at once. Each webhook uses one lane, so a hanging receiver holds only its own. */
export const LANES = 8;

/** Deliveries and webhooks this process is sending to right now (stale-claim recovery skips them). */
const inFlight = new Set<number>();
const busyHooks = new Set<number>();

export type WorkerOptions = { now?: number; timeoutMs?: number; firstRetryMs?: number };
export type PassResult = { recovered: number; started: number; lanes: Promise<number>[] };

/**
 * Recovers stale claims, then starts one lane per webhook with due deliveries (up to LANES, skipping
 * webhooks this process is already sending to). Each lane sends its webhook's deliveries in order.
 * Returns without waiting for the lanes: the worker never lets a slow receiver delay the next pass.
 */
export async function startWebhookPass(opts: WorkerOptions = {}): Promise<PassResult> {
  const now = opts.now ?? Date.now();
  const started = Date.now();
  const clock = () => now + (Date.now() - started);
  const recovered = await recoverStaleClaims(now);
  const due = await db
    .select({ id: webhookDeliveries.id, webhookId: webhookDeliveries.webhookId })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhooks.active, true),
        notInArray(webhookDeliveries.webhookId, [...busyHooks]),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(BATCH);
  const byHook = new Map<number, number[]>();
  for (const d of due) byHook.set(d.webhookId, [...(byHook.get(d.webhookId) ?? []), d.id]);
  const lanes: Promise<number>[] = [];
  for (const [hookId, ids] of byHook) {
    if (busyHooks.size >= LANES) break;
    busyHooks.add(hookId);
    lanes.push(runLane(hookId, ids, clock, opts).finally(() => busyHooks.delete(hookId)));
  }
  return { recovered, started: lanes.length, lanes };
}

/** One pass, waiting for every lane: what the tests call. */
export async function processWebhooksOnce(opts: WorkerOptions = {}): Promise<{ recovered: number; lanes: number }> {
  const pass = await startWebhookPass(opts);
  await Promise.all(pass.lanes);
  return { recovered: pass.recovered, lanes: pass.started };
}

const UNREADABLE_SECRET =
  'The signing secret cannot be decrypted (was AUTH_SECRET changed?): rotate the secret, then re-send.';

/** Sends a webhook's due deliveries in order; returns how many it claimed (the worker goes round again only then). */
async function runLane(hookId: number, ids: number[], clock: () => number, opts: WorkerOptions): Promise<number> {
  const hook = first(await db.select().from(webhooks).where(eq(webhooks.id, hookId)));
  if (!hook) return 0;
  let secret: string | null;
  try {
    secret = decryptSecret(hook.secretCiphertext);
  } catch {
    secret = null; // each delivery records the failure and backs off, rather than the worker retrying at once
  }
  const timeoutMs = opts.timeoutMs ?? env().WEBHOOK_TIMEOUT_MS;
  const firstRetryMs = opts.firstRetryMs ?? env().WEBHOOK_FIRST_RETRY_MS;
  let claimed = 0;
  for (const id of ids) {
    const row = await claim(id, clock());
    if (!row) continue; // another process (or pass) took it
    claimed++;
    inFlight.add(row.id);
    try {
      const outcome =
        secret === null
          ? { statusCode: null, error: UNREADABLE_SECRET, durationMs: 0 }
          : await post(row, hook.url, secret, timeoutMs);
      await record(row, outcome, clock(), firstRetryMs);
    } finally {
      inFlight.delete(row.id);
    }
  }
  return claimed;
}

async function claim(id: number, at: number): Promise<WebhookDelivery | undefined> {
  return (
    await db
      .update(webhookDeliveries)
      .set({ status: 'sending', claimedAt: at })
      .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')))
      .returning()
  )[0];
}

/** Logs the try and moves the row on, only if it is still in our claim (recovery may have taken it). */
async function record(row: WebhookDelivery, outcome: Outcome, at: number, firstRetryMs: number) {
  const attempts = row.attempts + 1;
  const delivered = outcome.error === null;
  const retry = !delivered && attempts < MAX_ATTEMPTS;
  await transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId: row.id, at, ...outcome });
    await tx
      .update(webhookDeliveries)
      .set({
        status: delivered ? 'delivered' : retry ? 'pending' : 'failed',
        attempts,
        claimedAt: null,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        ...(delivered ? { deliveredAt: at } : {}),
        ...(retry ? { nextAttemptAt: at + retryDelayMs(attempts, firstRetryMs) } : {}),
      })
      .where(
        and(
          eq(webhookDeliveries.id, row.id),
          eq(webhookDeliveries.status, 'sending'),
          eq(webhookDeliveries.claimedAt, row.claimedAt!),
        ),
      );
  });
}

/** A row left `sending` past STALE_CLAIM_MS by a process that died goes back to pending (it may arrive twice). */
async function recoverStaleClaims(now: number): Promise<number> {
  return affectedRows(
    await db
      .update(webhookDeliveries)
      .set({
        status: 'pending',
        claimedAt: null,
        nextAttemptAt: now,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastError: 'Interrupted while sending (the server stopped?); sent again, so it may arrive twice.',
      })
      .where(
        and(
          eq(webhookDeliveries.status, 'sending'),
          lt(webhookDeliveries.claimedAt, now - STALE_CLAIM_MS),
          notInArray(webhookDeliveries.id, [...inFlight]),
        ),
      ),
  );
}

async function hasWork(now: number): Promise<boolean> {
  const due = and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now));
  const stale = and(eq(webhookDeliveries.status, 'sending'), lt(webhookDeliveries.claimedAt, now - STALE_CLAIM_MS));
  return Boolean(
    first(await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(or(due, stale)).limit(1)),
  );
}

type WorkerState = { busy: boolean; again: boolean; timer: NodeJS.Timeout };
const g = globalThis as unknown as { quorumWebhookWorker?: WorkerState };

/**
 * Delivers the webhooks' outbox: a pass every second, at once when woken, and again whenever a
 * lane finishes. Idempotent; errors never escape (a broken receiver must not take the app down).
 */
export function startWebhookWorker(opts: { pollMs?: number } = {}): void {
  if (g.quorumWebhookWorker) return;
  const state: WorkerState = {
    busy: false,
    again: false,
    timer: setInterval(() => void tick(), opts.pollMs ?? POLL_MS),
  };
  state.timer.unref();
  g.quorumWebhookWorker = state;
  async function tick() {
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    try {
      do {
        state.again = false;
        if (!(await hasWork(Date.now()))) continue;
        const pass = await startWebhookPass();
        // A lane that got through some deliveries may leave its webhook's next ones due: go round again
        // then. Only then: a lane that failed before claiming any would otherwise spin the worker.
        for (const lane of pass.lanes)
          lane.then(
            (claimed) => void (claimed > 0 && tick()),
            (error: unknown) => warn(error),
          );
      } while (state.again);
    } catch (error) {
      warn(error);
    } finally {
      state.busy = false;
    }
  }
  // Bound to the worker's own start-up context: a wake comes from inside a request (a re-send), and
  // nothing scoped to that request (Next's per-request stores) should follow the passes it starts.
  setWebhookWaker(AsyncResource.bind(() => void tick()));
  void tick();
}

function warn(error: unknown) {
  console.warn(`[webhooks] pass failed: ${(error as Error).message}`);
}

export function stopWebhookWorker(): void {
  const state = g.quorumWebhookWorker;
  if (!state) return;
  clearInterval(state.timer);
  setWebhookWaker(null);
  g.quorumWebhookWorker = undefined;
}
