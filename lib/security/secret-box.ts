import crypto from 'node:crypto';

/**
 * AES-256-GCM under a key derived from a server secret (AUTH_SECRET). Callers go through
 * lib/sso/secrets.server.ts, which supplies the secret; this module takes it as an argument so that
 * test fixtures can write what the server will read.
 */
const VERSION = 'v1';

function keyFrom(serverSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', serverSecret, 'quorum', 'sso-secrets', 32));
}

export function encryptSecretWith(serverSecret: string, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFrom(serverSecret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Throws when the text was not made by encryptSecretWith under this secret. */
export function decryptSecretWith(serverSecret: string, stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Not an encrypted secret.');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyFrom(serverSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
