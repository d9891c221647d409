import { type Page } from '@playwright/test';
import { expect, makePrioritisation, test } from './fixtures';
import { currentTitle, decide } from './meeting-steps';

/**
 * A decision is private until the outcome is published: the requestor of a rejected item follows it
 * in their own browser while the pm runs the meeting, and reads "Under review" until publishing tells
 * them the decision and its reason.
 */

const ROSAS_ITEM = 'Annual plans with a discount at checkout';
const REASON = 'The billing rewrite comes first';

/** What the requestor reads of their item on its page and in My requests. */
async function expectUnderReview(rosa: Page, itemId: number) {
  await rosa.goto(`/requests/${itemId}`);
  await expect(rosa.getByRole('heading', { name: ROSAS_ITEM })).toBeVisible();
  await expect(rosa.getByText('Under review', { exact: true })).toBeVisible();
  await expect(rosa.getByText('Rejected', { exact: true })).toHaveCount(0);
  await expect(rosa.getByText(REASON)).toHaveCount(0);
  await rosa.goto('/requests');
  const row = rosa.getByRole('row', { name: new RegExp(ROSAS_ITEM) });
  await expect(row).toContainText('Under review');
  await expect(row).not.toContainText('Rejected');
  await expect(row).not.toContainText(REASON);
  const api = await rosa.request.get(`/api/items/${itemId}`);
  expect(api.status()).toBe(200);
  const body = await api.text();
  expect(body).not.toContain('rejected');
  expect(body).not.toContain(REASON);
}

test('a rejection stays "under review" for its requestor until the outcome is published', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(90_000);
  const scene = await makePrioritisation(world);
  const itemId = scene.items[ROSAS_ITEM].id;
  const meetingId = scene.meeting.id;
  const rosa = await signedInAs(scene.rosa);
  const pm = await signedInAs(scene.pm);

  await rosa.goto(`/requests/${itemId}`);
  await expect(rosa.getByText('Curated', { exact: true })).toBeVisible();

  // The pm runs the meeting and rejects Rosa's item with a reason.
  await pm.goto(`/meetings/${meetingId}`);
  await expect(pm.getByText('Live updates on')).toBeVisible();
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByRole('checkbox', { name: 'Start anyway' }).check(); // no pre-read, two weeks early
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(pm.getByTestId('meeting-status')).toHaveText('Live');
  await pm.getByRole('button', { name: 'Next item →' }).click();
  await expect(currentTitle(pm)).toHaveText(ROSAS_ITEM);
  await decide(pm, 'Rejected', REASON);
  await expect(pm.getByText(new RegExp(`^Decision: Rejected — Reason: ${REASON}`))).toBeVisible();
  await expectUnderReview(rosa, itemId);

  // Ended, not published: still under review.
  await pm.getByRole('button', { name: 'End meeting…' }).click();
  // Items left undecided are kept for a follow-up meeting (ending asks what becomes of each).
  await pm.getByRole('button', { name: 'Keep all for a follow-up' }).click();
  await pm.getByRole('button', { name: 'Yes, end the meeting' }).click();
  await expect(pm.getByTestId('meeting-status')).toHaveText('Ended');
  await expectUnderReview(rosa, itemId);

  // Publishing is what tells her.
  await pm.getByRole('link', { name: 'See the outcome' }).click();
  await pm.getByRole('button', { name: 'Publish the outcome…' }).click();
  await pm.getByRole('button', { name: 'Yes, publish the outcome' }).click();
  await expect(pm.getByText(new RegExp(`Published on .* by ${scene.pm.name}`))).toBeVisible();

  await rosa.goto(`/requests/${itemId}`);
  await expect(rosa.getByText('Rejected', { exact: true }).first()).toBeVisible();
  await expect(rosa.getByRole('region', { name: 'Decision reason' })).toContainText(REASON);
  await rosa.getByRole('link', { name: /Notifications, \d+ unread/ }).click();
  await expect(rosa.getByText(`Your request "${ROSAS_ITEM}" was rejected`)).toBeVisible();
  await expect(rosa.getByText(`Rejected. Reason: ${REASON}`)).toBeVisible();
});
