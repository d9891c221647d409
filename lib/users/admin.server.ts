import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { departments, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { NotFoundError } from '@/lib/errors';
import type { ActingUser } from '@/lib/auth/acting-user';
import { endSessionsOf } from '@/lib/auth/user-sessions.server';

export function listUsers(actor: ActingUser) {
  assertCan(actor, 'user.manage');
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      departmentName: departments.name,
    })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .orderBy(asc(users.name))
    .all();
}

/** Deactivating ends the person's sessions: their next request, and their open live streams within a heartbeat, are signed out. */
export function setUserActive(actor: ActingUser, userId: number, active: boolean): void {
  assertCan(actor, 'user.manage');
  if (userId === actor.id && !active)
    throw new ValidationError({ active: ['You cannot deactivate yourself.'] }, 'You cannot deactivate yourself.');
  transaction((tx) => {
    const before = tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new NotFoundError('This person');
    if (before.active === active) return;
    tx.update(users).set({ active }).where(eq(users.id, userId)).run();
    if (!active) endSessionsOf(tx, userId, 'deactivated');
    logEvent(tx, {
      actorId: actor.id,
      type: active ? 'user.activated' : 'user.deactivated',
      subjectType: 'user',
      subjectId: userId,
      data: { changes: { active: { from: before.active, to: active } } },
    });
  });
}

/** An admin ends every open session of a person (a lost laptop): they must sign in again. Returns how many ended. */
export function endSessionsByAdmin(actor: ActingUser, userId: number): number {
  assertCan(actor, 'user.manage');
  return transaction((tx) => {
    const person = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
    if (!person) throw new NotFoundError('This person');
    const ended = endSessionsOf(tx, userId, 'ended_by_admin');
    logEvent(tx, {
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
export function signOutEverywhere(actor: ActingUser): number {
  return transaction((tx) => {
    const ended = endSessionsOf(tx, actor.id, 'signed_out_everywhere');
    logEvent(tx, {
      actorId: actor.id,
      type: 'user.sessions_ended',
      subjectType: 'user',
      subjectId: actor.id,
      data: { ended, everywhere: true },
    });
    return ended;
  });
}
