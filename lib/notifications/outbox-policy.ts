/**
 * Retry policy for outgoing e-mail: pure, so the worker's decisions can be tested without a clock
 * or a mail server.
 */

/**
 * Attempts before a temporarily failing mail is given up as `failed`. With the back-off below the
 * last try comes about 67 minutes after the first, so a mail server that is down for an hour still
 * gets the mail; after that an admin can retry it from the outbox page.
 */
export const MAX_ATTEMPTS = 15;

const BASE_MS = 2_000;
const CAP_MS = 10 * 60_000;

/**
 * Delay before the next try after `attempts` failed tries: 2 s, 4 s, 8 s… up to 10 min, ±20 %
 * jitter so that mails which failed together (a server outage) do not all retry in the same second.
 * `random` is injectable so tests get exact values.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(attempts));
  const base = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(n - 1, 30));
  const jitter = 0.8 + 0.4 * Math.min(1, Math.max(0, random()));
  return Math.round(Math.min(CAP_MS, base * jitter));
}

export type SendVerdict = { temporary: boolean; reason: string };

// Node socket errors and nodemailer's connection-level codes: the server was not reached, or the
// line dropped, so the same mail may well go through later.
const TEMPORARY_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNECTION',
  'EDNS',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ETLS',
]);
// The message itself or its envelope is wrong: sending it again gives the same answer.
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ECONFIG', 'EAUTH', 'ENOAUTH']);

const MAX_REASON = 1_000;

/**
 * Whether a send error is worth retrying. An SMTP reply code decides when there is one (RFC 5321:
 * 4xx transient, 5xx permanent, e.g. 550 recipient refused); otherwise connection errors are
 * temporary. Unknown errors count as temporary: retrying is bounded by MAX_ATTEMPTS, while giving up
 * early would lose mail. The reason keeps the server's own words for the admin page.
 */
export function classifySendError(err: unknown): SendVerdict {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const message = typeof e.message === 'string' ? e.message : String(err);
  const response = typeof e.response === 'string' ? e.response.trim() : '';
  const reason = (response || message || 'Unknown error').slice(0, MAX_REASON);
  const replyCode =
    typeof e.responseCode === 'number' ? e.responseCode : Number(/^([245]\d\d)[\s-]/.exec(response)?.[1]);
  if (replyCode >= 500 && replyCode < 600) return { temporary: false, reason };
  if (replyCode >= 400 && replyCode < 500) return { temporary: true, reason };
  const code = typeof e.code === 'string' ? e.code : '';
  // nodemailer reports a refused connection as ESOCKET; the Node code survives in the message.
  if (TEMPORARY_CODES.has(code) || /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)\b/.test(message))
    return { temporary: true, reason };
  if (PERMANENT_CODES.has(code)) return { temporary: false, reason };
  return { temporary: true, reason };
}
