import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/env.server';
import { decryptSecretWith, encryptSecretWith } from './secret-box';

/**
 * Secrets Quorum must use again (an OIDC client secret, the SAML signing key) are encrypted with a
 * key derived from AUTH_SECRET (AES-256-GCM); secrets it only has to recognise (SCIM tokens,
 * invitation links, sign-in tickets) are kept as SHA-256 hashes. Neither is ever shown or logged
 * after it is created.
 */
export function encryptSecret(plain: string): string {
  return encryptSecretWith(env().AUTH_SECRET, plain);
}

/** Throws when the text was not made by encryptSecret with this AUTH_SECRET. */
export function decryptSecret(stored: string): string {
  return decryptSecretWith(env().AUTH_SECRET, stored);
}

/** A new random token (256 bits), for links and bearer tokens. */
export function newToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hashes without leaking where they differ. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
