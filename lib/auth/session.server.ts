import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { auth } from './auth.server';
import type { ActingUser } from './acting-user';
import { can, type Action } from './permissions';
import { checkSession } from './user-sessions.server';
import { loadActiveUser } from './active-user.server';
import { sessionCookieName, sessionIdFromCookie } from './session-cookie.server';

/**
 * The signed-in person and the id of their server-side session, or null. Both are read fresh on
 * every request: an ended, idle or expired session, or a deactivated person, is signed out at once.
 * The cookie is read directly (session-cookie.server.ts says why); auth() only when that cannot answer.
 */
export const currentSession = cache(async (): Promise<{ user: ActingUser; sessionId: string } | null> => {
  const fromCookie = await sessionIdFromCookie((await cookies()).get(sessionCookieName())?.value);
  const sessionId = fromCookie === undefined ? (await auth())?.sessionId : fromCookie;
  if (typeof sessionId !== 'string') return null;
  const check = await checkSession(sessionId);
  if (!check.ok) return null;
  const user = await loadActiveUser(check.userId);
  return user ? { user, sessionId } : null;
});

/** The signed-in user (see currentSession). */
export async function currentUser(): Promise<ActingUser | null> {
  return (await currentSession())?.user ?? null;
}

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
