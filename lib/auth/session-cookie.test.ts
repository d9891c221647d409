import { describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { env } from '@/lib/env.server';
import { sessionCookieName, sessionIdFromCookie } from './session-cookie.server';

/** A session cookie as next-auth writes it at sign-in (lib/auth/auth.server.ts puts uid and sid in the token). */
function cookie(sid: unknown, opts: { secret?: string; salt?: string; maxAge?: number } = {}) {
  return encode({
    token: { uid: 7, sid, name: 'Someone', email: 'someone@quorum.test' },
    secret: opts.secret ?? env().AUTH_SECRET,
    salt: opts.salt ?? sessionCookieName(),
    maxAge: opts.maxAge,
  });
}

describe('sessionIdFromCookie', () => {
  it('names the server-side session of a valid cookie, every time it is shown', async () => {
    const value = await cookie('session-a');
    expect(await sessionIdFromCookie(value)).toBe('session-a');
    expect(await sessionIdFromCookie(value)).toBe('session-a');
  });

  it('answers nothing without a cookie, so the caller asks next-auth', async () => {
    expect(await sessionIdFromCookie(undefined)).toBeUndefined();
  });

  it('refuses a cookie that was tampered with, made with another secret or for another cookie name', async () => {
    const value = await cookie('session-b');
    const tampered = value.slice(0, -4) + (value.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await sessionIdFromCookie(tampered)).toBeNull();
    expect(
      await sessionIdFromCookie(await cookie('session-b', { secret: 'another-secret-another-secret-0123456' })),
    ).toBeNull();
    expect(await sessionIdFromCookie(await cookie('session-b', { salt: '__Secure-authjs.session-token' }))).toBeNull();
    expect(await sessionIdFromCookie('not a token')).toBeNull();
  });

  it('refuses a token without a session id (made before sessions were kept on the server)', async () => {
    expect(await sessionIdFromCookie(await cookie(undefined))).toBeNull();
    expect(await sessionIdFromCookie(await cookie(42))).toBeNull();
  });

  it('stops accepting a cookie once its token has expired, cached or not', async () => {
    const value = await cookie('session-c', { maxAge: 60 });
    expect(await sessionIdFromCookie(value)).toBe('session-c');
    expect(await sessionIdFromCookie(value, Date.now() + 61_000)).toBeNull();
    // Evicted: shown again later it is decoded again, and jose refuses it too.
    expect(await sessionIdFromCookie(value, Date.now() + 61_000)).toBeNull();
    expect(await sessionIdFromCookie(await cookie('session-d', { maxAge: -30 }))).toBeNull();
  });
});
