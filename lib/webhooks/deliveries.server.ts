import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { users, webhookAttempts, webhookDeliveries, webhooks } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { webhookBody } from '@/lib/events/webhook-payload';
import { wakeWebhookWorker } from './wake.server';

/** The delivery log shows the latest deliveries only: older ones are in the event log's history. */
export const DELIVERY_LOG_LIMIT = 50;

export async function listDeliveries(actor: ActingUser, webhookId: number) {
  assertCan(actor, 'webhook.manage');
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_LIMIT);
  const tries = deliveries.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            deliveries.map((d) => d.id),
          ),
        )
        .orderBy(asc(webhookAttempts.id))
    : [];
  return deliveries.map((d) => ({ ...d, tries: tries.filter((t) => t.deliveryId === d.id) }));
}
export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

/** Puts a delivery back in the queue as it was built (same id, same body), signed afresh when sent. */
export async function redeliver(actor: ActingUser, webhookId: number, deliveryId: number): Promise<void> {
  assertCan(actor, 'webhook.manage');
  await transaction(async (tx) => {
    const row = first(
      await tx
        .select({ status: webhookDeliveries.status, eventType: webhookDeliveries.eventType })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.webhookId, webhookId))),
    );
    if (!row) throw new NotFoundError('This delivery');
    if (row.status === 'sending' || row.status === 'pending')
      throw new ConflictError('This delivery is already queued: it goes out on its own.');
    await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: Date.now(), claimedAt: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'webhook.redelivered',
      subjectType: 'webhook',
      subjectId: webhookId,
      data: { deliveryId, eventType: row.eventType, previousStatus: row.status },
    });
  });
  wakeWebhookWorker();
}

/** Queues a `ping` through the same outbox, signing and worker as real events; returns the delivery id. */
export async function sendTestEvent(actor: ActingUser, webhookId: number): Promise<number> {
  assertCan(actor, 'webhook.manage');
  const id = await transaction(async (tx) => {
    const hook = first(
      await tx
        .select({ format: webhooks.format, active: webhooks.active })
        .from(webhooks)
        .where(eq(webhooks.id, webhookId)),
    );
    if (!hook) throw new NotFoundError('This webhook');
    if (!hook.active) throw new ConflictError('This webhook is switched off: switch it on to send a test event.');
    const eventId = await logEvent(tx, {
      actorId: actor.id,
      type: 'webhook.test_sent',
      subjectType: 'webhook',
      subjectId: webhookId,
      data: {},
    });
    const name = first(await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)))?.name;
    const payload = {
      id: randomUUID(),
      type: 'ping' as const,
      createdAt: new Date().toISOString(),
      data: {
        actor: name ? { id: actor.id, name } : null,
        message: 'A test event from Quorum: this webhook works.',
      },
    };
    const now = Date.now();
    return (
      await tx
        .insert(webhookDeliveries)
        .values({
          webhookId,
          eventId,
          eventType: 'ping',
          payload: webhookBody(hook.format, payload),
          nextAttemptAt: now,
          createdAt: now,
        })
        .returning({ id: webhookDeliveries.id })
    )[0].id;
  });
  wakeWebhookWorker();
  return id;
}
