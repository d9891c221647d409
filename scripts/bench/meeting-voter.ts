/**
 * Vote sender child of scripts/bench/meeting.ts (`node --import tsx scripts/bench/meeting-voter.ts`, with an IPC
 * channel). Votes come from separate processes, as from other people's browsers: the parent, which holds the SSE
 * connections, only tells this process what to send and when.
 *
 * Parent → child: { seq, url, cookie, body }  POST `body` (JSON) to `url` with `cookie`, at once.
 * Child → parent: { type: 'ready' } once, then per vote
 *                 { type: 'sent', seq, sentAt, status, answeredMs, error? }
 * `sentAt` is taken just before the request is written, on CLOCK_MONOTONIC (monoMs), which the parent shares.
 * The answer is read in full but not decoded (Quorum answers with the voter's new live state, compressed as for a
 * browser, which sends accept-encoding too). Exits when the channel closes.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { monoMs } from './lib';

export type VoteCommand = { seq: number; url: string; cookie: string; body: string };
export type VoteReport = {
  type: 'sent';
  seq: number;
  sentAt: number;
  status: number;
  answeredMs: number;
  error?: string;
};

if (!process.send) {
  console.error('Run me from scripts/bench/meeting.ts (I need an IPC channel).');
  process.exit(1);
}
const send = process.send.bind(process);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** A refusal's body, for the parent's message. */
function decode(body: Buffer, encoding: string | undefined): string {
  try {
    if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8');
    if (encoding === 'deflate') return zlib.inflateSync(body).toString('utf8');
    if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
  } catch {
    /* shown as it came */
  }
  return body.toString('utf8');
}

function post(cmd: VoteCommand): void {
  const sentAt = monoMs();
  let reported = false;
  const report = (status: number, error?: string) => {
    if (reported) return;
    reported = true;
    const r: VoteReport = {
      type: 'sent',
      seq: cmd.seq,
      sentAt,
      status,
      answeredMs: Math.round((monoMs() - sentAt) * 100) / 100,
    };
    if (error) r.error = error;
    send(r);
  };
  const req = http.request(
    cmd.url,
    {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin', // as the page's fetch: the API refuses a cross-site write
        'content-length': Buffer.byteLength(cmd.body),
        'accept-encoding': 'gzip, deflate, br',
        ...(cmd.cookie ? { cookie: cmd.cookie } : {}),
      },
    },
    (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        report(
          status,
          status >= 300 ? decode(Buffer.concat(chunks), res.headers['content-encoding']).slice(0, 300) : undefined,
        );
      });
      res.on('error', (e) => report(0, e.message));
    },
  );
  req.on('error', (e) => report(0, e.message));
  req.end(cmd.body);
}

process.on('message', (m: VoteCommand) => post(m));
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
