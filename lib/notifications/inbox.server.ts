import 'server-only';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { notifications } from '@/db/schema';

import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { ActingUser } from '@/lib/auth/acting-user';
import { affectedRows, first } from '@/db/rows';

/** A user's own in-app notifications. Every query filters on the actor: nobody reads another's. */

export type InboxEntry = {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
};

/** Newest first; the page marks the unread ones. */
export async function listNotifications(
  actor: ActingUser,
  { limit = 100 }: { limit?: number } = {},
): Promise<InboxEntry[]> {
  const n = Math.min(Math.max(1, Math.floor(limit) || 1), 500);
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.id))
    .limit(n);
}

/** For the header badge on every page: one indexed count (user_id, read_at). */
export async function unreadCount(actor: ActingUser): Promise<number> {
  return (
    first(
      await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt))),
    )?.n ?? 0
  );
}

/**
 * Marks one of the actor's notifications read (again is a no-op) and returns it, so the caller can
 * follow its link. Someone else's id is refused (403); an id that does not exist is a 404.
 */
export async function markRead(actor: ActingUser, id: number): Promise<InboxEntry> {
  const row = first(await db.select().from(notifications).where(eq(notifications.id, id)));
  if (!row) throw new NotFoundError('This notification');
  if (row.userId !== actor.id) throw new ForbiddenError('This notification is someone else’s.');
  if (row.readAt) return row;
  const readAt = new Date().toISOString();
  await db
    .update(notifications)
    .set({ readAt })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  return { ...row, readAt };
}

/** Returns how many were marked. */
export async function markAllRead(actor: ActingUser): Promise<number> {
  return affectedRows(
    await db
      .update(notifications)
      .set({ readAt: new Date().toISOString() })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt))),
  );
}
