/**
 * A reverse proxy for tests that run several Quorum processes on one database: every request goes
 * to the next backend in turn (request by request, not per browser), so one page's reads, writes
 * and live stream land on different processes — what a load balancer without sticky sessions does.
 *
 * Bodies are streamed both ways, never buffered, so a live stream (SSE) flows through as it is
 * written. A backend that refuses the connection is skipped for the next one, as nginx's
 * `proxy_next_upstream` does; only when none answers does the client get a 502. A backend that dies
 * in the middle of a response has its client connection cut, so an EventSource reconnects (and
 * lands on another process).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type RoundRobinProxy = {
  url: string;
  /** How many responses each backend (by port) has started; a refused attempt does not count. */
  hits: Map<number, number>;
  /**
   * Takes a backend out of the rotation (`true`) or puts it back. Taking it out also cuts the
   * responses it is streaming, as if it had died, without stopping the process.
   */
  setDown(port: number, down: boolean): void;
  /** Stops listening and cuts every open connection. */
  close(): Promise<void>;
};

const HOST = '127.0.0.1';

// These describe one connection, not the message (RFC 9110 §7.6.1): never passed along.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
]);

/** What a backend that never took the request looks like, so another one may take it. */
const NOT_TAKEN = new Set(['ECONNREFUSED', 'ECONNRESET']);

/** Also drops the headers a `Connection:` header names as belonging to this connection only. */
function hopByHop(connection: string | string[] | undefined): Set<string> {
  const named = [connection ?? []].flat().flatMap((value) => value.split(','));
  return new Set([...HOP_BY_HOP, ...named.map((name) => name.trim().toLowerCase()).filter(Boolean)]);
}

function requestHeaders(req: http.IncomingMessage): http.OutgoingHttpHeaders {
  const drop = hopByHop(req.headers.connection);
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) if (!drop.has(name)) headers[name] = value;
  // The Host stays the one the browser used, so the app builds its links and checks origins against
  // the proxy's address; the X-Forwarded-* headers say who asked and how.
  const client = req.socket.remoteAddress ?? 'unknown';
  const forwardedFor = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${client}` : client;
  headers['x-forwarded-proto'] = req.headers['x-forwarded-proto'] ?? 'http';
  headers['x-forwarded-host'] = req.headers['x-forwarded-host'] ?? req.headers.host;
  return headers;
}

/** The backend's headers as it sent them (repeats such as Set-Cookie kept), minus hop-by-hop ones. */
function responseHeaders(upstream: http.IncomingMessage): string[] {
  const drop = hopByHop(upstream.headers.connection);
  const out: string[] = [];
  for (let i = 0; i < upstream.rawHeaders.length; i += 2) {
    if (!drop.has(upstream.rawHeaders[i].toLowerCase())) out.push(upstream.rawHeaders[i], upstream.rawHeaders[i + 1]);
  }
  return out;
}

export async function startRoundRobinProxy(opts: { port?: number; backends: number[] }): Promise<RoundRobinProxy> {
  const backends = [...opts.backends];
  if (backends.length === 0) throw new Error('The round-robin proxy needs at least one backend.');
  const hits = new Map(backends.map((port) => [port, 0]));
  const down = new Set<number>();
  // The requests in flight to each backend, so taking a backend down can cut them.
  const inFlight = new Map(backends.map((port) => [port, new Set<http.ClientRequest>()]));
  let turn = 0;

  const server = http.createServer((req, res) => {
    const first = turn++ % backends.length;
    const order = [...backends.slice(first), ...backends.slice(0, first)];
    let current: http.ClientRequest | null = null;
    let bodyTouched = false;
    // The browser went away (closed the page, EventSource.close()): let the backend know.
    res.on('close', () => {
      if (!res.writableFinished) current?.destroy();
    });

    const fail = (reason: string) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Bad gateway: ${reason}\n`);
    };

    const tryNext = (): void => {
      const port = order.shift();
      if (port === undefined) return fail('no backend answered.');
      if (down.has(port)) return tryNext();
      // A fresh connection per request (no keep-alive pool): a reused connection to a backend that
      // has since restarted would fail in ways that are hard to tell from a real error.
      const upstream = http.request({
        host: HOST,
        port,
        method: req.method,
        path: req.url,
        headers: requestHeaders(req),
        agent: false,
      });
      current = upstream;
      const tracked = inFlight.get(port)!;
      tracked.add(upstream);
      let answered = false;

      // The body is handed over only once the backend has accepted the connection: until then
      // nothing of it is read, so a refusing backend costs nothing and the next one gets it whole.
      upstream.on('socket', (socket: Socket) => {
        const send = () => {
          if (req.readableEnded) return void upstream.end();
          req.on('data', () => (bodyTouched = true));
          req.pipe(upstream);
        };
        if (socket.connecting) socket.once('connect', send);
        else send();
      });

      upstream.on('response', (upstreamRes) => {
        answered = true;
        hits.set(port, (hits.get(port) ?? 0) + 1);
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, responseHeaders(upstreamRes));
        // At once, before any body: a live stream's headers must reach the browser even while it is quiet.
        res.flushHeaders();
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => {});
        upstreamRes.on('close', () => {
          tracked.delete(upstream);
          // The backend died (or was taken down) mid-response: cut the client's connection too,
          // instead of letting a truncated body look complete.
          if (!upstreamRes.complete) res.destroy();
        });
      });

      upstream.on('error', (error: NodeJS.ErrnoException) => {
        tracked.delete(upstream);
        if (res.destroyed) return;
        if (answered) return void res.destroy();
        // A body partly sent to the failed backend cannot be sent again without having kept it.
        if (NOT_TAKEN.has(error.code ?? '') && !bodyTouched) return tryNext();
        fail(`backend ${port} failed: ${error.message}`);
      });
    };

    tryNext();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${HOST}:${port}`,
    hits,
    setDown(backend, isDown) {
      const tracked = inFlight.get(backend);
      if (!tracked) throw new Error(`Port ${backend} is not one of the proxy's backends.`);
      if (!isDown) return void down.delete(backend);
      down.add(backend);
      for (const upstream of tracked) upstream.destroy();
      tracked.clear();
    },
    close() {
      for (const tracked of inFlight.values()) for (const upstream of tracked) upstream.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
