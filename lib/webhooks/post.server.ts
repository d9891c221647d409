import 'server-only';
import type { WebhookDelivery } from '@/db/schema';
import { signatureHeader } from './signature';

export type Outcome = { statusCode: number | null; error: string | null; durationMs: number };

/** One POST, signed now; a 2xx is success, anything else (a redirect too: never followed) a failure. */
export async function post(row: WebhookDelivery, url: string, secret: string, timeoutMs: number): Promise<Outcome> {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      body: row.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Quorum-Webhooks',
        'Quorum-Event': row.eventType,
        'Quorum-Delivery': String(row.id),
        'Quorum-Signature': signatureHeader(secret, row.payload, Math.floor(Date.now() / 1000)),
      },
    });
    await response.body?.cancel(); // the answer's body is not used: do not wait for it
    const ok = response.status >= 200 && response.status < 300;
    const error = ok
      ? null
      : response.status >= 300 && response.status < 400
        ? `Answered ${response.status} (a redirect, not followed): register the final URL.`
        : `Answered ${response.status}.`;
    return { statusCode: response.status, error, durationMs: Date.now() - started };
  } catch (caught) {
    const e = caught as Error & { cause?: { code?: string; message?: string } };
    const error =
      e.name === 'TimeoutError'
        ? `No answer within ${timeoutMs / 1000} s (timed out).`
        : `Could not connect: ${e.cause?.code ?? e.cause?.message ?? e.message}.`;
    return { statusCode: null, error, durationMs: Date.now() - started };
  }
}
