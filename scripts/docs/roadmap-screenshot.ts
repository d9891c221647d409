/**
 * Takes the README's screenshot of the roadmap (docs/images/roadmap.png) from a running Quorum with
 * the demo data: `npm start`, then `npx tsx scripts/docs/roadmap-screenshot.ts [url]`. It signs in as
 * a requestor — the roadmap is the same for everyone, and a requestor sees only what is published.
 * Uses Debian's Chromium when present, like the browser tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO_PASSWORD } from '../../lib/demo/accounts';

const base = process.argv[2] ?? 'http://localhost:3000';
const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const out = path.join(process.cwd(), 'docs', 'images', 'roadmap.png');

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
  ).newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel('E-mail').fill(process.env.SCREENSHOT_EMAIL ?? 'requestor@quorum.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  await page.goto(`${base}/roadmap`);
  await page.getByRole('heading', { name: 'Roadmap', level: 1 }).waitFor();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
}
