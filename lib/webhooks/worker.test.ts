import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCycle, type TestUser } from '@/db/factories';
import { transaction } from '@/db/client';
import { events, webhookAttempts, webhookDeliveries } from '@/db/schema';
import { ConflictError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { db, execute, userWithRole } from '@/lib/testing/db';
import { startWebhookReceiver, type WebhookReceiver } from '@/lib/testing/webhook-receiver';
import { createWebhook } from './admin.server';
import { redeliver, sendTestEvent } from './deliveries.server';
import { MAX_ATTEMPTS } from './policy';
import { processWebhooksOnce, startWebhookPass, STALE_CLAIM_MS } from './worker.server';

let admin: TestUser;
let receivers: WebhookReceiver[] = [];
beforeAll(async () => {
  admin = await userWithRole('admin');
});
beforeEach(async () => {
  await execute('delete from webhook_attempts');
  await execute('delete from webhook_deliveries');
  await execute('delete from webhooks');
});
afterEach(async () => {
  for (const r of receivers) await r.close();
  receivers = [];
});

/** A receiver and a webhook registered for it, sharing the secret. */
async function receiverWithHook(format: 'json' | 'slack' = 'json') {
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  const { id, secret } = await createWebhook(admin, {
    name: `Receiver ${receivers.length}`,
    url: receiver.url,
    format,
    events: ['cycle.created'],
  });
  receiver.setSecret(secret);
  return { receiver, hookId: id };
}

/** A cycle.created event, logged as the app logs it (so it is fanned out). */
async function cycleCreated(name?: string) {
  const cycle = await makeCycle(db, name ? { name } : {});
  await transaction((tx) =>
    logEvent(tx, { actorId: admin.id, type: 'cycle.created', subjectType: 'cycle', subjectId: cycle.id, data: {} }),
  );
  return cycle;
}
const delivery = async (id: number) =>
  (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0];
const allDeliveries = () => db.select().from(webhookDeliveries).orderBy(webhookDeliveries.id);
const triesOf = async (id: number) =>
  (await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, id))).map((a) => a.statusCode);
const FAST = { timeoutMs: 2_000, firstRetryMs: 10_000 };

