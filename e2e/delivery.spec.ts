import { schedulePublications } from '../db/schema';
import { expect, makeDelivery, test } from './fixtures';

/**
 * Delivery records: the owner starts delivery of a scheduled item, records a milestone, then marks
 * it delivered with release notes and a link; its requestor follows it to "delivered" on their request.
 */

const ITEM = 'Order history search'; // Rosa Requestor's, owned by Nora Nakamura

test('an engineer delivers a scheduled item after a milestone; the requestor sees it delivered with the notes', async ({
  signedInAs,
  world,
}) => {
  const delivery = await makeDelivery(world);
  const { nora, rosa, cycle } = delivery;
  // The schedule was announced, so the requestor may see how delivery goes.
  await world.db.insert(schedulePublications).values({
    cycleId: cycle.id,
    publishedAt: new Date().toISOString(),
    publishedBy: delivery.pm.id,
    snapshot: [],
    summary: [],
  });
  const itemId = delivery.items[ITEM].id;

  const engineer = await signedInAs(nora);
  await engineer.goto(`/cycles/${cycle.id}/schedule`);
  await engineer.getByRole('button', { name: `Start delivery of ${ITEM}` }).click();

  await engineer.getByRole('button', { name: `Record a milestone of ${ITEM}` }).click();
  const milestone = engineer.getByRole('dialog', { name: `Record a milestone of ${ITEM}` });
  await milestone.getByLabel('Milestone name').fill('Search by order number');
  await milestone.getByLabel('Release notes').fill('Support can find an order by its number.');
  await milestone.getByRole('button', { name: 'Record milestone' }).click();
  await expect(milestone).toBeHidden();

  await engineer.getByRole('button', { name: `Mark delivered… of ${ITEM}` }).click();
  const final = engineer.getByRole('dialog', { name: `Mark delivered: ${ITEM}` });
  // A link that is no web address is refused beside the field, and what was typed stays.
  await final.getByLabel('Release notes').fill('Customers search their whole order history.');
  await final.getByLabel('Links').fill('javascript:alert(1)');
  await final.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(final.getByLabel('Links')).toHaveAttribute('aria-invalid', 'true');
  await expect(final.getByLabel('Release notes')).toHaveValue('Customers search their whole order history.');
  await final.getByLabel('Links').fill('https://example.com/releases/order-search');
  await final.getByLabel('Actual effort in person-weeks (optional)').fill('1.5');
  await final.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(final).toBeHidden();
  // The schedule shows the actual effort beside the estimate.
  await expect(engineer.getByRole('row').filter({ hasText: ITEM })).toContainText('actual 1.5');

  const requestor = await signedInAs(rosa);
  await requestor.goto(`/requests/${itemId}`);
  const progress = requestor.getByRole('region', { name: 'Progress' });
  await expect(progress.getByRole('listitem').and(requestor.locator('[aria-current="step"]'))).toHaveText(/Delivered/);
  const deliveries = progress.getByRole('list', { name: 'Deliveries' });
  await expect(deliveries).toContainText('Milestone: Search by order number');
  await expect(deliveries).toContainText('Customers search their whole order history.');
  await expect(deliveries.getByRole('link', { name: 'https://example.com/releases/order-search' })).toBeVisible();
  // The requestor was told at each stage.
  await requestor.goto('/notifications');
  for (const news of [`“${ITEM}” is in delivery`, `A milestone of “${ITEM}” is delivered`, `“${ITEM}” is delivered`])
    await expect(requestor.getByRole('link', { name: news, exact: true })).toBeVisible();
});
