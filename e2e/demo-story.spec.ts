import { DEMO_PASSWORD } from '../lib/demo/accounts';
import { expect, signIn, test } from './fixtures';

/**
 * The demo (seeded into the e2e server's database as `npm start` seeds it) tells one story that the
 * README follows: 2026-Q4 is published, and so are its meeting's outcome and its schedule. This test
 * only reads the demo, so the specs that change things keep to their own data.
 */

test('2026-Q4 is published, and its outcome and schedule say so, as the README tells it', async ({ page }) => {
  await signIn(page, 'pm@quorum.test', DEMO_PASSWORD);
  await page.goto('/cycles');
  const row = page.getByRole('row', { name: /2026-Q4/ });
  await expect(row).toContainText(/published/i);
  await row.getByRole('link', { name: '2026-Q4' }).click();
  await expect(page.getByRole('heading', { name: '2026-Q4 backlog' })).toBeVisible();

  // The meeting ended, its pre-read had been sent.
  await page.getByRole('main').getByRole('link', { name: 'Meetings' }).click();
  const meeting = page.getByRole('row', { name: /2026-Q4 prioritisation/ });
  await expect(meeting).toContainText('Closed');
  await expect(meeting).toContainText('Pre-read sent');

  // Its outcome is published: eight accepted items in rank order, the gift cards deferred.
  await page.goto('/cycles');
  await page.getByRole('link', { name: '2026-Q4' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Outcome' }).click();
  await expect(page.getByRole('heading', { name: '2026-Q4 outcome' })).toBeVisible();
  await expect(page.getByText('Published on 24 Sept 2026')).toBeVisible();
  await expect(page.getByText('No meeting of this cycle has ended yet')).toHaveCount(0);
  const ranked = page.getByRole('table', { name: /Accepted items in rank order/ });
  await expect(ranked.getByRole('row').filter({ hasText: 'Keep customers' })).toHaveCount(8);
  await expect(ranked.getByRole('row').nth(1)).toContainText('Faster checkout page load');
  await expect(page.getByRole('row', { name: /Gift cards/ })).toContainText('Not this quarter: capacity.');

  // Its schedule is published; what moved since is listed for the pm to publish.
  await page.getByRole('link', { name: 'Delivery schedule' }).click();
  await expect(page.getByRole('heading', { name: '2026-Q4 delivery schedule' })).toBeVisible();
  await expect(page.getByText(/Last published on 1 Oct 2026/)).toBeVisible();
  await expect(page.getByText(/Not published yet/)).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Changes to announce' })).toContainText(
    '“Faster checkout page load”: delivered',
  );

  // An item's history tells the same story, each step on its day.
  await page.goto('/cycles');
  await page.getByRole('link', { name: '2026-Q4' }).click();
  await page.getByRole('link', { name: 'Faster checkout page load' }).click();
  const history = page.getByRole('region', { name: 'History', exact: true });
  await expect(history).toContainText('added the item to the 2026-Q4 backlog. 17 Aug 2026');
  await expect(history).toContainText('Priya Patel accepted it. 23 Sept 2026');
  await expect(history).toContainText('Priya Patel put it on the schedule. 30 Sept 2026');
  await expect(history).toContainText('Priya Patel marked it delivered. 28 Oct 2026');
});

test('Rosa follows her request through the published 2026-Q4 outcome', async ({ page }) => {
  await signIn(page, 'requestor@quorum.test', DEMO_PASSWORD);
  await page.goto('/requests');
  const row = page.getByRole('row', { name: /Order history search/ });
  await expect(row).toContainText('Scheduled');
  await expect(row).toContainText('2026-Q4');
  await row.getByRole('link', { name: /See the published outcome/ }).click();
  await expect(page.getByRole('heading', { name: '2026-Q4 outcome' })).toBeVisible();
});
