import 'server-only';
import { and, desc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { loginAttempts, users, type User } from '@/db/schema';
import { env } from '@/lib/env.server';
import { DUMMY_HASH, verifyPassword } from './password.server';

export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'inactive' }
  | { ok: false; reason: 'locked'; minutes: number };

/** Minutes until this e-mail may try again, or 0 when it is not locked. */
export function lockedMinutes(email: string, now = Date.now()): number {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = env();
  const windowMs = LOGIN_LOCK_MINUTES * 60_000;
  const recent = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), gte(loginAttempts.at, now - windowMs)))
    .orderBy(desc(loginAttempts.at))
    .limit(LOGIN_MAX_FAILURES)
    .all();
  if (recent.length < LOGIN_MAX_FAILURES) return 0;
  // Unlocked once the oldest of the last LOGIN_MAX_FAILURES failures leaves the window.
  const unlockAt = recent[LOGIN_MAX_FAILURES - 1].at + windowMs;
  return Math.max(1, Math.ceil((unlockAt - now) / 60_000));
}

/**
 * Checks an e-mail and password. Failures are recorded per e-mail; after LOGIN_MAX_FAILURES
 * within LOGIN_LOCK_MINUTES the account is locked for that long, without checking the password.
 */
export async function checkCredentials(input: unknown, now = Date.now()): Promise<SignInResult> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const minutes = lockedMinutes(email, now);
  if (minutes > 0) return { ok: false, reason: 'locked', minutes };

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    db.insert(loginAttempts).values({ email, at: now }).run();
    const after = lockedMinutes(email, now);
    return after > 0 ? { ok: false, reason: 'locked', minutes: after } : { ok: false, reason: 'invalid' };
  }
  if (!user.active) return { ok: false, reason: 'inactive' };
  db.delete(loginAttempts).where(eq(loginAttempts.email, email)).run();
  return { ok: true, user };
}

export function signInMessage(result: Exclude<SignInResult, { ok: true }>): string {
  switch (result.reason) {
    case 'locked':
      return `Too many attempts, try again in ${result.minutes} minute${result.minutes === 1 ? '' : 's'}.`;
    case 'inactive':
      return 'This account has been deactivated. Ask an admin to reactivate it.';
    default:
      return 'The e-mail or password is incorrect.';
  }
}
