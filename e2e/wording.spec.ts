import { makeItem, makeMeeting } from '../db/factories';
import { isGreen, painted } from './colours';
import { expect, makeQuarter, openCycle, signIn, test } from './fixtures';

/** The words a first-time user reads: plurals, names, titles, one name for one thing. */

test('an SME written as the e-mail of someone Quorum knows shows as their name', async ({ page, world }) => {
  const quarter = await makeQuarter(world);
  const pm = await world.person('pm');
  const erik = await world.person('engineer');
  const item = await world.batch(async () =>
    makeItem(world.db, {
      cycleId: quarter.cycle.id,
      title: world.named('Faster search'),
      sme: erik.email,
      estimateSize: 'S',
      requestorId: pm.id,
      departmentId: pm.departmentId,
    }),
  );
  await signIn(page, pm);
  await page.goto(`/items/${item.id}`);
  const fields = page.getByRole('main').locator('dl');
  await expect(fields).toContainText(`SME${erik.name}`);
  await expect(page.getByRole('main')).not.toContainText(erik.email);
  // One size S is one person-week in this cycle's size table: singular.
  await expect(fields).toContainText('S (1 person-week)');

  await openCycle(page, quarter.cycle);
  const row = page.getByRole('row', { name: new RegExp(item.title) });
  await expect(row).toContainText(erik.name);
  await expect(row).not.toContainText(erik.email);
});

test('the cycle page and the navigation call change requests the same', async ({ page, world }) => {
  const quarter = await makeQuarter(world);
  await signIn(page, await world.person('pm'));
  await openCycle(page, quarter.cycle);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Change requests' }),
  ).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Change requests' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Changes', exact: true })).toHaveCount(0);
});

test('the 404 and 403 pages name the tab, and Quorum has a favicon', async ({ page, world }) => {
  await page.goto('/signin');
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute('type', 'image/svg+xml');
  const res = await page.request.get((await icon.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/svg+xml');

  await signIn(page, await world.person('leader'));
  await page.goto('/cycles/987654');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Quorum');
  await page.goto('/no-such-page');
  await expect(page).toHaveTitle('Page not found · Quorum');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  await expect(page).toHaveTitle('No access · Quorum');
});

test('the attendee planner does not call a meeting without voters balanced', async ({ page, world }) => {
  const quarter = await makeQuarter(world);
  const pm = await world.person('pm');
  const meeting = await world.batch(async () =>
    makeMeeting(world.db, { cycleId: quarter.cycle.id, facilitatorId: pm.id, title: world.named('Empty') }),
  );
  await signIn(page, pm);
  await page.goto(`/meetings/${meeting.id}`);
  const balance = page.getByRole('status', { name: 'Department warnings' });
  await expect(balance).toHaveText('No attendees yet: tick who attends to see the department balance.');
  await expect(page.getByText('0 selected: 0 voters, 0 observers.')).toBeVisible();
  const liam = quarter.leaders.Sales;
  await page.getByRole('checkbox', { name: liam.name }).check();
  await expect(page.getByText('1 selected: 1 voter, 0 observers.')).toBeVisible();
  await page.getByLabel(`Role of ${liam.name}`).selectOption('observer');
  await expect(page.getByText('1 selected: 0 voters, 1 observer.')).toBeVisible();
  await expect(balance).toHaveText(/^No voters yet/);
});

test('rejecting an item is confirmed without a green success box', async ({ page, world }) => {
  const quarter = await makeQuarter(world);
  await signIn(page, await world.person('pm'));
  await page.goto(`/items/${quarter.items['Export reports to CSV'].id}`);
  await page.getByLabel('New status').selectOption({ label: 'Rejected' });
  await page.getByRole('button', { name: 'Change status' }).click();
  const confirmation = page.getByRole('status', { name: 'Success' });
  await expect(confirmation).toHaveText('Status changed to Rejected.');
  expect(isGreen((await painted(confirmation)).background)).toBe(false);
});
