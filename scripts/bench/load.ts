/**
 * Load generator child of scripts/bench/backlog.ts: `node --import tsx scripts/bench/load.ts '<LoadOptions JSON>'`.
 * Warms the target up, then runs autocannon for the measured window and prints one JSON line (LoadResult).
 * Latency percentiles come from every response time recorded (autocannon's own summary has no p95).
 */
import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
import type { LoadOptions, LoadResult } from './lib';

type AutocannonResult = {
  requests: { total: number };
  throughput: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
};
type Autocannon = (
  opts: { url: string; connections: number; duration: number; headers: Record<string, string> },
  cb: (err: Error | null, result: AutocannonResult) => void,
) => EventEmitter;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function run(opts: LoadOptions, seconds: number, onLatency?: (ms: number) => void): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: opts.url, connections: opts.connections, duration: seconds, headers: opts.headers },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onLatency)
      instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => onLatency(ms));
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, idx)] * 10) / 10;
}

const opts = JSON.parse(process.argv[2] ?? '') as LoadOptions;
if (opts.warmupSeconds > 0) await run(opts, opts.warmupSeconds);
const latencies: number[] = [];
const r = await run(opts, opts.seconds, (ms) => latencies.push(ms));
latencies.sort((a, b) => a - b);

const result: LoadResult = {
  requests: r.requests.total,
  rps: Math.round((r.requests.total / r.duration) * 10) / 10,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  mbPerSec: Math.round((r.throughput.total / r.duration / 1e6) * 10) / 10,
  statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
};
console.log(JSON.stringify(result));
