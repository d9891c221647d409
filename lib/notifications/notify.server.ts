import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { notificationPrefs, notifications, outbox, users, type NotificationKind } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { appUrl } from './links.server';
import { wakeOutboxWorker } from './wake.server';

export type Email = {
  subject: string;
  /** Plain-text body; the HTML part is built from the same content by the caller. */
  text: string;
  html: string;
  ics?: string;
};

/** Who a message goes to; `timeZone` is their chosen zone (null: not set, so times are given in UTC). */
export type Recipient = { id: number; name: string; email: string; timeZone: string | null };

export type NotifyInput = {
  userIds: number[];
  kind: NotificationKind;
  title: string;
  /** The same for everyone, or per recipient (a time in their zone). */
  body?: string | ((recipient: Recipient) => string);
  /** A path inside the app; e-mails turn it into an absolute link with APP_URL. */
  link: string;
  /** What it asks the recipients to do (tasks.server.ts); doing it marks their notification read. */
  task?: string;
  /** The e-mail for one recipient (so it can be personal), or none for in-app only. */
  email?: (recipient: Recipient) => Email;
};

/**
 * Notifies people in-app and, unless they turned this kind off, by e-mail through the outbox.
 * Call it inside the transaction of the change that causes it: both commit or neither does.
 * Deactivated users get nothing.
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return;
  const recipients = await tx
    .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const off = new Set(
    (
      await tx
        .select({ userId: notificationPrefs.userId })
        .from(notificationPrefs)
        .where(
          and(
            inArray(notificationPrefs.userId, ids),
            eq(notificationPrefs.kind, input.kind),
            eq(notificationPrefs.email, false),
          ),
        )
    ).map((r) => r.userId),
  );
  const now = new Date();
  for (const r of recipients) {
    await tx.insert(notifications).values({
      userId: r.id,
      kind: input.kind,
      title: input.title,
      body: (typeof input.body === 'function' ? input.body(r) : input.body) ?? '',
      link: input.link,
      task: input.task ?? null,
      createdAt: now.toISOString(),
    });
    if (!input.email || off.has(r.id)) continue;
    const mail = input.email(r);
    await tx.insert(outbox).values({
      toUserId: r.id,
      toAddress: r.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ics: mail.ics ?? null,
      nextAttemptAt: now.getTime(),
      createdAt: now.toISOString(),
    });
  }
  // The worker picks the rows up after the transaction commits; waking it early just saves a poll.
  if (input.email) queueMicrotask(wakeOutboxWorker);
}

export { appUrl };
