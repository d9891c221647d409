/**
 * A private Quorum server for one test: its own fresh database in a temporary directory (seeded
 * with the demo unless asked not to) and its own `next start` (the existing production build) on a free loopback port, so a test can
 * crash and restart it without touching the shared server the rest of the suite uses.
 *
 * The server is spawned detached (its own process group) and always killed as a group, so no
 * next-server is left behind: by `stop()`, and as a last resort when the test process exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWN_SERVER_AUTH_SECRET } from './server-secret';

export type KillKind = 'SIGKILL' | 'SIGTERM';

export type OwnServer = {
  baseURL: string;
  /** The SQLite file; it survives restarts (only `stop()` removes it). */
  databasePath: string;
  /**
   * Stops the server with `kind` (SIGKILL: a crash; SIGTERM: a polite stop, SIGKILL after 10 s),
   * waits until it is gone and its port is closed, runs `whileDown` (e.g. to look at the pages
   * while nothing answers), then starts it again on the same port with the same database and
   * waits until it is healthy.
   */
  restart(kind: KillKind, whileDown?: () => Promise<void>): Promise<void>;
  /** Kills the server (whole process group) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
  /** The end of the server's output (both runs), for a failing test's report. */
  logTail(lines?: number): string;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when nothing listens on the port (we can bind it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

/** True when something accepts connections on the port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: HOST });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 20; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port in ${from}–${from + 19} for the private test server.`);
}

/** Signals a whole process group; false when it no longer exists. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a private server (`next start` on a migrated database) and waits for /api/health. With
 * `demo: false` the database starts empty, for a test that writes its own data into it; with
 * `from`, it starts on a copy of that SQLite file (a restored backup); `env` adds settings.
 */
export async function startOwnServer(
  opts: { port?: number; demo?: boolean; from?: string; env?: Record<string, string> } = {},
): Promise<OwnServer> {
  // Each parallel worker searches its own range: two workers probing the same range at once could
  // both find one port free and the second server would then fail to bind it.
  const range = 20 * Number(process.env.TEST_PARALLEL_INDEX ?? 0);
  const port = await freePort(opts.port ?? Number(process.env.E2E_OWN_PORT ?? 3110) + range);
  const baseURL = `http://${HOST}:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-own-server-'));
  const databasePath = path.join(dir, 'quorum.db');
  const logPath = path.join(dir, 'server.log');
  const env = {
    ...process.env,
    DATABASE_URL: databasePath,
    AUTH_SECRET: OWN_SERVER_AUTH_SECRET,
    AUTH_URL: baseURL,
    APP_URL: baseURL,
    NEXT_TELEMETRY_DISABLED: '1',
  } as NodeJS.ProcessEnv;
  delete env.SMTP_URL; // in-app notifications only: no mail worker, no SMTP server needed
  delete env.PORT;
  if (opts.demo === false) env.SEED = '0';
  Object.assign(env, opts.env);
  if (opts.from) fs.copyFileSync(opts.from, databasePath);

  const prep = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts', 'prepare-db.ts')],
    { cwd: root, env, encoding: 'utf8' },
  );
  if (prep.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`Preparing the private database failed (exit ${prep.status}):\n${prep.stdout}\n${prep.stderr}`);
  }

  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let stopped = false;

  // Last resort if the test process ends without stop() (a crash of the runner itself).
  const killOnExit = () => {
    if (child?.pid) signalGroup(child.pid, 'SIGKILL');
  };
  process.on('exit', killOnExit);

  const logTail = (lines = 40) => {
    try {
      return fs.readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no server output)';
    }
  };

  const launch = async () => {
    if (!(await portIsFree(port))) throw new Error(`Port ${port} is taken: cannot start the private server.`);
    fs.appendFileSync(logPath, `\n--- next start on ${baseURL} at ${new Date().toISOString()}\n`);
    const out = fs.openSync(logPath, 'a');
    const proc = spawn(process.execPath, [nextBin, 'start', '-H', HOST, '-p', String(port)], {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    child = proc;
    let gone = false;
    exited = new Promise((resolve) =>
      proc.once('exit', () => {
        gone = true;
        resolve();
      }),
    );

    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (gone) throw new Error(`The private server exited while starting:\n${logTail()}`);
      try {
        const response = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`The private server did not become healthy within ${START_TIMEOUT_MS / 1000} s:\n${logTail()}`);
  };

  const kill = async (kind: KillKind) => {
    const proc = child;
    if (!proc?.pid) return;
    const pgid = proc.pid;
    signalGroup(pgid, kind);
    if (kind === 'SIGTERM') {
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) signalGroup(pgid, 'SIGKILL');
    }
    await exited;
    // Anything left in the group (a forked next-server) goes too; then wait for the port to close.
    signalGroup(pgid, 'SIGKILL');
    for (let i = 0; i < 100 && (await portAnswers(port)); i++) await sleep(100);
    if (await portAnswers(port)) throw new Error(`Port ${port} still answers after the private server was killed.`);
    child = null;
  };

  const server: OwnServer = {
    baseURL,
    databasePath,
    logTail,
    async restart(kind, whileDown) {
      if (stopped) throw new Error('The private server was stopped.');
      await kill(kind);
      if (whileDown) await whileDown();
      await launch();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await kill('SIGKILL');
      } finally {
        process.off('exit', killOnExit);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };

  try {
    await launch();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
