import { eq } from 'drizzle-orm';
import { makeItem } from '../db/factories';
import { items } from '../db/schema';
import { expect, test } from './fixtures';
import { first } from '../db/rows';

/**
 * Server actions parse every field, hidden ids included: a person who edits a hidden id in the
 * browser's tools gets a form message (malformed) or the 403/404 page (someone else's or unknown
 * record), never a server error, and nothing is written.
 */
test('a tampered hidden id is refused with a message or a 4xx page, and nothing changes', async ({
  world,
  signedInAs,
}) => {
  const pm = await world.person('pm');
  const cycle = await world.cycle();
  const item = await makeItem(world.db, {
    cycleId: cycle.id,
    requestorId: pm.id,
    departmentId: pm.departmentId,
    title: world.named('Tampered status'),
  });
  const statusOf = async () =>
    first(await world.db.select({ status: items.status }).from(items).where(eq(items.id, item.id)))?.status;

  const page = await signedInAs(pm);
  const changeStatus = async (itemId: string) => {
    await page.goto(`/items/${item.id}`);
    await page.getByLabel('New status').selectOption({ label: 'Deferred' });
    await page
      .locator('input[type="hidden"][name="itemId"]')
      .evaluate((el, v) => ((el as HTMLInputElement).value = v), itemId);
    await page.getByRole('button', { name: 'Change status' }).click();
  };

  await changeStatus('not-a-number');
  await expect(page.getByText('This form is out of date: reload the page and try again.')).toBeVisible();
  expect(await statusOf()).toBe('curated');

  await changeStatus('999999999');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  expect(await statusOf()).toBe('curated');

  // Someone else's request: a requestor cannot withdraw it by swapping the id in their own form.
  const requestor = await world.person('requestor', { name: 'Rosa Tamper' });
  const other = await world.person('requestor', { name: 'Sam Other' });
  const own = await makeItem(world.db, {
    cycleId: null,
    status: 'submitted',
    requestorId: requestor.id,
    departmentId: requestor.departmentId,
    title: world.named('My request'),
  });
  const theirs = await makeItem(world.db, {
    cycleId: null,
    status: 'submitted',
    requestorId: other.id,
    departmentId: other.departmentId,
    title: world.named('Their request'),
  });
  const requestorPage = await signedInAs(requestor);
  await requestorPage.goto(`/requests/${own.id}`);
  // Tamper after opening the confirmation, so the id that is sent is the one changed here.
  await requestorPage.getByRole('button', { name: 'Withdraw request' }).click();
  await requestorPage
    .locator('input[type="hidden"][name="itemId"]')
    .evaluate((el, v) => ((el as HTMLInputElement).value = v), String(theirs.id));
  await requestorPage.getByRole('button', { name: 'Yes, withdraw' }).click();
  await expect(
    requestorPage
      .getByRole('heading', { name: 'You do not have access to this page' })
      .or(requestorPage.getByRole('heading', { name: 'This page does not exist' })),
  ).toBeVisible();
  const theirStatus = first(
    await world.db.select({ status: items.status }).from(items).where(eq(items.id, theirs.id)),
  )?.status;
  expect(theirStatus).toBe('submitted');
  const ownStatus = first(
    await world.db.select({ status: items.status }).from(items).where(eq(items.id, own.id)),
  )?.status;
  expect(ownStatus).toBe('submitted');
});
