import { type Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { UNBROKEN, makeLongStrings } from './fixtures/long-strings';
import { makeE2eConnection } from './fixtures/sso';
import { makeE2eDelivery, makeE2eWebhook } from './fixtures/webhooks';

/**
 * No page scrolls sideways, at a desktop (1440 px), a tablet (820 px) and a phone (390 px) width, when its data holds
 * long names and strings with no place to break (a pasted link). Tables too wide for the screen
 * scroll inside their own box; the page itself never does.
 */

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 820, height: 1180 },
  { width: 390, height: 844 },
];

/** What sticks out past the right edge of the viewport, named so a failure says where to look. */
function overflowAt(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const edge = root.clientWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right <= edge + 1 || box.width === 0) continue;
      // Content that scrolls inside its own box (a wide table) does not widen the page.
      let clipped = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible' && up.getBoundingClientRect().right <= edge + 1)
          clipped = true;
      }
      if (clipped) continue;
      // Report the innermost offenders only: their ancestors stick out because of them.
      if ([...el.children].some((c) => c.getBoundingClientRect().right > edge + 1)) continue;
      const cls = typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
      culprits.push(`${el.tagName.toLowerCase()}${cls} (${Math.round(box.right - edge)} px)`);
      if (culprits.length === 3) break;
    }
    return `${root.scrollWidth - root.clientWidth} px too wide: ${culprits.join('; ')}`;
  });
}

/**
 * Visits each page once and measures it at each width (a resize, as when a tablet turns), listing
 * every page that scrolls sideways.
 */
async function sideScrolling(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) {
    await page.setViewportSize(VIEWPORTS[0]);
    await page.goto(path);
    // The backlog and the schedule load their rows after the page: measure what the person sees.
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      // Two frames: what reacts to the new size (resize observers, the virtual table) has laid out again.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      let overflow = await overflowAt(page);
      // Under load a resize can be measured before the layout has settled: a real overflow stays.
      if (overflow) {
        await page.evaluate(() => new Promise((done) => setTimeout(done, 250)));
        overflow = await overflowAt(page);
      }
      if (overflow) found.push(`${path} at ${viewport.width} px: ${overflow}`);
    }
  }
  return found;
}

test('no page scrolls sideways at 1440, 820 or 390 px, with long names and unbroken strings', async ({
  browser,
  page,
  world,
}) => {
  test.setTimeout(360_000);
  const scene = await makeLongStrings(world);
  const cycle = `/cycles/${scene.cycle.id}`;
  const delivery = `/cycles/${scene.delivery.id}`;
  const item = `/items/${scene.items[0].id}`;
  const meeting = `/meetings/${scene.meeting.id}`;
  // A SAML connection whose name and domain are one unbroken run, like the scene's other strings.
  const connection = await makeE2eConnection(world.db, {
    protocol: 'saml',
    name: `Acme${'Identity'.repeat(12)}`,
    domain: `${'long'.repeat(12)}-${world.tag}.example`,
    config: {
      idpEntityId: `https://idp.example/${'x'.repeat(120)}`,
      idpSsoUrl: 'https://idp.example/sso',
      idpCertificates: [],
    },
  });

  // A webhook whose name and URL are unbroken runs, with a delivery in its log.
  const webhook = await makeE2eWebhook(world.db, {
    name: `Hook${'Receiver'.repeat(12)}`,
    url: `https://hooks.example/${'x'.repeat(300)}`,
  });
  await makeE2eDelivery(world.db, webhook.id);

  // Signed out: the sign-in page.
  const guest = await browser.newPage();
  const signedOut = await sideScrolling(guest, ['/signin', '/invitations/not-a-real-link']);
  await guest.close();

  await signIn(page, scene.admin);
  const planned = await sideScrolling(page, [
    '/',
    '/cycles',
    '/cycles/new',
    cycle,
    `${cycle}/settings`,
    `${cycle}/items/new`,
    `${cycle}/meetings`,
    `${cycle}/outcome`,
    `${cycle}/preread`,
    item,
    `${item}/edit`,
    `/items/${scene.request.id}`,
    `${meeting}?step=details`,
    `${meeting}?step=attendees`,
    `${meeting}?step=agenda`,
    `${meeting}?step=preread`,
    '/requests',
    '/requests/new',
    `/requests/${scene.request.id}`,
    '/triage',
    `/triage/${scene.request.id}`,
    `${delivery}`,
    `${delivery}/schedule`,
    `${delivery}/changes`,
    `${delivery}/changes/new`,
    `${delivery}/outcome`,
    '/changes',
    '/notifications',
    '/settings',
    '/developers/api',
    `/admin?q=${world.tag}`,
    '/admin/directory',
    '/admin/sign-in',
    `/admin/sign-in/${connection.id}`,
    '/admin/webhooks',
    `/admin/webhooks/${webhook.id}`,
    '/admin/settings',
    '/admin/audit',
    '/this-page-does-not-exist',
  ]);

  // The pre-read goes out (late: the meeting is in two hours), with a question holding a link.
  await page.setViewportSize(VIEWPORTS[0]);
  await page.goto(`${meeting}?step=preread`);
  await page.getByLabel('Send it late anyway').check();
  await page.getByRole('button', { name: 'Distribute the pre-read' }).click();
  await expect(page.getByText(/^Sent on /)).toBeVisible();
  await page.goto(`${meeting}/preread`);
  const article = page.getByRole('article', { name: scene.items[0].title });
  await article.getByRole('button', { name: 'Ask a question', exact: true }).click();
  await article.getByLabel('Your question').fill(`Is ${UNBROKEN} the latest version?`);
  await article.getByRole('button', { name: 'Ask question' }).click();
  await expect(article.getByText(`Is ${UNBROKEN} the latest version?`)).toBeVisible();

  // A change request whose reason is a link.
  await page.goto(`${delivery}/changes/new`);
  await page.getByRole('radio', { name: 'A new item' }).check();
  await page.getByLabel('Title').fill(`Fix ${UNBROKEN}`);
  await page.getByLabel('Estimate').fill('2');
  await page.getByLabel('Why now').fill(`Customers report it on ${UNBROKEN}`);
  await page.getByRole('button', { name: 'Raise change request' }).click();
  await expect(page).toHaveURL(/\/changes\/\d+(\?|$)/);
  const change = new URL(page.url()).pathname;

  const sent = await sideScrolling(page, [
    `${meeting}?step=preread`,
    `${meeting}/preread`,
    item,
    change,
    '/changes',
    `${delivery}/changes`,
    '/notifications',
    '/admin/outbox',
    '/',
  ]);

  // The meeting runs: the live page and the room's screen.
  await page.goto(meeting);
  const start = page.getByRole('form', { name: 'Start the meeting' });
  await start.getByRole('checkbox', { name: 'Start anyway' }).check(); // weeks early
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(page.getByTestId('meeting-status')).toHaveText('Live');
  const live = await sideScrolling(page, [meeting, `${meeting}/present`]);

  expect([...signedOut, ...planned, ...sent, ...live]).toEqual([]);
});
