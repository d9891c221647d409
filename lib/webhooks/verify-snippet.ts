/**
 * The verification code receivers are given (the admin page's help and the docs show it). It is
 * text so that it can be shown as it is, and lib/webhooks/verify-snippet.test.ts runs this very
 * text against what the worker signs, so the documented code cannot drift from the scheme.
 */
export const VERIFY_SNIPPET = `const crypto = require('node:crypto');

// header: the Quorum-Signature header; rawBody: the body exactly as received (a string).
function verifyQuorumSignature(secret, header, rawBody, now = Date.now()) {
  const parts = Object.fromEntries(String(header).split(',').map((p) => p.split(/=(.*)/s, 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(now / 1000 - t) > 300) return false; // older than 5 minutes: a replay
  const expected = crypto.createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}`;
