/**
 * A throw-away PostgreSQL cluster for the test run: initdb into a fresh temporary directory, start it on
 * 127.0.0.1 with durability switched off (a test database is thrown away, so fsync only costs time), and on
 * stop shut it down and delete the directory. `npm test` (scripts/test/run.ts) and
 * scripts/test/with-postgres.ts use it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresCluster {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

const MIN_MAJOR_VERSION = 15;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function hasTools(dir: string): boolean {
  return ['initdb', 'pg_ctl'].every((tool) => fs.existsSync(path.join(dir, tool)));
}

function pgConfigBinDir(): string | null {
  const result = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Debian installs each major version side by side; the newest one wins. */
function newestDebianBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const dirs = fs
    .readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((name) => path.join(root, name, 'bin'));
  return dirs.find(hasTools) ?? null;
}

export type BinariesLookup = { bin: string; major: number } | { missing: string };

/**
 * Where initdb and pg_ctl are: PG_BIN, else `pg_config --bindir`, else the newest /usr/lib/postgresql/<N>/bin.
 * A PG_BIN that does not hold them is an error rather than a skip: someone asked for that directory.
 */
export function findPostgresBinaries(): BinariesLookup {
  let bin: string | null;
  if (process.env.PG_BIN) {
    bin = process.env.PG_BIN;
    if (!hasTools(bin)) throw new Error(`PG_BIN=${bin} does not contain initdb and pg_ctl.`);
  } else {
    const fromPgConfig = pgConfigBinDir();
    bin = fromPgConfig && hasTools(fromPgConfig) ? fromPgConfig : newestDebianBinDir();
  }
  if (!bin) return { missing: 'no initdb and pg_ctl found (PG_BIN, pg_config --bindir, /usr/lib/postgresql/*/bin)' };
  const version = spawnSync(path.join(bin, 'pg_ctl'), ['--version'], { encoding: 'utf8' });
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(version.stdout ?? '')?.[1]);
  if (!major) return { missing: `could not read the version of ${bin}/pg_ctl` };
  if (major < MIN_MAJOR_VERSION) {
    return { missing: `${bin} is PostgreSQL ${major}; Quorum needs ${MIN_MAJOR_VERSION} or newer` };
  }
  return { bin, major };
}

function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, command)));
}

/**
 * initdb and postgres refuse to run as root, so under root they run as the `postgres` system user (which
 * Debian's package creates); anyone else runs them as themselves.
 */
function asClusterOwner(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  if (onPath('runuser')) return ['runuser', ['-u', 'postgres', '--', command, ...args]];
  return ['su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')]];
}

function postgresUserIds(): { uid: number; gid: number } {
  const ids = ['-u', '-g'].map((flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  if (ids.some((r) => r.status !== 0)) {
    throw new Error('Running as root, but there is no `postgres` user to own the test cluster (initdb refuses root).');
  }
  const [uid, gid] = ids.map((r) => Number(r.stdout.trim()));
  return { uid, gid };
}

/** Runs a cluster tool with its output captured; on failure the output goes into the error. */
function runTool(command: string, args: string[], cwd: string): Promise<void> {
  const [cmd, argv] = asClusterOwner(command, args);
  return new Promise((resolve, reject) => {
    // The cluster owner may not be allowed into the caller's directory; the cluster's own one is theirs.
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function requestedPort(): number | null {
  const raw = process.env.QUORUM_TEST_PG_PORT;
  if (!raw) return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`QUORUM_TEST_PG_PORT must be a port number (got "${raw}").`);
  }
  return port;
}

/** Starts a cluster, or returns null when no PostgreSQL 15+ is installed (the caller says so, loudly). */
export async function startPostgresCluster(): Promise<PostgresCluster | null> {
  const found = findPostgresBinaries();
  if ('missing' in found) return null;
  const initdb = path.join(found.bin, 'initdb');
  const pgCtl = path.join(found.bin, 'pg_ctl');
  const port = requestedPort() ?? (await freePort());

  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'quorum-pg-'));
  // A Unix socket's path is limited to 107 bytes, and PostgreSQL only logs the failure.
  if (Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) > 107) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`The temporary directory ${dir} is too long for PostgreSQL's socket: set a shorter TMPDIR.`);
  }
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUserIds();
    await fs.promises.chown(dir, uid, gid);
  }

  let stopped = false;
  // Synchronous, so that it can also run in an 'exit' handler, where nothing asynchronous finishes.
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off('exit', stopNow);
    if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
      const [cmd, argv] = asClusterOwner(pgCtl, ['-D', dataDir, 'stop', '-m', 'fast', '-w']);
      const result = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8' });
      if (result.status !== 0) console.error(`pg_ctl stop failed:\n${result.stdout}${result.stderr}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A listener replaces Node's default exit on the signal: stop the cluster, then exit as the signal would.
  const onSignal = (signal: NodeJS.Signals) => process.exit(128 + os.constants.signals[signal]);
  process.on('exit', stopNow);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  try {
    await runTool(initdb, ['--locale=C', '-E', 'UTF8', '-U', 'quorum', '--auth=trust', '-D', dataDir], dir);
    const serverOptions = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      // No socket in the system's directory, which may not exist or may belong to another cluster.
      `-c unix_socket_directories=${shellQuote(dir)}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      // Every vitest fork and every e2e server process holds a pool of its own.
      '-c max_connections=300',
    ].join(' ');
    const log = path.join(dir, 'log');
    try {
      await runTool(pgCtl, ['-D', dataDir, '-l', log, '-w', '-o', serverOptions, 'start'], dir);
    } catch (error) {
      const serverLog = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim() : '(no server log)';
      throw new Error(`${(error as Error).message}\nServer log:\n${serverLog}`);
    }
  } catch (error) {
    stopNow();
    throw error;
  }

  return {
    url: `postgres://quorum@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop: async () => stopNow(),
  };
}

/**
 * The banner for a run that has no PostgreSQL: loud, so that nobody mistakes a skipped half for a pass.
 * `what` says what that means for this run; the banner adds why and how to fix it.
 */
export function postgresMissingBanner(what: string[]): string {
  const found = findPostgresBinaries();
  const reason = 'missing' in found ? found.missing : 'no PostgreSQL cluster was started';
  const bar = '!'.repeat(100);
  return [
    '',
    bar,
    '!!!',
    ...what.map((line) => `!!!  ${line}`),
    `!!!  Why: ${reason}.`,
    "!!!  Fix: install Debian's `postgresql` package (apt-get install postgresql; it brings PostgreSQL 15),",
    '!!!  or set PG_BIN to a directory holding initdb and pg_ctl of PostgreSQL 15 or newer.',
    '!!!',
    bar,
    '',
  ].join('\n');
}
