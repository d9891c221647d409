import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyQuorumSignature } from '@/lib/webhooks/signature';

/** One request the receiver got, with whether its signature held. */
export type Received = {
  at: number;
  deliveryId: string;
  event: string;
  userAgent: string;
  verified: boolean;
  status: number;
  body: string;
  json: unknown;
};

/**
 * A real HTTP receiver on loopback for webhook tests. It checks every request's signature with
 * verifyQuorumSignature (the documented snippet) and records it; `failNext(n)` answers 500 to the
 * next n requests, `hangNext(n)` never answers the next n (the sender must time out).
 */
export async function startWebhookReceiver(opts: { secret?: string } = {}) {
  let secret = opts.secret ?? '';
  let failures = 0;
  let hangs = 0;
  const received: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (hangs > 0) {
        hangs--;
        hanging.add(res);
        return;
      }
      const verified = verifyQuorumSignature(secret, req.headers['quorum-signature'] as string, body);
      const status = failures > 0 ? (failures--, 500) : verified ? 200 : 401;
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null; // a Slack body or a broken one: the raw text is kept in `body`
      }
      received.push({
        at: Date.now(),
        deliveryId: String(req.headers['quorum-delivery'] ?? ''),
        event: String(req.headers['quorum-event'] ?? ''),
        userAgent: String(req.headers['user-agent'] ?? ''),
        verified,
        status,
        body,
        json,
      });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Answered with a 2xx: what the sender counts as delivered. */
    delivered: () => received.filter((r) => r.status === 200),
    setSecret: (s: string) => void (secret = s),
    failNext: (n: number) => void (failures = n),
    hangNext: (n: number) => void (hangs = n),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
