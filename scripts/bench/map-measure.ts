/**
 * The measurements of scripts/bench/map.ts: time to an interactive page in headless Chromium, and card moves
 * with their arrival on a second open stream. Each works the same way against Quorum and its baseline.
 */
import http from 'node:http';
import { chromium, type Browser } from '@playwright/test';
import { monoMs } from './lib';

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
export const summary = (values: number[]) => ({
  runs: values.length,
  p50: Math.round(percentile(values, 50) * 10) / 10,
  p95: Math.round(percentile(values, 95) * 10) / 10,
  max: Math.round(Math.max(...values) * 10) / 10,
});

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/**
 * Navigation start to a card's drag handle holding the focus: the page is loaded, hydrated (Quorum's map
 * sets data-map-hydrated once React runs) and answers the keyboard. A fresh context per run: nothing cached
 * beyond what a returning visitor's browser would hold is shared — each run is a first visit.
 */
export async function timeToInteractive(
  browser: Browser,
  url: string,
  opts: { cookie?: string; hydratedSelector?: string; runs: number },
): Promise<{ total: number[]; firstByte: number[]; loaded: number[]; domReady: number[] }> {
  const out = { total: [] as number[], firstByte: [] as number[], loaded: [] as number[], domReady: [] as number[] };
  for (let i = 0; i < opts.runs + 1; i++) {
    const context = await browser.newContext();
    if (opts.cookie) {
      const { hostname } = new URL(url);
      await context.addCookies(
        opts.cookie.split('; ').map((pair) => {
          const cut = pair.indexOf('=');
          return { name: pair.slice(0, cut), value: pair.slice(cut + 1), domain: hostname, path: '/' };
        }),
      );
    }
    const page = await context.newPage();
    const start = monoMs();
    await page.goto(url, { waitUntil: 'commit' });
    if (opts.hydratedSelector) await page.waitForSelector(opts.hydratedSelector, { timeout: 30_000 });
    const handle = page.locator('button[aria-label^="Drag "]').first();
    await handle.focus();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const ms = monoMs() - start;
    if (!focused.startsWith('Drag ')) throw new Error(`No card took the focus on ${url}.`);
    // Where the time goes: the navigation's own timings, from its start.
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { firstByte: n.responseStart, loaded: n.responseEnd, domReady: n.domContentLoadedEventEnd };
    });
    if (i > 0) {
      // The first run warms the server's caches.
      out.total.push(ms);
      out.firstByte.push(nav.firstByte);
      out.loaded.push(nav.loaded);
      out.domReady.push(nav.domReady);
    }
    await context.close();
  }
  return out;
}

/** An SSE stream read by hand: calls `onData` with each message's data and the time its chunk arrived. */
export function openStream(
  url: string,
  cookie: string | undefined,
  onData: (data: string, at: number) => void,
): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${url} answered ${res.statusCode}.`));
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        const at = monoMs();
        buffer += chunk.toString('utf8');
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          for (const line of message.split('\n')) if (line.startsWith('data: ')) onData(line.slice(6), at);
        }
      });
      resolve(() => req.destroy());
    });
    req.on('error', reject);
  });
}

export type Move = { itemId: number; to: { stepId: number; sliceId: number } };

/**
 * Sends `moves` one at a time (each after the previous one reached the stream, or 2 s), recording the
 * answer's time and the time the stream delivered it. `key` names a move in the stream's data.
 */
export async function timeMoves(opts: {
  moves: Move[];
  send: (move: Move, version: number) => Promise<{ ok: boolean; version: number }>;
  firstVersion: number;
  arrived: Map<string, number>;
  key: (move: Move, version: number) => string;
}): Promise<{ answer: number[]; fanOut: number[]; refused: number; lost: number }> {
  const versions = new Map<number, number>();
  const answer: number[] = [];
  const fanOut: number[] = [];
  let refused = 0;
  let lost = 0;
  for (const move of opts.moves) {
    const version = versions.get(move.itemId) ?? opts.firstVersion;
    const sent = monoMs();
    const result = await opts.send(move, version);
    answer.push(monoMs() - sent);
    if (!result.ok) {
      refused++;
      continue;
    }
    versions.set(move.itemId, result.version);
    const key = opts.key(move, result.version);
    const deadline = monoMs() + 2000;
    while (!opts.arrived.has(key) && monoMs() < deadline) await new Promise((r) => setImmediate(r));
    const at = opts.arrived.get(key);
    if (at === undefined) lost++;
    else fanOut.push(at - sent);
  }
  return { answer, fanOut, refused, lost };
}
