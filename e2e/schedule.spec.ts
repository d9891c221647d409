import { type Page } from '@playwright/test';
import { expect, makeDelivery, openCycle, test, type Delivery } from './fixtures';

/**
 * The delivery schedule of a quarter in delivery (the shape of the demo's 2026-Q4): the pm adjusts
 * and publishes it, a leader flags a problem on an item, its owner resolves it, delivery moves on.
 */

const ITEM = 'Partner API rate limits'; // Nora Nakamura's, until the pm gives it to Erik Engineer
const OTHER = 'Refunds from the support console'; // Erik Engineer's

async function openSchedule(page: Page, delivery: Delivery) {
  await openCycle(page, delivery.cycle);
  await page.getByRole('link', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { name: `${delivery.cycle.name} delivery schedule` })).toBeVisible();
  // The rows are built in the browser from the schedule's data.
  await expect(page.getByRole('button', { name: `Questions on ${ITEM}` })).toBeVisible();
  return Number(new URL(page.url()).pathname.split('/')[2]);
}

test('the pm schedules and publishes; a leader flags a problem; the owner resolves it; delivery moves on', async ({
  signedInAs,
  world,
}) => {
  const delivery = await makeDelivery(world);
  const { erik, finance: fatima } = delivery;
  const pm = await signedInAs(delivery.pm);
  const cycleId = await openSchedule(pm, delivery);

  // A new owner and kickoff; a kickoff outside the cycle is refused beside the field.
  const editor = pm.getByRole('form', { name: `Schedule of ${ITEM}` });
  await editor.getByLabel(`Kickoff for ${ITEM}`).fill('2027-02-01');
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(editor).toContainText(/kickoff/i);
  await expect(editor.getByLabel(`Kickoff for ${ITEM}`)).toHaveAttribute('aria-invalid', 'true');
  await editor.getByLabel(`Owner for ${ITEM}`).selectOption({ label: erik.name });
  await editor.getByLabel(`Kickoff for ${ITEM}`).fill('2026-11-09');
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(editor.getByRole('alert')).toHaveCount(0);
  // Saved for good: after a reload the row shows the new owner and kickoff.
  await pm.reload();
  await expect(pm.getByLabel(`Owner for ${ITEM}`)).toHaveValue(/\d+/);
  await expect(pm.getByLabel(`Owner for ${ITEM}`).locator('option:checked')).toHaveText(erik.name);
  await expect(pm.getByLabel(`Kickoff for ${ITEM}`)).toHaveValue('2026-11-09');

  await pm.getByRole('button', { name: 'Publish the schedule…' }).click();
  await pm.getByRole('button', { name: 'Yes, publish the schedule' }).click();
  await expect(pm.getByText(/Schedule published: \d+ people were told what changed\./)).toBeVisible();
  await expect(pm.getByText(new RegExp(`Last published on .* by ${delivery.pm.name}`))).toBeVisible();

  // A leader flags a problem; the owner (Erik) is told and resolves it with a note.
  const leader = await signedInAs(fatima);
  await leader.goto(`/cycles/${cycleId}/schedule`);
  await leader.getByRole('button', { name: `Questions on ${ITEM}` }).click();
  const ask = leader.getByRole('form', { name: `Ask or flag on ${ITEM}` });
  await ask.getByLabel('Flag a problem').check();
  await ask.getByLabel('Your question or the problem').fill('The kickoff collides with our audit week.');
  await ask.getByRole('button', { name: 'Post' }).click();
  await expect(leader.getByRole('list', { name: 'Open' })).toContainText('The kickoff collides with our audit week.');

  const owner = await signedInAs(erik);
  await owner.goto('/notifications');
  await expect(owner.getByText(ITEM).first()).toBeVisible();
  await owner.goto(`/cycles/${cycleId}/schedule`);
  await owner.getByRole('button', { name: new RegExp(`Questions on ${ITEM}`) }).click();
  const resolve = owner.getByRole('form', { name: `Resolve the flagged problem from ${fatima.name}` });
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve.getByLabel('Resolution note')).toHaveAttribute('aria-invalid', 'true');
  await resolve.getByLabel('Resolution note').fill('Kickoff moved after the audit.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(owner.getByRole('list', { name: 'Resolved' })).toContainText('Kickoff moved after the audit.');

  // Delivery moves on: scheduled → in delivery.
  await owner.getByRole('button', { name: `Start delivery of ${OTHER}` }).click();
  await expect(owner.getByRole('button', { name: `Mark delivered… of ${OTHER}` })).toBeVisible();
});
