import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { departments, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { NotFoundError } from '@/lib/errors';
import type { ActingUser } from '@/lib/auth/acting-user';

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

/** Deactivating takes effect on the person's next request: sessions re-read the user every time. */
export function setUserActive(actor: ActingUser, userId: number, active: boolean): void {
  assertCan(actor, 'user.manage');
  if (userId === actor.id && !active)
    throw new ValidationError({ active: ['You cannot deactivate yourself.'] }, 'You cannot deactivate yourself.');
  transaction((tx) => {
    const before = tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new NotFoundError('This person');
    if (before.active === active) return;
    tx.update(users).set({ active }).where(eq(users.id, userId)).run();
    logEvent(tx, {
      actorId: actor.id,
      type: active ? 'user.activated' : 'user.deactivated',
      subjectType: 'user',
      subjectId: userId,
      data: { changes: { active: { from: before.active, to: active } } },
    });
  });
}
