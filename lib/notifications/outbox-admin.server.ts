import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { OUTBOX_STATUSES, outbox } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { env } from '@/lib/env.server';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { wakeOutboxWorker } from './wake.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { affectedRows, first } from '@/db/rows';

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export { OUTBOX_STATUSES };

export const OUTBOX_STATUS_LABEL: Record<OutboxStatus, string> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

/** The page's `?status=` filter: anything but a known status means "all". */
export const OutboxFilterSchema = z.object({ status: z.enum(OUTBOX_STATUSES).optional().catch(undefined) });

/** The list shown to admins. Bodies are left out: the table shows the envelope and the outcome. */
const LIMIT = 500;

export async function listOutbox(actor: ActingUser, filter: { status?: OutboxStatus } = {}) {
  assertCan(actor, 'outbox.view');
  return db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(filter.status ? eq(outbox.status, filter.status) : undefined)
    .orderBy(desc(outbox.id))
    .limit(LIMIT);
}
export type OutboxEntry = Awaited<ReturnType<typeof listOutbox>>[number];

/**
 * Puts a failed mail back in the queue, due now, with a fresh attempt budget (the admin retries
 * after fixing the cause, e.g. a recipient's address or the server's configuration).
 */
export async function retryOutbox(actor: ActingUser, id: number): Promise<void> {
  assertCan(actor, 'outbox.view');
  const changed = affectedRows(
    await db
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: Date.now(), claimedAt: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'failed'))),
  );
  if (changed === 1) {
    wakeOutboxWorker();
    return;
  }
  const row = first(await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id)));
  if (!row) throw new NotFoundError('This e-mail');
  throw new ConflictError(
    `Only a failed e-mail can be retried; this one is ${OUTBOX_STATUS_LABEL[row.status].toLowerCase()}.`,
  );
}

/** Whether mail actually leaves the building; without it the outbox is a record of what would have. */
export function smtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}
