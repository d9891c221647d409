import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { makeReviewScene, NOT_SHIPPED } from './fixtures/review';

/**
 * The pm closes a published cycle, reads its review (two of three planned items delivered), records
 * the key outcome's measured value, and carries the undelivered item over to the next cycle.
 */
test('the pm closes a cycle, reviews it and carries the undelivered item over', async ({ signedInAs, world }) => {
  const scene = await makeReviewScene(world);
  const pm = await signedInAs(scene.pm);

  await pm.goto(`/cycles/${scene.cycle.id}`);
  await pm.getByRole('button', { name: 'Close the cycle…' }).click();
  await pm.getByRole('button', { name: 'Yes, close the cycle' }).click();
  await expect(pm).toHaveURL(`/cycles/${scene.cycle.id}/review`);
  await expect(pm.getByText('This cycle is closed: the review is final.')).toBeVisible();

  // Planned 4 + 2 + 3 person-weeks; the first two delivered.
  await expect(pm.getByText('2 of 3 planned items delivered; 0 partially delivered (milestones only).')).toBeVisible();
  const overall = pm
    .getByRole('region', { name: 'Planned and delivered by theme', exact: true })
    .getByRole('row', { name: /^Overall/ });
  await expect(overall.getByRole('cell')).toHaveText(['3', '9', '2', '6', '0']);
  await expect(pm.getByText('1 of 2 delivered items have an actual effort.')).toBeVisible();
  await expect(pm.getByText('Non-functional work delivered: 2 of 10 person-weeks (20 %)')).toBeVisible();

  await pm.getByLabel('Measured Checkout conversion (%)').fill('3.2');
  await pm.getByRole('button', { name: 'Save the measured checkout conversion (%)' }).click();
  const outcomes = pm.getByRole('region', { name: 'Key outcomes' });
  await expect(outcomes.getByRole('status', { name: 'Success' })).toHaveText('Measured value saved.');
  await expect(outcomes.getByText('Measured: 3.2 %. Met')).toBeVisible();

  // The page with every form open reads well to a screen reader and fits a phone.
  const { violations } = await new AxeBuilder({ page: pm })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await pm.setViewportSize({ width: 375, height: 800 });
  expect(await pm.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

  const item = pm.getByRole('group', { name: world.named(NOT_SHIPPED) });
  await expect(item.getByRole('radio', { name: 'Carry over' })).toBeChecked();
  await pm.getByLabel('Carry over into').selectOption({ label: scene.next.name });
  await pm.getByRole('button', { name: 'Apply these choices…' }).click();
  await pm.getByRole('button', { name: 'Yes, apply them' }).click();
  // Applied, the form gives way: nothing is left to offer, and the item shows where it went.
  await expect(pm.getByText('Nothing is left to offer to the next cycle.')).toBeVisible();
  await expect(pm.getByRole('row', { name: new RegExp(`^${world.named(NOT_SHIPPED)}`) })).toContainText(
    'Not delivered — carried over',
  );

  await pm.goto(`/items/${scene.exports.id}`);
  await expect(pm.getByRole('link', { name: scene.next.name })).toBeVisible();
});
