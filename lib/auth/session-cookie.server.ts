import 'server-only';
import { decode } from 'next-auth/jwt';
import { env } from '@/lib/env.server';
import { isHttpsUrl } from '@/lib/security/headers';

/**
 * The server-side session id a request's session cookie names, read without next-auth's auth().
 *
 * Why: auth() costs every request (every vote, every stream) a key derivation, a decryption, a
 * fresh encryption of the same token to roll its expiry, and a CSRF token's digest — all as
 * WebCrypto jobs on libuv's small thread pool, where they queue behind each other under load. The
 * roll buys nothing here: the cookie's own lifetime equals the server-side session's absolute one
 * (both SESSION_MAX_HOURS from sign-in), and the idle limit is kept on the server. What the cookie
 * says never changes for a given cookie value, so its decoded content is cached by that value
 * until the token's own expiry; whether the session still holds is checked in the database on every
 * request as before (lib/auth/user-sessions.server.ts), so signing out or deactivation still takes
 * effect at once.
 *
 * Returns undefined when this fast path cannot answer (no plain cookie — e.g. one split into
 * chunks), so that the caller asks auth(); null when the cookie is there but not a valid session.
 */

type Decoded = { sessionId: string; expiresAt: number };

/** Enough for every open browser tab of a large organisation; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;
const slot = globalThis as unknown as { quorumSessionCookies?: Map<string, Decoded> };
const decoded = (slot.quorumSessionCookies ??= new Map());

/** The session cookie's name, as next-auth names it (the __Secure- form whenever the app is served over https). */
export function sessionCookieName(): string {
  return isHttpsUrl(env().APP_URL) ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

export async function sessionIdFromCookie(
  value: string | undefined,
  now = Date.now(),
): Promise<string | null | undefined> {
  if (value === undefined) return undefined;
  const known = decoded.get(value);
  if (known) {
    if (known.expiresAt > now) return known.sessionId;
    decoded.delete(value);
    return null;
  }
  const name = sessionCookieName();
  let token: { sid?: unknown; exp?: unknown } | null;
  try {
    token = await decode<{ sid?: unknown; exp?: unknown }>({ token: value, secret: env().AUTH_SECRET, salt: name });
  } catch {
    return null; // tampered with, or made with another secret
  }
  const sessionId = token?.sid;
  const exp = token?.exp;
  if (typeof sessionId !== 'string' || typeof exp !== 'number' || exp * 1000 <= now) return null;
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  decoded.set(value, { sessionId, expiresAt: exp * 1000 });
  return sessionId;
}
