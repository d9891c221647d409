import { describe, expect, it } from 'vitest';
import { makeUser } from '@/db/factories';
import { env } from '@/lib/env.server';
import { db } from '@/lib/testing/db';
import { checkCredentials, lockedMinutes, signInMessage } from './credentials.server';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.server';

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

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

describe('checkCredentials', () => {
  it('signs in with the right password, whatever the e-mail case', async () => {
    const user = await userWithPassword();
    const result = await checkCredentials({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD });
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it('refuses a wrong password, an unknown e-mail and malformed input as invalid', async () => {
    const user = await userWithPassword();
    expect(await checkCredentials({ email: user.email, password: 'wrong' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials({ email: 'nobody@example.test', password: PASSWORD })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await checkCredentials({ email: 'not-an-email', password: PASSWORD })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await checkCredentials({ email: user.email, password: '' })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a deactivated user as inactive, even with the right password', async () => {
    const user = await userWithPassword({ active: false });
    const result = await checkCredentials({ email: user.email, password: PASSWORD });
    expect(result).toEqual({ ok: false, reason: 'inactive' });
    if (!result.ok) expect(signInMessage(result)).toMatch(/deactivated/);
  });

  it('locks after LOGIN_MAX_FAILURES failures, refuses even the right password, then unlocks after the window', async () => {
    const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = env();
    expect(LOGIN_MAX_FAILURES).toBe(5);
    const user = await userWithPassword();
    const t0 = Date.now();

    for (let i = 1; i < LOGIN_MAX_FAILURES; i++) {
      expect(await checkCredentials({ email: user.email, password: `guess ${i}` }, t0 + i)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const locking = await checkCredentials({ email: user.email, password: 'last guess' }, t0 + LOGIN_MAX_FAILURES);
    expect(locking).toMatchObject({ ok: false, reason: 'locked' });
    if (locking.ok || locking.reason !== 'locked') throw new Error('expected a lock');
    expect(locking.minutes).toBeGreaterThan(0);
    expect(locking.minutes).toBeLessThanOrEqual(LOGIN_LOCK_MINUTES);
    expect(signInMessage(locking)).toMatch(/try again in \d+ minute/);

    const lastFailure = t0 + LOGIN_MAX_FAILURES;
    const whileLocked = await checkCredentials({ email: user.email, password: PASSWORD }, lastFailure + 5 * MINUTE);
    expect(whileLocked).toMatchObject({ ok: false, reason: 'locked' });
    if (!whileLocked.ok && whileLocked.reason === 'locked') expect(whileLocked.minutes).toBe(LOGIN_LOCK_MINUTES - 5);

    // Another account is not affected by this one's lock.
    const other = await userWithPassword();
    expect(await checkCredentials({ email: other.email, password: PASSWORD }, t0 + 5 * MINUTE)).toMatchObject({
      ok: true,
    });

    const later = lastFailure + LOGIN_LOCK_MINUTES * MINUTE + 1;
    expect(lockedMinutes(user.email, later)).toBe(0);
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, later)).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
  });

  it('tells the real wait when the failures are spread out', async () => {
    const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = env();
    const user = await userWithPassword();
    const t0 = Date.now();
    // Failures at minutes 0, 1, 2, 3 and 10: the lock ends when the first leaves the window.
    const at = [0, 1, 2, 3, 10].map((m) => t0 + m * MINUTE);
    for (const t of at) await checkCredentials({ email: user.email, password: 'wrong' }, t);
    expect(at).toHaveLength(LOGIN_MAX_FAILURES);
    expect(lockedMinutes(user.email, t0 + 10 * MINUTE)).toBe(LOGIN_LOCK_MINUTES - 10);
    expect(lockedMinutes(user.email, t0 + LOGIN_LOCK_MINUTES * MINUTE + 1)).toBe(0);
  });

  it('a successful sign-in clears earlier failures', async () => {
    const { LOGIN_MAX_FAILURES } = env();
    const user = await userWithPassword();
    const t0 = Date.now();
    const fail = (i: number) => checkCredentials({ email: user.email, password: 'nope' }, t0 + i);
    for (let i = 1; i < LOGIN_MAX_FAILURES; i++) expect(await fail(i)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, t0 + 100)).toMatchObject({ ok: true });
    expect(await fail(101)).toEqual({ ok: false, reason: 'invalid' });
    expect(lockedMinutes(user.email, t0 + 102)).toBe(0);
  });
});
