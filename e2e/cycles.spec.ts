import { expect, signIn, test } from './fixtures';

test('a pm creates a cycle with themes, reorders, edits and removes one', async ({ page, world }) => {
  await signIn(page, await world.person('pm'));
  await page.goto('/cycles');
  await page.getByRole('link', { name: 'New cycle' }).click();

  const name = world.named('E2E');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Start date').fill('2027-04-01');
  await page.getByLabel('End date').fill('2027-03-01');
  await page.getByLabel('Capacity (person-weeks)').fill('-5');
  await page.getByRole('button', { name: 'Create cycle' }).click();
  await expect(page.getByText('End date must be after the start date.')).toBeVisible();
  await expect(page.getByText('Capacity must be more than 0.')).toBeVisible();
  // What was typed survives the refusal.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);

  await page.getByLabel('End date').fill('2027-06-30');
  await page.getByLabel('Capacity (person-weeks)').fill('48');
  await page.getByRole('button', { name: 'Create cycle' }).click();
  await expect(page.getByRole('heading', { name: `${name} settings` })).toBeVisible();
  await expect(page.getByText('No themes yet')).toBeVisible();

  for (const [theme, outcome] of [
    ['Growth', 'More paying teams'],
    ['Trust', 'Pass the SOC 2 audit'],
    ['Speed', 'Pages under 300 ms'],
  ]) {
    await page.getByLabel('Theme name', { exact: true }).fill(theme);
    await page.getByLabel('Key outcome', { exact: true }).fill(outcome);
    await page.getByRole('button', { name: 'Add theme' }).click();
    await expect(page.getByRole('listitem', { name: `Theme ${theme}` })).toBeVisible();
  }
  // A theme without a key outcome is refused beside the field.
  await page.getByLabel('Theme name', { exact: true }).fill('Vague');
  await page.getByRole('button', { name: 'Add theme' }).click();
  await expect(page.getByText('Key outcome is required.')).toBeVisible();

  await page.getByRole('button', { name: 'Move Speed up' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '#2' })).toHaveAccessibleName('Theme Speed');

  const trust = page.getByRole('listitem', { name: 'Theme Trust' });
  await trust.getByLabel('Key outcome of Trust').fill('Pass the SOC 2 Type II audit');
  await trust.getByRole('button', { name: 'Save theme' }).click();
  await expect(trust.getByText('Theme saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Remove Growth' }).click();
  await page.getByRole('button', { name: 'Confirm removing Growth' }).click();
  await expect(page.getByRole('listitem', { name: 'Theme Growth' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel('Key outcome of Trust')).toHaveValue('Pass the SOC 2 Type II audit');
});

test('a leader can read cycles but not manage them', async ({ page, world }) => {
  await signIn(page, await world.person('leader'));
  await page.goto('/cycles');
  await expect(page.getByRole('link', { name: 'New cycle' })).toHaveCount(0);
  await page.goto('/cycles/new');
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
});

test('an unknown cycle shows the 404 page', async ({ page, world }) => {
  await signIn(page, await world.person('pm'));
  await page.goto('/cycles/987654');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await page.goto('/cycles/not-a-number');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
});
