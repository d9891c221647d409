/**
 * Takes the README's screenshot of the story map (docs/images/story-map.png) from a running Quorum with the
 * demo data: `npm start`, then `npx tsx scripts/docs/map-screenshot.ts [url]`. If the demo's 2027-Q1 map has
 * no backbone yet, it builds one through the map's own JSON route (three activities and their steps) and
 * places a few of the cycle's items in This cycle and Next, as a pm would. Uses Debian's Chromium when present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../lib/demo/accounts';
import type { MapState } from '../../lib/story-map/types';

const base = process.argv[2] ?? 'http://localhost:3000';
const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const images = path.join(process.cwd(), 'docs', 'images');

const BACKBONE: [string, string[]][] = [
  ['Ask for something', ['Write the request', 'Attach evidence']],
  ['Shape the backlog', ['Triage', 'Estimate']],
  ['Decide', ['Rank', 'Vote']],
];

/** One map command from inside the signed-in page (its cookie and origin), or the page's error. */
async function command(page: Page, cycleId: number, body: Record<string, unknown>): Promise<unknown> {
  return page.evaluate(
    async ([url, json]) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
      const answer = await res.json();
      if (!res.ok) throw new Error(`${res.status}: ${JSON.stringify(answer)}`);
      return answer;
    },
    [`/api/cycles/${cycleId}/map`, JSON.stringify(body)] as const,
  );
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel('E-mail').fill('pm@quorum.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  await page.goto(`${base}/cycles`);
  await page
    .getByRole('link', { name: /2027-Q1/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Story map' }).click();
  await page.waitForURL(/\/map$/);
  const cycleId = Number(/cycles\/(\d+)\/map/.exec(page.url())![1]);
  const read = async () =>
    (await page.evaluate(async (url) => (await fetch(url)).json(), `/api/cycles/${cycleId}/map`)) as MapState;
  let state = await read();
  if (state.activities.length === 0) {
    for (const [activity, steps] of BACKBONE) {
      const { result } = (await command(page, cycleId, { action: 'add-activity', name: activity })) as {
        result: { activityId: number };
      };
      for (const step of steps)
        await command(page, cycleId, { action: 'add-step', activityId: result.activityId, name: step });
    }
    state = await read();
    const steps = state.activities.flatMap((a) => a.steps);
    const [thisCycle, next] = state.slices;
    for (const [i, card] of state.cards.slice(0, 10).entries()) {
      const to = { stepId: steps[i % steps.length].id, sliceId: (i < 6 ? thisCycle : next).id };
      await command(page, cycleId, { action: 'move-card', itemId: card.itemId, version: card.version, to, index: 0 });
    }
  }
  await page.reload();
  await page.locator('[data-map-hydrated="true"]').waitFor();
  fs.mkdirSync(images, { recursive: true });
  await page.screenshot({ path: path.join(images, 'story-map.png') });
  console.log('Wrote docs/images/story-map.png');
} finally {
  await browser.close();
}
