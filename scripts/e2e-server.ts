/** The server Playwright starts: a fresh demo database under ./data/e2e/ and `next start`. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_AUTH_SECRET } from '../e2e/server-secret';

const port = process.env.E2E_PORT ?? '3100';
const smtpPort = process.env.E2E_SMTP_PORT ?? '2525';
const dir = path.join(process.cwd(), 'data', 'e2e');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const env = {
  ...process.env,
  DATABASE_URL: path.join(dir, 'quorum.db'),
  AUTH_SECRET: E2E_AUTH_SECRET,
  AUTH_URL: `http://localhost:${port}`,
  APP_URL: `http://localhost:${port}`,
  // Small throttling settings keep the throttling tests quick, and a first wait of a minute is long
  // enough to see. The tests play a proxy: each browser says which client it is in X-Forwarded-For,
  // so the throttled clients are theirs and never the one every other test signs in from.
  LOGIN_FREE_FAILURES: '3',
  LOGIN_CLIENT_FREE_FAILURES: '6',
  LOGIN_FIRST_DELAY_SECONDS: '60',
  TRUST_PROXY: '1',
  // Live streams re-check the viewer's session at each heartbeat: a short one keeps those tests quick.
  LIVE_HEARTBEAT_SECONDS: '2',
  SMTP_URL: `smtp://localhost:${smtpPort}`,
  // Webhook receivers in the tests fail on purpose: a short timeout and first retry keep them quick.
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_FIRST_RETRY_MS: '500',
  NEXT_TELEMETRY_DISABLED: '1',
};
// The real SMTP server the tests read mail from (scripts/e2e-smtp.ts).
const smtp = spawn(process.execPath, ['--import', 'tsx', 'scripts/e2e-smtp.ts'], {
  stdio: 'inherit',
  env: { ...process.env, E2E_SMTP_PORT: smtpPort },
});
const prep = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/prepare-db.ts'], {
  stdio: 'inherit',
  env,
});
if (prep.status !== 0) process.exit(prep.status ?? 1);
const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const server = spawn(process.execPath, [next, 'start', '-p', port], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    smtp.kill(signal);
    server.kill(signal);
  });
}
server.on('exit', (code) => {
  smtp.kill();
  process.exit(code ?? 0);
});
