/**
 * Takes the README's screenshots of the facilitator's console (docs/images/meeting-console.png) and
 * the presenter view (docs/images/presenter-view.png) from a running Quorum with the demo data:
 * `npm start`, then `npx tsx scripts/docs/console-screenshots.ts [url]`. It starts the demo's
 * 2027-Q1 prioritisation (hidden votes) if it has not started, has two leaders vote, and reveals
 * for the presenter view. Uses Debian's Chromium when present, like the browser tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../lib/demo/accounts';

const base = process.argv[2] ?? 'http://localhost:3000';
const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const images = path.join(process.cwd(), 'docs', 'images');

async function signedIn(browser: Browser, email: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport, deviceScaleFactor: 1 })).newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  return page;
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const pm = await signedIn(browser, 'pm@quorum.test');
  await pm.goto(`${base}/cycles`);
  await pm
    .getByRole('link', { name: /2027-Q1/ })
    .first()
    .click();
  await pm.getByRole('link', { name: 'Meetings' }).click();
  await pm.getByRole('link', { name: '2027-Q1 prioritisation' }).click();
  await pm.waitForURL(/\/meetings\/\d+$/);
  const meetingUrl = pm.url();
  await pm.getByTestId('meeting-status').waitFor();
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  if (await start.isVisible()) {
    await start.getByLabel('Hide votes until I reveal them').check();
    const anyway = start.getByRole('checkbox', { name: 'Start anyway' });
    if (await anyway.isVisible()) await anyway.check();
    await start.getByRole('button', { name: 'Start the meeting' }).click();
  }
  await pm.locator('#current-item-title').waitFor();

  // Three leaders in the room; two of them vote, so the console shows who has and who has not.
  const leaders = ['leader.sales@quorum.test', 'leader.finance@quorum.test', 'leader.ops@quorum.test'];
  for (const [i, email] of leaders.entries()) {
    const leader = await signedIn(browser, email, { width: 390, height: 844 });
    await leader.goto(meetingUrl);
    await leader.locator('#current-item-title').waitFor();
    if (i < 2) {
      const choose = leader.getByRole('group', { name: 'Choose' });
      if (await choose.isVisible()) await choose.getByRole('button', { name: 'Accept' }).click();
    }
  }
  await pm.getByRole('list', { name: 'Connected now, by department' }).getByText('Omar Operations').waitFor();
  fs.mkdirSync(images, { recursive: true });
  await pm.screenshot({ path: path.join(images, 'meeting-console.png') });

  const screen = await signedIn(browser, 'pm@quorum.test', { width: 1600, height: 900 });
  await screen.goto(`${meetingUrl}/present`);
  await screen.locator('#current-item-title').waitFor();
  await pm.keyboard.press('r'); // reveal, so the room sees the tally
  await screen.getByTestId('count-accept').waitFor();
  // Accept it (the shortcut chooses, Enter records), so the ranking has its first item and cut line.
  await pm.keyboard.press('a');
  await pm.getByRole('button', { name: 'Record decision' }).press('Enter');
  await screen.getByRole('separator', { name: 'Cut line' }).waitFor();
  await screen.screenshot({ path: path.join(images, 'presenter-view.png') });
  console.log('Wrote docs/images/meeting-console.png and docs/images/presenter-view.png');
} finally {
  await browser.close();
}
