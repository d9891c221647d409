import 'server-only';
import { desc, eq, inArray } from 'drizzle-orm';
import { db, transaction, type Db } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhooks, type Webhook } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import { diff, logEvent } from '@/lib/events/log.server';
import { appUrl } from '@/lib/app-url.server';
import { encryptSecret, newToken } from '@/lib/security/secrets.server';
import { parseOrThrow } from '@/lib/validation';
import { webhookSchema } from './input';

/** The app's own addresses, which a webhook may not point at (APP_URL, AUTH_URL, the local port). */
export function ownOrigins(): string[] {
  const list = [appUrl('/'), `http://localhost:${process.env.PORT ?? 3000}/`];
  if (process.env.AUTH_URL) list.push(process.env.AUTH_URL);
  return list;
}

/** What the admin list shows: never the secret. */
export type WebhookSummary = Omit<Webhook, 'secretCiphertext'>;
const SUMMARY = {
  id: webhooks.id,
  name: webhooks.name,
  url: webhooks.url,
  format: webhooks.format,
  eventTypes: webhooks.eventTypes,
  active: webhooks.active,
  createdById: webhooks.createdById,
  createdAt: webhooks.createdAt,
  updatedAt: webhooks.updatedAt,
};

export async function listWebhooks(actor: ActingUser): Promise<WebhookSummary[]> {
  assertCan(actor, 'webhook.manage');
  return db.select(SUMMARY).from(webhooks).orderBy(desc(webhooks.id));
}

export async function getWebhook(actor: ActingUser, id: number): Promise<WebhookSummary> {
  assertCan(actor, 'webhook.manage');
  return loadWebhook(db, id);
}

async function loadWebhook(exec: Db, id: number): Promise<WebhookSummary> {
  const row = first(await exec.select(SUMMARY).from(webhooks).where(eq(webhooks.id, id)));
  if (!row) throw new NotFoundError('This webhook');
  return row;
}

/** A signing secret: shown once, then kept only encrypted. */
const newSecret = () => newToken('whsec_');

/** Registers a webhook; returns it with its secret, which is never shown again. */
export async function createWebhook(actor: ActingUser, input: unknown): Promise<{ id: number; secret: string }> {
  assertCan(actor, 'webhook.manage');
  const data = parseOrThrow(webhookSchema(ownOrigins()), input);
  const secret = newSecret();
  return transaction(async (tx) => {
    const now = Date.now();
    const row = (
      await tx
        .insert(webhooks)
        .values({
          name: data.name,
          url: data.url,
          format: data.format,
          eventTypes: data.events,
          secretCiphertext: encryptSecret(secret),
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: webhooks.id })
    )[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'webhook.created',
      subjectType: 'webhook',
      subjectId: row.id,
      data: { after: { name: data.name, url: data.url, format: data.format, eventTypes: data.events } },
    });
    return { id: row.id, secret };
  });
}

export async function updateWebhook(actor: ActingUser, id: number, input: unknown): Promise<void> {
  assertCan(actor, 'webhook.manage');
  const data = parseOrThrow(webhookSchema(ownOrigins()), input);
  await transaction(async (tx) => {
    const before = await loadWebhook(tx, id);
    const after = { name: data.name, url: data.url, format: data.format, eventTypes: data.events };
    const changes = diff(before as unknown as Record<string, unknown>, after);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(webhooks)
      .set({ ...after, updatedAt: Date.now() })
      .where(eq(webhooks.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'webhook.updated',
      subjectType: 'webhook',
      subjectId: id,
      data: { changes },
    });
  });
}

/** Switched off, a webhook gets no new deliveries; those already queued wait until it is switched on. */
export async function setWebhookActive(actor: ActingUser, id: number, active: boolean): Promise<void> {
  assertCan(actor, 'webhook.manage');
  await transaction(async (tx) => {
    const before = await loadWebhook(tx, id);
    if (before.active === active) return;
    await tx.update(webhooks).set({ active, updatedAt: Date.now() }).where(eq(webhooks.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: active ? 'webhook.activated' : 'webhook.deactivated',
      subjectType: 'webhook',
      subjectId: id,
      data: { changes: { active: { from: before.active, to: active } } },
    });
  });
}

/** Deletes the webhook with its delivery log; the event log keeps that it existed. */
export async function deleteWebhook(actor: ActingUser, id: number): Promise<void> {
  assertCan(actor, 'webhook.manage');
  await transaction(async (tx) => {
    const before = await loadWebhook(tx, id);
    const ofThisHook = tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, id));
    await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ofThisHook));
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id));
    await tx.delete(webhooks).where(eq(webhooks.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'webhook.deleted',
      subjectType: 'webhook',
      subjectId: id,
      data: { before: { name: before.name, url: before.url } },
    });
  });
}

/** A new signing secret, effective for every delivery from now on (re-sends included); shown once. */
export async function rotateWebhookSecret(actor: ActingUser, id: number): Promise<string> {
  assertCan(actor, 'webhook.manage');
  const secret = newSecret();
  await transaction(async (tx) => {
    await loadWebhook(tx, id);
    await tx
      .update(webhooks)
      .set({ secretCiphertext: encryptSecret(secret), updatedAt: Date.now() })
      .where(eq(webhooks.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'webhook.secret_rotated',
      subjectType: 'webhook',
      subjectId: id,
      data: {},
    });
  });
  return secret;
}
