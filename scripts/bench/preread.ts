/**
 * Pre-read benchmark (`npm run bench:preread`, also part of `npm run bench`):
 *   1. distributing a pre-read of 200 items to 60 attendees through the JSON route the app exposes
 *      (POST /api/meetings/:id/preread): time from the request until the loopback SMTP server has
 *      accepted the 60th e-mail (target < 10 s);
 *   2. the pre-read page (/meetings/:id/preread, 200 items) under 10 concurrent readers for 10 s:
 *      p50/p95/p99 (target p95 < 300 ms).
 * A fresh temporary database (scripts/bench/seed-preread.ts), `next start` from the current build and
 * an in-process SMTP server, all on loopback. Figures go to bench-results/preread.json too.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import {
  benchTempDir,
  freePort,
  nextBin,
  passMiss,
  root,
  runChild,
  runLoad,
  signIn,
  startChild,
  stopChildren,
  table,
  tsxArgs,
  waitForHttp,
} from './lib';

const ATTENDEES = 60;
const tmpDir = benchTempDir('preread');

const dbFile = path.join(tmpDir, 'bench.sqlite');
const seeded = JSON.parse(
  (
    await runChild(
      'seed-preread',
      ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts', 'bench', 'seed-preread.ts')],
      {
        ...process.env,
        DATABASE_URL: dbFile,
      },
    )
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as { meetingId: number; reader: string };

// The SMTP server counts what it accepts and when.
const accepted: number[] = [];
const smtpPort = await freePort();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      accepted.push(performance.now());
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

const port = await freePort();
const base = `http://localhost:${port}`;
const server = startChild('next start', [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: dbFile,
  AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  AUTH_URL: base,
  APP_URL: base,
  SMTP_URL: `smtp://localhost:${smtpPort}`,
  NEXT_TELEMETRY_DISABLED: '1',
});
await waitForHttp(`${base}/api/auth/csrf`, server);

const pmCookie = await signIn(base, 'pm@quorum.test', 'quorum-demo');
const started = performance.now();
const res = await fetch(`${base}/api/meetings/${seeded.meetingId}/preread`, {
  method: 'POST',
  headers: { cookie: pmCookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
  body: JSON.stringify({ confirmLate: true }),
});
const answered = performance.now();
if (!res.ok) throw new Error(`Distributing answered ${res.status}: ${await res.text()}`);
const deadline = Date.now() + 60_000;
while (accepted.length < ATTENDEES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const lastMailMs = accepted.length >= ATTENDEES ? Math.round(accepted[ATTENDEES - 1] - started) : null;
console.log(
  `Distribution answered in ${Math.round(answered - started)} ms; ${accepted.length} of ${ATTENDEES} mails accepted; the last after ${lastMailMs ?? 'n/a'} ms.`,
);

const readerCookie = await signIn(base, seeded.reader, 'quorum-demo');
const pageUrl = `${base}/meetings/${seeded.meetingId}/preread`;
const probe = await fetch(pageUrl, { headers: { cookie: readerCookie } });
const html = await probe.text();
console.log(
  `Pre-read page: ${probe.status}, ${(html.length / 1024).toFixed(0)} KB, ${(html.match(/id="item-\d+"/g) ?? []).length} items rendered.`,
);
const load = await runLoad({
  url: pageUrl,
  headers: { cookie: readerCookie },
  connections: 10,
  warmupSeconds: 2,
  seconds: 10,
});

console.log('\nPre-read benchmark\n');
console.log(
  table(
    ['measure', 'value'],
    [
      ['mails delivered', `${accepted.length} / ${ATTENDEES}`],
      ['time to last mail accepted (ms)', lastMailMs ?? 'n/a'],
      ['pre-read page req/s (10 readers)', load.rps],
      ['pre-read page p50 / p95 / p99 (ms)', `${load.p50} / ${load.p95} / ${load.p99}`],
      ['non-2xx / errors', `${load.non2xx} / ${load.errors + load.timeouts}`],
    ],
  ),
);
console.log('\nTargets:');
console.log(
  `  ${passMiss(lastMailMs !== null && lastMailMs < 10_000)}  all ${ATTENDEES} mails delivered in under 10 s (${lastMailMs ?? 'n/a'} ms)`,
);
console.log(
  `  ${passMiss(load.p95 < 300 && load.non2xx === 0)}  pre-read page p95 < 300 ms at 10 readers (${load.p95} ms)`,
);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench-results', 'preread.json'),
  JSON.stringify({ lastMailMs, delivered: accepted.length, page: load }, null, 2),
);
await stopChildren();
smtp.close();
process.exit(0);
