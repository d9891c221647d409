import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/env.server';

/**
 * Secrets Quorum must use again (an OIDC client secret, the SAML signing key) are encrypted with a
 * key derived from AUTH_SECRET (AES-256-GCM); secrets it only has to recognise (SCIM tokens,
 * invitation links, sign-in tickets) are kept as SHA-256 hashes. Neither is ever shown or logged
 * after it is created.
 */
const VERSION = 'v1';

function key(): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', env().AUTH_SECRET, 'quorum', 'sso-secrets', 32));
}

export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

/** Throws when the text was not made by encryptSecret with this AUTH_SECRET. */
export function decryptSecret(stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Not an encrypted secret.');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
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
