/**
 * The sign-in throttling rule (decision 11), pure so it is tested as a table. Failed sign-ins are
 * counted under two keys: the (account, client) pair and the client across all accounts. Once a
 * key has `free` failures within the window, every further attempt under it must wait a delay that
 * doubles with each failure, up to a cap. Nothing counts per account alone, so a stranger failing
 * on someone's account never delays that person's own sign-in from another address.
 */

export type ThrottleKey = 'account-client' | 'client';

export type ThrottleRule = {
  /** Failures allowed before any delay. */
  free: number;
  /** The delay after `free` failures; it doubles with each further failure. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
};

/** The failures of one key within the window: how many, and when the last was (epoch ms). */
export type FailureCount = { count: number; lastAt: number | null };

/** Seconds a key must wait after its last failure, given how many it has: 0 below `free`. */
export function delaySeconds(count: number, rule: ThrottleRule): number {
  if (count < rule.free) return 0;
  // The exponent is bounded so a huge count cannot overflow into Infinity/NaN before the cap applies.
  const doublings = Math.min(count - rule.free, 40);
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** doublings);
}

/** Milliseconds until this key may try again (0: now). */
export function waitMs(failures: FailureCount, rule: ThrottleRule, now: number): number {
  const delay = delaySeconds(failures.count, rule);
  // Below the free failures there is no wait, even when another attempt in flight (on another
  // process, or started a moment later) carries a time after this one's `now`.
  if (failures.lastAt === null || delay === 0) return 0;
  const retryAt = failures.lastAt + delay * 1000;
  return Math.max(0, retryAt - now);
}

/** The longest wait among the keys, and which key imposes it; null when nothing holds the attempt back. */
export function throttled(
  keys: { key: ThrottleKey; failures: FailureCount; rule: ThrottleRule }[],
  now: number,
): { key: ThrottleKey; waitMs: number } | null {
  let worst: { key: ThrottleKey; waitMs: number } | null = null;
  for (const { key, failures, rule } of keys) {
    const wait = waitMs(failures, rule, now);
    if (wait > 0 && (!worst || wait > worst.waitMs)) worst = { key, waitMs: wait };
  }
  return worst;
}

/** "3 seconds", "1 minute", "15 minutes": how long to wait, rounded up. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.ceil(s / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

/**
 * The client's address, the key of the per-client counters. Next.js does not hand route code the
 * socket address; it copies it into X-Forwarded-For, but only when the request has no such header.
 * - `trustedProxies` = 0 (no proxy in front): the last entry, which is the socket address unless the
 *   client sent the header itself. A client that forges it can be a new client on every attempt and
 *   so escape both counters: a server reachable from the internet belongs behind a proxy that sets
 *   the header, with TRUST_PROXY set (decision 11).
 * - `trustedProxies` = n: the entry n places from the right, the address the outermost trusted proxy
 *   saw. Not the first entry: a proxy that appends (as most do) keeps whatever the client sent there.
 */
export function clientAddress(forwardedFor: string | null, trustedProxies: number): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length === 0) return 'unknown';
  const index = trustedProxies > 0 ? Math.max(0, hops.length - trustedProxies) : hops.length - 1;
  return normalizeAddress(hops[index]);
}

function normalizeAddress(address: string): string {
  const lower = address.toLowerCase().slice(0, 64);
  // An IPv4 client on a dual-stack socket appears as ::ffff:a.b.c.d: one client, one key.
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
