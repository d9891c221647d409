import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { db } from '@/db/client';
import { departments, users } from '@/db/schema';
import { auth } from './auth.server';
import type { ActingUser } from './acting-user';
import { can, type Action } from './permissions';

/**
 * The signed-in user, read fresh from the database on every request, so a user who is
 * deactivated (or whose role changes) is affected on their very next request.
 */
export const currentUser = cache(async (): Promise<ActingUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const row = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      departmentId: users.departmentId,
      departmentName: departments.name,
      active: users.active,
    })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id))
    .get();
  if (!row || !row.active) return null;
  const { active: _active, ...user } = row;
  return user;
});

/** For pages and actions: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(): Promise<ActingUser> {
  const user = await currentUser();
  if (user) return user;
  const path = (await headers()).get('x-pathname') ?? '/';
  redirect(`/signin?next=${encodeURIComponent(path)}`);
}

/** For pages and actions: the user when their role allows `action`, otherwise the 403 page. */
export async function requirePermission(action: Action): Promise<ActingUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
