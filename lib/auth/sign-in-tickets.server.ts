import 'server-only';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { signInTickets, type SignInMethod } from '@/db/schema';
import { affectedRows, first } from '@/db/rows';
import { hashToken, newToken } from '@/lib/security/secrets.server';

const TICKET_TTL_MS = 60_000;

/**
 * The hand-over from a verified SSO answer to next-auth: the callback route issues a ticket and
 * passes it straight to signIn('sso-ticket'), whose authorize() redeems it. A ticket is a one-use
 * secret kept hashed, so the sign-in endpoint cannot be called with a bare user id.
 */
export async function issueSignInTicket(
  userId: number,
  method: SignInMethod,
  connectionId: number | null,
  now = Date.now(),
): Promise<string> {
  const ticket = newToken();
  await db.delete(signInTickets).where(lt(signInTickets.expiresAt, now));
  await db
    .insert(signInTickets)
    .values({ id: hashToken(ticket), userId, method, connectionId, createdAt: now, expiresAt: now + TICKET_TTL_MS });
  return ticket;
}

/** The user and method of an unused, unexpired ticket, now used; null for anything else. */
export async function redeemSignInTicket(
  ticket: unknown,
  now = Date.now(),
): Promise<{ userId: number; method: SignInMethod } | null> {
  if (typeof ticket !== 'string' || ticket.length < 20 || ticket.length > 100) return null;
  const id = hashToken(ticket);
  const used = affectedRows(
    await db
      .update(signInTickets)
      .set({ usedAt: now })
      .where(and(eq(signInTickets.id, id), isNull(signInTickets.usedAt), gt(signInTickets.expiresAt, now))),
  );
  if (used === 0) return null;
  const row = first(await db.select().from(signInTickets).where(eq(signInTickets.id, id)));
  return row ? { userId: row.userId, method: row.method } : null;
}
