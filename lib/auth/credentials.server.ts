import 'server-only';
import { and, count, eq, gte, lt, max } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { loginAttempts, users, type User } from '@/db/schema';
import { env } from '@/lib/env.server';
import { DUMMY_HASH, verifyPassword } from './password.server';
import { formatWait, throttled, type FailureCount, type ThrottleRule } from './throttle';
import { first } from '@/db/rows';
import { ssoRouteForEmail } from '@/lib/auth/sso-route.server';
import { getSetting } from '@/lib/settings/settings.server';
import { logEvent } from '@/lib/events/log.server';

export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInResult =
  | { ok: true; user: User; breakGlass: boolean }
  | { ok: false; reason: 'invalid' | 'inactive' }
  | { ok: false; reason: 'sso_required'; connectionName: string }
  | { ok: false; reason: 'throttled'; seconds: number };

function rules(): { pair: ThrottleRule; client: ThrottleRule; windowMs: number } {
  const e = env();
  const delays = { firstDelaySeconds: e.LOGIN_FIRST_DELAY_SECONDS, maxDelaySeconds: e.LOGIN_MAX_DELAY_SECONDS };
  return {
    pair: { free: e.LOGIN_FREE_FAILURES, ...delays },
    client: { free: e.LOGIN_CLIENT_FREE_FAILURES, ...delays },
    windowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
  };
}

async function failures(where: Awaited<ReturnType<typeof and>>): Promise<FailureCount> {
  const row = first(
    await db
      .select({ count: count(), lastAt: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(where),
  );
  return { count: row?.count ?? 0, lastAt: row?.lastAt ?? null };
}

/**
 * Seconds this client must wait before trying this e-mail again (0: it may try now). An unchecked
 * read of the failure counts, for sign-in only.
 */
export async function loadThrottleSeconds(email: string, client: string, now = Date.now()): Promise<number> {
  const { pair, client: perClient, windowMs } = rules();
  const since = now - windowMs;
  const result = throttled(
    [
      {
        key: 'account-client',
        failures: await failures(
          and(eq(loginAttempts.email, email), eq(loginAttempts.client, client), gte(loginAttempts.at, since)),
        ),
        rule: pair,
      },
      {
        key: 'client',
        failures: await failures(and(eq(loginAttempts.client, client), gte(loginAttempts.at, since))),
        rule: perClient,
      },
    ],
    now,
  );
  return result ? Math.ceil(result.waitMs / 1000) : 0;
}

/**
 * Checks an e-mail and password from a client address (lib/auth/throttle.ts's clientAddress).
 * Failures are counted per (e-mail, client) and per client; while either must wait, the attempt is
 * refused before the password is checked and is not counted (decision 11).
 */
export async function checkCredentials(input: unknown, client: string, now = Date.now()): Promise<SignInResult> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;

  // The attempt counts as a failure from the moment it passes the check, before the slow password
  // hash: otherwise a burst of parallel guesses would all pass the check before any was counted.
  const attempt = await transaction(async (tx) => {
    const wait = await loadThrottleSeconds(email, client, now);
    if (wait > 0) return { wait };
    // Keeps the table to one window's failures.
    await tx.delete(loginAttempts).where(lt(loginAttempts.at, now - rules().windowMs));
    return { wait, id: (await tx.insert(loginAttempts).values({ email, client, at: now }).returning())[0].id };
  });
  if (attempt.id === undefined) return { ok: false, reason: 'throttled', seconds: attempt.wait };

  const user = first(await db.select().from(users).where(eq(users.email, email)));
  // SSO enforced for this domain: the password is not even checked, except an admin's when
  // break-glass is allowed (so a broken IdP locks nobody out); that use is logged below.
  const sso = await ssoRouteForEmail(email);
  const breakGlass = sso?.enforced === true && user?.role === 'admin' && (await getSetting(db, 'breakGlassAdmins'));
  if (sso?.enforced && !breakGlass) {
    await transaction(async (tx) => tx.delete(loginAttempts).where(eq(loginAttempts.id, attempt.id)));
    return { ok: false, reason: 'sso_required', connectionName: sso.name };
  }
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    const after = await loadThrottleSeconds(email, client, now);
    return after > 0 ? { ok: false, reason: 'throttled', seconds: after } : { ok: false, reason: 'invalid' };
  }
  if (!user.active) {
    // The right password of a deactivated account is no guess: it is not counted.
    await transaction(async (tx) => tx.delete(loginAttempts).where(eq(loginAttempts.id, attempt.id)));
    return { ok: false, reason: 'inactive' };
  }
  await transaction(async (tx) => {
    await tx.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.client, client)));
    if (breakGlass)
      await logEvent(tx, {
        actorId: user.id,
        type: 'user.break_glass_signin',
        subjectType: 'user',
        subjectId: user.id,
        data: { connection: sso?.name, client },
      });
  });
  return { ok: true, user, breakGlass };
}

export function signInMessage(result: Exclude<SignInResult, { ok: true }>): string {
  switch (result.reason) {
    case 'throttled':
      return `Too many attempts, try again in ${formatWait(result.seconds)}.`;
    case 'inactive':
      return 'This account has been deactivated. Ask an admin to reactivate it.';
    case 'sso_required':
      return `Your company signs you in with ${result.connectionName}: use “Continue with ${result.connectionName}” instead of a password.`;
    default:
      return 'The e-mail or password is incorrect.';
  }
}
