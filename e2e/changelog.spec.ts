import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { makeShippedItems } from './fixtures/roadmap';

/**
 * The changelog, as a requestor reads it: a quarter at a time, newest first, with the other quarters a
 * click away; the Markdown download holds them all.
 */
test('a requestor reads the changelog quarter by quarter and downloads it as Markdown', async ({
  world,
  signedInAs,
}) => {
  const pm = await world.person('pm');
  const today = new Date();
  const thisQuarter = `Q${Math.floor(today.getUTCMonth() / 3) + 1} ${today.getUTCFullYear()}`;
  const [recent, old] = [world.named('Faster refunds'), world.named('Invoice archive')];
  await makeShippedItems(world, pm, [
    { title: recent, deliveredOn: today.toISOString().slice(0, 10) },
    { title: old, deliveredOn: '2024-05-10' },
  ]);

  const rosa = await signedInAs(await world.person('requestor'));
  await rosa.goto('/roadmap');
  await rosa.getByRole('link', { name: 'Changelog' }).click();
  await expect(rosa.getByRole('heading', { name: 'Changelog', level: 1 })).toBeVisible();
  const quarters = rosa.getByRole('navigation', { name: 'Quarters' });
  await expect(quarters.getByRole('link', { name: thisQuarter })).toHaveAttribute('aria-current', 'page');
  await expect(rosa.getByText(recent)).toBeVisible();
  await expect(rosa.getByText(old)).toHaveCount(0);

  await quarters.getByRole('link', { name: 'Q2 2024' }).click();
  await expect(quarters.getByRole('link', { name: 'Q2 2024' })).toHaveAttribute('aria-current', 'page');
  await expect(rosa.getByRole('region', { name: 'May 2024' })).toContainText(`2024-05-10 ${old}`);
  await expect(rosa.getByText(recent)).toHaveCount(0);

  // A quarter that is not one shows the newest; a quarter without deliveries says so.
  await rosa.goto('/roadmap/changelog?quarter=last');
  await expect(quarters.getByRole('link', { name: thisQuarter })).toHaveAttribute('aria-current', 'page');
  await rosa.goto('/roadmap/changelog?quarter=1999-Q1');
  await expect(rosa.getByText('Nothing delivered in Q1 1999')).toBeVisible();

  const [download] = await Promise.all([
    rosa.waitForEvent('download'),
    rosa.getByRole('link', { name: 'Download Markdown' }).click(),
  ]);
  const markdown = await readFile((await download.path())!, 'utf8');
  expect(markdown).toMatch(/^# Changelog\n/);
  expect(markdown).toContain(`- 2024-05-10: ${old} (`);
  expect(markdown).toContain(`: ${recent} (`);
});
