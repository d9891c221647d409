/**
 * Baseline for scripts/bench/meeting.ts: a bare node:http Server-Sent Events broadcaster — the practical limit
 * of pushing one message to N open connections in one Node process, with no auth, database or Next.
 *
 *   GET  /events  an SSE stream: `retry:` at once, then every broadcast message, and a heartbeat comment every 15 s.
 *   POST /vote    a JSON body, broadcast at once to every open stream in the same form as Quorum's
 *                 `live.vote_cast` message (`id: n` + `data: {"id":n,"type":…,"at":…,"data":<body>}`); answers 204.
 *
 *   PORT=4100 node --import tsx scripts/bench/sse-baseline-server.ts
 */
import http from 'node:http';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('Set PORT.');
  process.exit(1);
}

const streams = new Set<http.ServerResponse>();
let lastId = 0;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url?.split('?')[0] === '/events') {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
    return;
  }
  if (req.method === 'POST' && req.url === '/vote') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let data: unknown;
      try {
        data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"The body must be JSON."}');
        return;
      }
      const id = ++lastId;
      const message = `id: ${id}\ndata: ${JSON.stringify({ id, type: 'live.vote_cast', at: new Date().toISOString(), data })}\n\n`;
      for (const stream of streams) stream.write(message);
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found."}');
});

server.listen(port, '127.0.0.1', () => console.log(`sse baseline listening on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
