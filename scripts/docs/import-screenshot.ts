/**
 * Takes the README's screenshot of the import preview (docs/images/import-preview.png) from a running
 * Quorum with the demo data: `npm start`, then `npx tsx scripts/docs/import-screenshot.ts [url]`.
 * Uses Debian's Chromium when present, like the browser tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO_PASSWORD } from '../../lib/demo/accounts';

const base = process.argv[2] ?? 'http://localhost:3000';
const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

// A few rows as teams really keep them: their own headers, ranges, "TBD", titles beside names.
const SHEET = [
  ['Feature', 'Benefit / why', 'Size', 'Category', 'Exec sponsor', 'Team asking', 'Systems'],
  [
    'Annual plans with a discount',
    'Lifts average revenue per account',
    '3-5 weeks',
    'Feature',
    'VP Sales – Liam Sales',
    'Sales',
    'billing',
  ],
  [
    'Retire the old reporting cron',
    'Stops the nightly timeouts',
    'M',
    'Tech debt',
    'Omar Operations (Ops)',
    'Operations',
    'reporting-api; billing',
  ],
  [
    'Single sign-on for partners',
    'Partners stop sharing logins',
    'TBD',
    'Non-functional',
    'Bob External',
    'Customer Success',
    '',
  ],
  [
    'Fix rounding on invoices',
    'Support tickets every month end',
    '2 wks',
    'Bug',
    'leader.finance@quorum.test',
    'Finance',
    'billing',
  ],
]
  .map((row) => row.join('\t'))
  .join('\n');

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/signin`);
  await page.getByLabel('E-mail').fill('pm@quorum.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.goto(`${base}/cycles`);
  await page.locator('main a[href^="/cycles/"]:not([href="/cycles/new"])').first().click();
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByLabel('Or paste rows copied from a spreadsheet').fill(SHEET);
  await page.getByRole('button', { name: 'Read rows' }).click();
  const preview = page.getByRole('region', { name: '3. Preview' });
  await preview.getByRole('row', { name: 'Row 4', exact: true }).waitFor();
  const out = path.join(process.cwd(), 'docs', 'images', 'import-preview.png');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await preview.screenshot({ path: out });
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
}
