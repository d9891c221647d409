import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { userSessions, type SessionEndReason } from '@/db/schema';
import { env } from '@/lib/env.server';
import type { Executor } from '@/lib/events/log.server';
import { affectedRows, first } from '@/db/rows';

/** Writing last_seen on every request would make every page view a write: once a minute is enough for an idle limit. */
const TOUCH_EVERY_MS = 60_000;

/** Starts the server-side session of a sign-in and returns its id, the only thing the cookie carries. */
export async function startSession(userId: number, now = Date.now()): Promise<string> {
  const id = crypto.randomBytes(32).toString('base64url');
  await db.insert(userSessions).values({ id, userId, createdAt: now, lastSeenAt: now });
  return id;
}

export type SessionCheck =
  { ok: true; userId: number } | { ok: false; reason: 'unknown' | 'ended' | 'idle' | 'expired' };

/**
 * Whether a session still holds: not ended, used within the idle limit, and younger than the
 * absolute lifetime. A session that holds is marked as seen (at most once a minute).
 */
export async function checkSession(id: string, now = Date.now()): Promise<SessionCheck> {
  const row = first(await db.select().from(userSessions).where(eq(userSessions.id, id)));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.endedAt !== null) return { ok: false, reason: 'ended' };
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  if (now - row.createdAt > SESSION_MAX_HOURS * 3_600_000) return { ok: false, reason: 'expired' };
  if (now - row.lastSeenAt > SESSION_IDLE_MINUTES * 60_000) return { ok: false, reason: 'idle' };
  if (now - row.lastSeenAt > TOUCH_EVERY_MS) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, id));
  }
  return { ok: true, userId: row.userId };
}

/** Ends one session (signing out). Ending an ended or unknown session does nothing. */
export async function endSession(id: string, reason: SessionEndReason, now = Date.now()): Promise<void> {
  await db
    .update(userSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)));
}

/**
 * Ends every open session of a person, inside the caller's transaction (deactivation, a role
 * change, a password reset, "sign out everywhere"). Returns how many were open.
 */
export async function endSessionsOf(
  tx: Executor,
  userId: number,
  reason: SessionEndReason,
  now = Date.now(),
): Promise<number> {
  return affectedRows(
    await tx
      .update(userSessions)
      .set({ endedAt: now, endedReason: reason })
      .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt))),
  );
}

/** The number of open sessions of a person (for the admin's people list and settings). */
export async function openSessionCount(userId: number): Promise<number> {
  return (
    await db
      .select({ id: userSessions.id })
      .from(userSessions)
      .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt)))
  ).length;
}
