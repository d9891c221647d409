import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature, as Stripe and GitHub do it: `Quorum-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<raw body>")>`. The timestamp is signed with the body, so a captured
 * request cannot be replayed later than the receiver's tolerance. No server-only imports: the
 * tests' receiver and the documented snippet use the same function.
 */
export const SIGNATURE_HEADER = 'Quorum-Signature';
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export function signatureHeader(secret: string, rawBody: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * True when `header` signs `rawBody` with `secret` and its timestamp is within five minutes of
 * `now` (epoch ms). Compares in constant time, so a forger learns nothing from how long it takes.
 */
export function verifyQuorumSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  now: number = Date.now(),
): boolean {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((p) => [p.slice(0, p.indexOf('=')).trim(), p.slice(p.indexOf('=') + 1).trim()]),
  );
  const t = Number(parts.t);
  if (!/^\d{1,12}$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(now / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}
