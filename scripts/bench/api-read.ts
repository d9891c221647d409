/**
 * REST API read benchmark (`npm run bench:api`; the import benchmark calls benchApiRead too):
 * 5,000 items of one cycle, in a fresh SQLite database, read
 *   (a) through GET /api/v1/items with a real token, 200 a page, following the cursor (25 pages);
 *   (b) through the function behind the session JSON route GET /api/cycles/:id/items (one answer);
 *   (c) by one plain SQL statement of the same rows with their names (the cost of the data alone).
 * All three run in-process (scripts/bench/api-read-run.ts, in a child with its own database): no HTTP
 * server, so the figures compare the work each does, not the network. (a) includes what every API
 * request pays — the token lookup, the owner re-read and the rate-limit upsert — 25 times over;
 * (b) leaves out the session check its route does once. Each: a warm-up, then 5 runs; medians shown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, runChild, table, tsxArgs } from './lib';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;

export async function benchApiRead(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-bench-api-'));
  try {
    const out = await runChild(
      'api-read',
      ['--conditions=react-server', ...tsxArgs, path.join(root, 'scripts', 'bench', 'api-read-run.ts')],
      {
        ...process.env,
        DATABASE_URL: path.join(dir, 'bench.sqlite'),
        AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-00',
        // The benchmark reads 25 pages per run: the per-minute limit must not be what it measures.
        API_RATE_LIMIT_PER_MINUTE: '100000',
      },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
      items: number;
      pages: number;
      v1Ms: number[];
      jsonRouteMs: number[];
      baselineMs: number[];
    };
    const base = median(r.baselineMs);
    const line = (label: string, values: number[]) => [
      label,
      ms(median(values)),
      `${(median(values) / base).toFixed(1)}×`,
    ];
    console.log(
      `\nREST API read: ${r.items.toLocaleString('en')} items (SQLite, in-process, median of ${r.v1Ms.length} runs)\n`,
    );
    console.log(
      table(
        ['reader', 'all items', 'vs baseline'],
        [
          line(`GET /api/v1/items (${r.pages} pages of 200)`, r.v1Ms),
          line('GET /api/cycles/:id/items (one answer)', r.jsonRouteMs),
          line('plain SQL of the same rows', r.baselineMs),
        ],
      ),
    );
    console.log(
      `\nGET /api/v1/items takes ${(median(r.v1Ms) / median(r.jsonRouteMs)).toFixed(1)}× the JSON route's time.`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchApiRead();
}
