/** Helpers for scripts/bench/*.ts: child processes, HTTP readiness, sign-in, RSS sampling, load runs, a shared clock. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const root = process.cwd();
export const tsxArgs = ['--import', 'tsx'];

// ---------------------------------------------------------------- child processes

/** Every child we started; `group` children lead their own process group (servers and their workers). */
const children = new Map<ChildProcess, { group: boolean }>();
let stopping = false;

/**
 * Starts a long-running child in its own process group (so a kill reaches its workers too).
 * `ipc: true` opens a message channel to it (child.send / child.on('message')).
 */
export function startChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { ipc?: boolean } = {},
): ChildProcess {
  const stdio: ('ignore' | 'pipe' | 'ipc')[] = ['ignore', 'pipe', 'pipe'];
  if (opts.ipc) stdio.push('ipc');
  const child = spawn(process.execPath, args, { cwd: root, env, detached: true, stdio });
  children.set(child, { group: true });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  outputs.set(child, () => log);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`\n[${name}] exited early (code ${code}, signal ${signal}). Last output:\n${log}`);
  });
  return child;
}

function signalAll(signal: NodeJS.Signals): void {
  for (const [child, { group }] of children) {
    try {
      process.kill(group ? -child.pid! : child.pid!, signal);
    } catch {
      /* already gone */
    }
  }
}

const outputs = new WeakMap<ChildProcess, () => string>();

/** The last few kB a long-running child printed (e.g. a server's error log, when it answered 500). */
export function recentOutput(child: ChildProcess): string {
  return outputs.get(child)?.() ?? '';
}

/** SIGTERM every child (the whole group for servers); SIGKILL what is left after `graceMs`. */
export async function stopChildren(graceMs = 3000): Promise<void> {
  stopping = true;
  const alive = [...children.keys()].filter((c) => c.exitCode === null && c.signalCode === null);
  signalAll('SIGTERM');
  await Promise.race([
    Promise.all(alive.map((c) => new Promise((resolve) => c.once('exit', resolve)))),
    new Promise((resolve) => setTimeout(resolve, graceMs)),
  ]);
  signalAll('SIGKILL'); // stragglers, e.g. a worker that outlived its parent
  children.clear();
}

/** Last resort, synchronous (for an 'exit' handler): SIGKILL whatever stopChildren did not reach. */
export function killChildren(): void {
  stopping = true;
  signalAll('SIGKILL');
  children.clear();
}

/** Runs a child to completion and returns its stdout; throws with its stderr when it fails. */
export function runChild(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.set(child, { group: false });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${label} failed (code ${code}):\n${err.slice(-3000)}`));
    });
  });
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Milliseconds on CLOCK_MONOTONIC (process.hrtime): one clock for every process on the machine, so a time
 * taken in one process can be subtracted from a time taken in another (wall-clock steps do not affect it).
 */
export const monoMs = (): number => Number(process.hrtime.bigint()) / 1e6;

// ---------------------------------------------------------------- network

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers with any HTTP status (or gives up after `timeoutMs`). */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server for ${url} exited before it answered.`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

const cookiePairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

/** next-auth v5 credentials sign-in; returns the Cookie header value carrying the session token. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}.`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiePairs(csrfRes).join('; ') },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  const session = cookiePairs(res).filter((c) => c.startsWith('authjs.session-token'));
  if (!session.length) {
    throw new Error(
      `Sign-in as ${email} gave no session cookie (status ${res.status}, location ${res.headers.get('location')}).`,
    );
  }
  return session.join('; ');
}

// ---------------------------------------------------------------- memory

/** The pid and all its descendants, from /proc/<pid>/stat (Linux only). */
function processTree(rootPid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

function rssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples the summed RSS of a process tree every 200 ms; `stop()` returns the peak in MB (null off Linux). */
export function sampleRss(rootPid: number): { stop: () => number | null } {
  if (!fs.existsSync('/proc/self/status')) return { stop: () => null };
  let peakKb = 0;
  const tick = () => {
    peakKb = Math.max(
      peakKb,
      processTree(rootPid).reduce((sum, pid) => sum + rssKb(pid), 0),
    );
  };
  tick();
  const timer = setInterval(tick, 200);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return Math.round(peakKb / 1024);
    },
  };
}

// ---------------------------------------------------------------- load

export type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  seconds: number;
};
export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mbPerSec: number;
  statusCodes: Record<string, number>;
};

/** Runs scripts/bench/load.ts (autocannon) in its own process, so the load generator does not share a CPU loop with us. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const out = await runChild(`load ${opts.url}`, [
    ...tsxArgs,
    path.join(root, 'scripts', 'bench', 'load.ts'),
    JSON.stringify(opts),
  ]);
  return JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult;
}

// ---------------------------------------------------------------- report

export const passMiss = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------- set-up

export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * For a benchmark against `next start`: refuses to run without a production build, and gives a
 * temporary folder (for its database) that is removed, with every child killed, when it exits.
 */
export function benchTempDir(name: string): string {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.error('No production build: run `npm run build` first.');
    process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `quorum-bench-${name}-`));
  process.on('exit', () => {
    killChildren();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