describe('webhook worker', () => {
  it('delivers a signed POST with its headers, and records the try', async () => {
    const { receiver } = await receiverWithHook();
    const cycle = await cycleCreated('Q4 2027');
    await processWebhooksOnce(FAST);
    const [row] = await allDeliveries();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({
      verified: true,
      status: 200,
      event: 'cycle.created',
      deliveryId: String(row.id),
      userAgent: 'Quorum-Webhooks',
      json: { type: 'cycle.created', data: { cycle: { id: cycle.id, name: 'Q4 2027' } } },
    });
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null });
    expect(await triesOf(row.id)).toEqual([200]);
  });

  it('retries after 500s with back-off; each event arrives exactly once with a 2xx', async () => {
    const { receiver } = await receiverWithHook();
    for (let i = 0; i < 3; i++) await cycleCreated();
    receiver.failNext(2);
    const start = Date.now();
    await processWebhooksOnce({ ...FAST, now: start });
    let rows = await allDeliveries();
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending', 'delivered']);
    expect(rows[0].nextAttemptAt).toBeGreaterThanOrEqual(start + 10_000);
    expect(rows[0]).toMatchObject({ attempts: 1, lastStatusCode: 500, lastError: 'Answered 500.' });
    await processWebhooksOnce({ ...FAST, now: start + 5_000 }); // not due yet
    expect(receiver.received).toHaveLength(3);
    await processWebhooksOnce({ ...FAST, now: start + 11_000 });
    rows = await allDeliveries();
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered']);
    const ok = receiver.delivered().map((r) => r.deliveryId);
    expect(ok.sort()).toEqual(rows.map((r) => String(r.id)).sort());
    expect(await triesOf(rows[0].id)).toEqual([500, 200]);
    expect(await triesOf(rows[2].id)).toEqual([200]);
  });

  it('a hanging receiver times out without delaying another webhook', async () => {
    const slow = await receiverWithHook();
    const fast = await receiverWithHook();
    slow.receiver.hangNext(1);
    await cycleCreated(); // the slow webhook's delivery is first in the queue
    const started = Date.now();
    const pass = await startWebhookPass({ timeoutMs: 1_500, firstRetryMs: 10_000 });
    expect(Date.now() - started).toBeLessThan(1_500); // the worker does not wait for the lanes
    await Promise.all(pass.lanes);
    expect(fast.receiver.delivered()).toHaveLength(1);
    expect(fast.receiver.delivered()[0].at - started).toBeLessThan(1_500);
    const slowRow = (await allDeliveries()).find((r) => r.webhookId === slow.hookId)!;
    expect(slowRow).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(slowRow.lastError).toBe('No answer within 1.5 s (timed out).');
    const [attempt] = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, slowRow.id));
    expect(attempt.durationMs).toBeGreaterThanOrEqual(1_400);
  });

  it('a refused connection and the last allowed attempt fail the delivery for good', async () => {
    const { receiver } = await receiverWithHook();
    await cycleCreated();
    await receiver.close();
    const [row] = await allDeliveries();
    await execute(`update webhook_deliveries set attempts = ${MAX_ATTEMPTS - 1} where id = ${row.id}`);
    await processWebhooksOnce(FAST);
    const after = await delivery(row.id);
    expect(after.status).toBe('failed');
    expect(after.attempts).toBe(MAX_ATTEMPTS);
    expect(after.lastError).toBe('Could not connect: ECONNREFUSED.');
  });

  it('recovers a stale claim left by a process that died, and sends it', async () => {
    const { receiver } = await receiverWithHook();
    await cycleCreated();
    const [row] = await allDeliveries();
    const now = Date.now();
    await execute(
      `update webhook_deliveries set status = 'sending', claimed_at = ${now - STALE_CLAIM_MS - 1} where id = ${row.id}`,
    );
    const pass = await processWebhooksOnce({ ...FAST, now });
    expect(pass.recovered).toBe(1);
    expect(await delivery(row.id)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(receiver.delivered()).toHaveLength(1);
  });

  it('re-sends a delivery as it was (same id), logged; a queued one cannot be re-sent', async () => {
    const { receiver, hookId } = await receiverWithHook();
    await cycleCreated();
    const [row] = await allDeliveries();
    await expect(redeliver(admin, hookId, row.id)).rejects.toThrow(ConflictError);
    await processWebhooksOnce(FAST);
    await redeliver(admin, hookId, row.id);
    expect((await delivery(row.id)).status).toBe('pending');
    await processWebhooksOnce(FAST);
    expect(receiver.delivered().map((r) => r.deliveryId)).toEqual([String(row.id), String(row.id)]);
    expect(receiver.delivered()[0].body).toBe(receiver.delivered()[1].body);
    const logged = await db.select().from(events).where(eq(events.type, 'webhook.redelivered'));
    expect(logged.map((e) => e.data)).toEqual([
      { deliveryId: row.id, eventType: 'cycle.created', previousStatus: 'delivered' },
    ]);
  });

  it('sends a test ping through the same path, in Slack format for a Slack webhook', async () => {
    const { receiver, hookId } = await receiverWithHook('slack');
    const id = await sendTestEvent(admin, hookId);
    await processWebhooksOnce(FAST);
    expect((await delivery(id)).status).toBe('delivered');
    expect(receiver.delivered()).toHaveLength(1);
    expect(receiver.delivered()[0]).toMatchObject({ event: 'ping', verified: true });
    expect(receiver.delivered()[0].json).toEqual({ text: expect.stringContaining('Quorum: test event by') });
  });

  it('a secret that cannot be decrypted (another AUTH_SECRET) is a recorded failure with back-off, not a retry loop', async () => {
    const { receiver, hookId } = await receiverWithHook();
    await execute(`update webhooks set secret_ciphertext = 'v1.not.a.secret' where id = ${hookId}`);
    await cycleCreated();
    const start = Date.now();
    await processWebhooksOnce({ ...FAST, now: start });
    const [row] = await allDeliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(row.lastError).toContain('cannot be decrypted');
    expect(row.nextAttemptAt).toBeGreaterThanOrEqual(start + 10_000);
    expect(receiver.received).toEqual([]);
  });

  it('does not follow a redirect: a 3xx is a failure, recorded with its code', async () => {
    const { receiver, hookId } = await receiverWithHook();
    const redirecting = http.createServer((_, res) => res.writeHead(302, { Location: receiver.url }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const port = (redirecting.address() as AddressInfo).port;
      await execute(`update webhooks set url = 'http://127.0.0.1:${port}/moved' where id = ${hookId}`);
      await cycleCreated();
      await processWebhooksOnce(FAST);
      const [row] = await allDeliveries();
      expect(row).toMatchObject({ status: 'pending', lastStatusCode: 302 });
      expect(row.lastError).toContain('a redirect, not followed');
      expect(receiver.received).toEqual([]);
    } finally {
      redirecting.closeAllConnections();
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });
});
