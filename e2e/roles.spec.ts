import { makeItem } from '../db/factories';
import { expect, makeQuarter, openCycle, signIn, test } from './fixtures';

test('a pm home page lists items missing fields and the triage queue', async ({ page, world }) => {
  // The list shows the newest cycles' items first, and at most 20: a cycle later than any other
  // test's keeps this one on it.
  const title = world.named('Referral credits');
  const pm = await world.batch(async () => {
    const cycle = await world.cycle({ startsOn: '2030-01-07', endsOn: '2030-03-29' });
    const leader = await world.person('leader');
    await makeItem(world.db, {
      cycleId: cycle.id,
      title,
      status: 'curated',
      businessBenefit: 'Referred customers stay longer.',
      sponsorId: leader.id,
      requestorId: leader.id,
      departmentId: leader.departmentId,
    });
    return world.person('pm');
  });
  await signIn(page, pm);
  const missing = page.getByRole('region', { name: 'Items missing fields' });
  const entry = missing.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await expect(entry).toContainText('Missing: estimate');
  await expect(page.getByRole('link', { name: /New requests to triage: \d+/ })).toBeVisible();
  await missing.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('Not estimated')).toBeVisible();
});

test('an engineer adds a non-functional item and estimates inline, but cannot change theme or status', async ({
  page,
  world,
}) => {
  const quarter = await makeQuarter(world);
  await signIn(page, await world.person('engineer'));
  const cycleId = await openCycle(page, quarter.cycle);
  await page.getByRole('link', { name: 'Add item' }).click();
  const title = `Rotate database credentials ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await expect(page.getByLabel('Kind')).toHaveValue('non_functional');
  await page.getByLabel('Estimate').fill('1.5');
  await page.getByLabel(quarter.modules['Data platform'].name, { exact: true }).check();
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  // An engineer's item waits for the pm like a request.
  await expect(page.getByText('Submitted', { exact: true })).toBeVisible();
  const itemId = Number(new URL(page.url()).pathname.split('/')[2]);

  await page.goto(`/cycles/${cycleId}?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^Estimate for item ${itemId}:`) }).click();
  const estimate = page.getByRole('combobox', { name: `Estimate for item ${itemId}` });
  await estimate.selectOption('M');
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/items/${itemId}/cell`));
  await estimate.press('Enter');
  expect((await saved).status()).toBe(200);
  // Theme and status read as text for an engineer: nothing to open.
  await expect(page.getByLabel(`Theme for item ${itemId}`)).toHaveCount(0);
  await expect(page.getByLabel(`Status for item ${itemId}`)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: `Estimate for item ${itemId}: M · 3 pw` })).toBeVisible();
});

test('filters on department, status and module combine and show in the URL', async ({ page, world }) => {
  const quarter = await makeQuarter(world);
  await signIn(page, await world.person('engineer'));
  await openCycle(page, quarter.cycle);
  const table = page.getByRole('table');
  await page.getByLabel('Department', { exact: true }).selectOption({ label: quarter.departments.Operations.name });
  await page.getByLabel('Module', { exact: true }).selectOption({ label: quarter.modules.Reporting.name });
  await expect(table.getByRole('link', { name: 'Export reports to CSV' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Fix timezone bug in scheduled reports' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Audit log export for admins' })).toHaveCount(0);
  await expect(page.getByText(`Showing 2 of ${Object.keys(quarter.items).length}`, { exact: false })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Submitted' });
  await expect(page.getByText('No items match these filters.')).toBeVisible();
  await expect(page).toHaveURL(/dept=\d+.*module=\d+|module=\d+.*dept=\d+/);
  await page.getByRole('region', { name: 'Backlog items' }).getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText(/Showing (\d+) of \1 items/)).toBeVisible();
});
