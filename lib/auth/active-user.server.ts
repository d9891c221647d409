import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { departments, users } from '@/db/schema';
import type { ActingUser } from './acting-user';
import { first } from '@/db/rows';

/** Unchecked: the active user with this id as an ActingUser, or null when unknown or deactivated. */
export async function loadActiveUser(id: number): Promise<ActingUser | null> {
  const row = first(
    await db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        departmentId: users.departmentId,
        departmentName: departments.name,
        timeZone: users.timeZone,
        active: users.active,
      })
      .from(users)
      .innerJoin(departments, eq(departments.id, users.departmentId))
      .where(eq(users.id, id)),
  );
  if (!row || !row.active) return null;
  const { active: _active, ...user } = row;
  return user;
}
