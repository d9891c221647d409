/**
 * `npm start`: the one command that runs the demo on a fresh machine.
 * Builds once if there is no build, migrates and seeds the database on first run,
 * generates a development AUTH_SECRET under ./data/ if none is set, and serves.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateDevSecret } from '../lib/dev-secret.server';

const root = process.cwd();
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}").`);
  process.exit(1);
}

function run(cmd: string, args: string[]) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('No build found: building Quorum once (about a minute)…');
  run(process.execPath, [nextBin, 'build']);
}
run(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts', 'prepare-db.ts')]);

const url = process.env.APP_URL ?? `http://localhost:${port}`;
const env = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? loadOrCreateDevSecret(),
  APP_URL: url,
  AUTH_URL: process.env.AUTH_URL ?? url,
};
const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env,
});
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes('Ready')) {
    console.log(
      `\n  Quorum is running at ${url}\n  Sign in as pm@quorum.test with the password "quorum-demo" (README lists every demo user).\n`,
    );
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
