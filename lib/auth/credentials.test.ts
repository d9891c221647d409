import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginAttempts as loginAttemptsTable } from '@/db/schema';
import { makeUser } from '@/db/factories';
import { env } from '@/lib/env.server';
import { db, rowCounts } from '@/lib/testing/db';
import { checkCredentials, loadThrottleSeconds, signInMessage } from './credentials.server';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.server';

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;
const HERE = '203.0.113.10';

let n = 0;
/** A user with a password (hashing is slow, so only this file's tests that sign in use it). */
const userWithPassword = async (opts: { active?: boolean } = {}) =>
  makeUser(db, { email: `signin-${++n}@example.test`, passwordHash: await hashPassword(PASSWORD), ...opts });

describe('password hashing', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const hash = await hashPassword('s3cret!');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[^$]+\$[^$]+$/);
    expect(hash).not.toContain('s3cret!');
    expect(await verifyPassword('s3cret!', hash)).toBe(true);
    expect(await verifyPassword('s3cret', hash)).toBe(false);
    expect(await verifyPassword('S3cret!', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('refuses a missing or malformed stored hash, and the dummy hash', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$c2FsdA==$a2V5')).toBe(false);
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
  });
});

// Each check hashes a password (scrypt), which takes a while on a busy machine.
describe('checkCredentials', { timeout: 30_000 }, () => {
  it('signs in with the right password, whatever the e-mail case', async () => {
    const user = await userWithPassword();
    const result = await checkCredentials({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD }, HERE);
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it('refuses a wrong password, an unknown e-mail and malformed input as invalid', async () => {
    const user = await userWithPassword();
    const client = '203.0.113.11';
    expect(await checkCredentials({ email: user.email, password: 'wrong' }, client)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await checkCredentials({ email: 'nobody@example.test', password: PASSWORD }, client)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const before = (await rowCounts()).login_attempts;
    expect(await checkCredentials({ email: 'not-an-email', password: PASSWORD }, client)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await checkCredentials({ email: user.email, password: '' }, client)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    // Malformed input never reaches the password check, so it is not counted.
    expect((await rowCounts()).login_attempts).toBe(before);
  });

  it('refuses a deactivated user as inactive, even with the right password', async () => {
    const user = await userWithPassword({ active: false });
    const result = await checkCredentials({ email: user.email, password: PASSWORD }, HERE);
    expect(result).toEqual({ ok: false, reason: 'inactive' });
    if (!result.ok) expect(signInMessage(result)).toMatch(/deactivated/);
  });

  it("slows a guesser on one account with doubling waits, but not the account's owner from elsewhere", async () => {
    const { LOGIN_FREE_FAILURES, LOGIN_FIRST_DELAY_SECONDS } = env();
    expect(LOGIN_FREE_FAILURES).toBe(5);
    expect(LOGIN_FIRST_DELAY_SECONDS).toBe(1);
    const user = await userWithPassword();
    const guesser = '198.51.100.20';
    const t0 = Date.now();
    let t = t0;
    for (let i = 1; i < LOGIN_FREE_FAILURES; i++) {
      t += 1;
      expect(await checkCredentials({ email: user.email, password: `guess ${i}` }, guesser, t)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    // The fifth failure starts the waits: 1 s, then 2 s, 4 s… each counted from the last failure.
    t += 1;
    expect(await checkCredentials({ email: user.email, password: 'guess 5' }, guesser, t)).toEqual({
      ok: false,
      reason: 'throttled',
      seconds: 1,
    });
    for (const seconds of [2, 4, 8]) {
      // Too early: refused without checking, not even the right password, and not counted.
      const before = (await rowCounts()).login_attempts;
      expect(await checkCredentials({ email: user.email, password: PASSWORD }, guesser, t + 10)).toMatchObject({
        reason: 'throttled',
      });
      expect((await rowCounts()).login_attempts).toBe(before);
      t += (seconds / 2) * 1000;
      expect(await checkCredentials({ email: user.email, password: 'again' }, guesser, t)).toEqual({
        ok: false,
        reason: 'throttled',
        seconds,
      });
    }
    expect(await loadThrottleSeconds(user.email, guesser, t + 3000)).toBe(5);
    const refusal = await checkCredentials({ email: user.email, password: PASSWORD }, guesser, t + 3000);
    if (refusal.ok) throw new Error('expected a refusal');
    expect(signInMessage(refusal)).toBe('Too many attempts, try again in 5 seconds.');

    // Meanwhile the owner signs in from their own address at once, and so can the guesser's
    // address into another account.
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, HERE, t + 1)).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    const other = await userWithPassword();
    expect(await checkCredentials({ email: other.email, password: PASSWORD }, guesser, t + 1)).toMatchObject({
      ok: true,
    });

    // Once the wait is over, the guesser's address may try again, and the right password works.
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, guesser, t + 8000)).toMatchObject({
      ok: true,
    });
  });

  it('counts a burst of parallel guesses before any password is checked', async () => {
    const { LOGIN_FREE_FAILURES } = env();
    const user = await userWithPassword();
    const client = '198.51.100.24';
    const t0 = Date.now();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        checkCredentials({ email: user.email, password: `parallel ${i}` }, client, t0),
      ),
    );
    // Only the free failures reached the password check; the rest were refused without one.
    const recorded = await db.select().from(loginAttemptsTable).where(eq(loginAttemptsTable.client, client));
    expect(recorded).toHaveLength(LOGIN_FREE_FAILURES);
    // And by the time those checks answered, the pair already had to wait: every answer says so.
    expect(results.every((r) => !r.ok && r.reason === 'throttled')).toBe(true);
  });

  it('caps the wait, and forgets failures older than the window', async () => {
    const { LOGIN_MAX_DELAY_SECONDS, LOGIN_WINDOW_MINUTES } = env();
    const user = await userWithPassword();
    const guesser = '198.51.100.21';
    const t0 = Date.now();
    // Thirty failures a second apart, written as if each had waited its turn.
    for (let i = 0; i < 30; i++) {
      await db.insert(loginAttemptsTable).values({ email: user.email, client: guesser, at: t0 + i * 1000 });
    }
    const last = t0 + 29_000;
    expect(await loadThrottleSeconds(user.email, guesser, last)).toBe(LOGIN_MAX_DELAY_SECONDS);
    expect(await loadThrottleSeconds(user.email, guesser, t0 + LOGIN_WINDOW_MINUTES * MINUTE + 30_000)).toBe(0);
  });

  it('slows one client spraying a password across many accounts, whoever it tries next', async () => {
    const { LOGIN_CLIENT_FREE_FAILURES } = env();
    expect(LOGIN_CLIENT_FREE_FAILURES).toBe(20);
    const sprayer = '198.51.100.22';
    const t0 = Date.now();
    // Nineteen failures on nineteen accounts (written directly: each real check costs a password hash).
    for (let i = 1; i < LOGIN_CLIENT_FREE_FAILURES; i++) {
      await db.insert(loginAttemptsTable).values({ email: `spray-${i}@example.test`, client: sprayer, at: t0 + i });
    }
    expect(await loadThrottleSeconds('spray-20@example.test', sprayer, t0 + 20)).toBe(0);
    expect(
      await checkCredentials({ email: 'spray-20@example.test', password: 'Summer2026!' }, sprayer, t0 + 20),
    ).toEqual({ ok: false, reason: 'throttled', seconds: 1 });
    // Even an account it never tried, even with the right password, waits.
    const target = await userWithPassword();
    expect(await checkCredentials({ email: target.email, password: PASSWORD }, sprayer, t0 + 21)).toMatchObject({
      reason: 'throttled',
    });
    // Another client is not affected.
    expect(await checkCredentials({ email: target.email, password: PASSWORD }, HERE, t0 + 21)).toMatchObject({
      ok: true,
    });
  });

  it("a successful sign-in clears that account's failures from that client, not the client's others", async () => {
    const { LOGIN_FREE_FAILURES } = env();
    const user = await userWithPassword();
    const client = '198.51.100.23';
    const t0 = Date.now();
    const fail = (i: number) => checkCredentials({ email: user.email, password: 'nope' }, client, t0 + i);
    for (let i = 1; i < LOGIN_FREE_FAILURES; i++) expect(await fail(i)).toEqual({ ok: false, reason: 'invalid' });
    await checkCredentials({ email: 'someone-else@example.test', password: 'nope' }, client, t0 + 50);
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, client, t0 + 100)).toMatchObject({
      ok: true,
    });
    expect(await fail(101)).toEqual({ ok: false, reason: 'invalid' });
    expect(await loadThrottleSeconds(user.email, client, t0 + 102)).toBe(0);
    const left = await db.select().from(loginAttemptsTable).where(eq(loginAttemptsTable.client, client));
    expect(left.map((r) => r.email).sort()).toEqual(['someone-else@example.test', user.email].sort());
  });
});
