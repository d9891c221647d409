/**
 * Takes the README's screenshot of the backlog from a running Quorum (`npm start` first):
 *   BASE_URL=http://localhost:3000 npx tsx scripts/screenshot.ts
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${base}/signin`);
await page.getByLabel('E-mail').fill('pm@quorum.test');
await page.getByLabel('Password').fill('quorum-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('button', { name: 'Sign out' }).waitFor();
await page.goto(`${base}/cycles/1?group=theme`);
await page.getByRole('table').waitFor();
fs.mkdirSync('docs', { recursive: true });
await page.screenshot({ path: 'docs/backlog.png' });
await browser.close();
console.log('Wrote docs/backlog.png');
