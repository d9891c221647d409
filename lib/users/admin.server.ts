import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { transaction } from '@/db/client';
import { ROLES, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password.server';
import { parseOrThrow } from '@/lib/validation';
import { assertCan } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { NotFoundError } from '@/lib/errors';
import type { ActingUser } from '@/lib/auth/acting-user';
import { endSessionsOf } from '@/lib/auth/user-sessions.server';
import { first } from '@/db/rows';

/** Deactivating ends the person's sessions: their next request, and their open live streams within a heartbeat, are signed out. */
export async function setUserActive(actor: ActingUser, userId: number, active: boolean): Promise<void> {
  assertCan(actor, 'user.manage');
  if (userId === actor.id && !active)
    throw new ValidationError({ active: ['You cannot deactivate yourself.'] }, 'You cannot deactivate yourself.');
  await transaction(async (tx) => {
    const before = first(await tx.select({ active: users.active }).from(users).where(eq(users.id, userId)));
    if (!before) throw new NotFoundError('This person');
    if (before.active === active) return;
    await tx.update(users).set({ active }).where(eq(users.id, userId));
    if (!active) await endSessionsOf(tx, userId, 'deactivated');
    await logEvent(tx, {
      actorId: actor.id,
      type: active ? 'user.activated' : 'user.deactivated',
      subjectType: 'user',
      subjectId: userId,
      data: { changes: { active: { from: before.active, to: active } } },
    });
  });
}

/** An admin ends every open session of a person (a lost laptop): they must sign in again. Returns how many ended. */
export async function endSessionsByAdmin(actor: ActingUser, userId: number): Promise<number> {
  assertCan(actor, 'user.manage');
  return transaction(async (tx) => {
    const person = first(await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)));
    if (!person) throw new NotFoundError('This person');
    const ended = await endSessionsOf(tx, userId, 'ended_by_admin');
    await logEvent(tx, {
      actorId: actor.id,
      type: 'user.sessions_ended',
      subjectType: 'user',
      subjectId: userId,
      data: { ended },
    });
    return ended;
  });
}

/** The person ends all their own sessions, on every device ("sign out everywhere"). */
export async function signOutEverywhere(actor: ActingUser): Promise<number> {
  return transaction(async (tx) => {
    const ended = await endSessionsOf(tx, actor.id, 'signed_out_everywhere');
    await logEvent(tx, {
      actorId: actor.id,
      type: 'user.sessions_ended',
      subjectType: 'user',
      subjectId: actor.id,
      data: { ended, everywhere: true },
    });
    return ended;
  });
}

const RoleSchema = z.object({ role: z.enum(ROLES, { error: 'Choose one of the roles listed.' }) });

/** A new role takes effect at once: the person's sessions end, so their next request is signed in afresh under it. */
export async function changeRole(actor: ActingUser, userId: number, input: unknown): Promise<void> {
  assertCan(actor, 'user.manage');
  const { role } = parseOrThrow(RoleSchema, input);
  if (userId === actor.id)
    throw new ValidationError({ role: ['You cannot change your own role.'] }, 'You cannot change your own role.');
  await transaction(async (tx) => {
    const before = first(await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)));
    if (!before) throw new NotFoundError('This person');
    if (before.role === role) return;
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    const ended = await endSessionsOf(tx, userId, 'role_changed');
    await logEvent(tx, {
      actorId: actor.id,
      type: 'user.role_changed',
      subjectType: 'user',
      subjectId: userId,
      data: { changes: { role: { from: before.role, to: role } }, sessionsEnded: ended },
    });
  });
}

export const MIN_PASSWORD_LENGTH = 12;

const PasswordSchema = z.object({
  password: z
    .string({ error: 'Enter a new password.' })
    .min(MIN_PASSWORD_LENGTH, `The new password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, 'The new password must be at most 200 characters.'),
});

/**
 * An admin sets a new password for a person who lost theirs (and tells them out of band): every
 * session signed in with the old one ends. Returns how many ended. The event records the reset, never the password.
 */
export async function resetPassword(actor: ActingUser, userId: number, input: unknown): Promise<number> {
  assertCan(actor, 'user.manage');
  const { password } = parseOrThrow(PasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return transaction(async (tx) => {
    const person = first(await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)));
    if (!person) throw new NotFoundError('This person');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    const ended = await endSessionsOf(tx, userId, 'password_reset');
    await logEvent(tx, {
      actorId: actor.id,
      type: 'user.password_reset',
      subjectType: 'user',
      subjectId: userId,
      data: { sessionsEnded: ended },
    });
    return ended;
  });
}
