import { eq } from 'drizzle-orm';
import { departments as departmentsTable } from '../db/schema';
import { first } from '../db/rows';
import { expect, test } from './fixtures';
import { findPerson } from './fixtures/people-page';

test('the admin creates, renames, merges and archives departments; archived ones leave the pickers', async ({
  signedInAs,
  world,
}) => {
  const page = await signedInAs('admin');
  const leader = await world.person('leader', { department: 'Field' });
  const field = world.named('Field');
  const north = world.named('North');
  const northRenamed = world.named('Northern region');
  const south = world.named('South');

  await page.goto('/admin/directory');
  const departments = page.getByRole('region', { name: 'Departments' });
  for (const name of [north, south]) {
    await departments.getByLabel('New department').fill(name);
    await departments.getByRole('button', { name: 'Add department' }).click();
    await expect(departments.getByRole('listitem', { name, exact: true })).toBeVisible();
  }
  // Names are unique whatever their case.
  await departments.getByLabel('New department').fill(south.toUpperCase());
  await departments.getByRole('button', { name: 'Add department' }).click();
  // Beside the field, and announced once more for screen readers.
  await expect(departments.getByText(`A department named “${south}” already exists.`).first()).toBeVisible();

  const northRow = departments.getByRole('listitem', { name: north, exact: true });
  await northRow.getByLabel(`New name for ${north}`).fill(northRenamed);
  await northRow.getByRole('button', { name: 'Rename' }).click();
  await expect(departments.getByRole('listitem', { name: northRenamed, exact: true })).toBeVisible();

  // Merge Field (with its leader) into the renamed one, after confirming.
  const fieldRow = departments.getByRole('listitem', { name: field, exact: true });
  await expect(fieldRow.getByText('1 person')).toBeVisible();
  await fieldRow.getByRole('button', { name: `merge ${field} into another department` }).click();
  await fieldRow.getByLabel(`Merge ${field} into`).selectOption({ label: northRenamed });
  await fieldRow.getByRole('button', { name: 'Merge' }).click();
  await fieldRow.getByRole('button', { name: 'Yes, merge' }).click();
  await expect(fieldRow.getByText(`Archived, merged into ${northRenamed}`)).toBeVisible();
  await expect(
    departments.getByRole('listitem', { name: northRenamed, exact: true }).getByText('1 person'),
  ).toBeVisible();

  // Archive South: no longer offered when inviting, back after unarchiving.
  const southRow = departments.getByRole('listitem', { name: south, exact: true });
  await southRow.getByRole('button', { name: 'Archive' }).click();
  await expect(southRow.getByText('Archived', { exact: true })).toBeVisible();
  await page.goto('/admin');
  const picker = page.getByRole('form', { name: 'Invite a person' }).getByLabel('Department');
  await expect(picker.locator('option', { hasText: south })).toHaveCount(0);
  await expect(picker.locator('option', { hasText: northRenamed })).toHaveCount(1);
  // The leader now belongs to the department Field was merged into.
  await findPerson(page, leader.name);
  const into = first(await world.db.select().from(departmentsTable).where(eq(departmentsTable.name, northRenamed)))!;
  await page.getByRole('button', { name: `Change ${leader.name}'s department` }).click();
  await expect(page.getByLabel(`Department of ${leader.name}`)).toHaveValue(String(into.id));

  await page.goto('/admin/directory');
  await page
    .getByRole('region', { name: 'Departments' })
    .getByRole('listitem', { name: south, exact: true })
    .getByRole('button', { name: 'Unarchive' })
    .click();
  await page.goto('/admin');
  await expect(
    page.getByRole('form', { name: 'Invite a person' }).getByLabel('Department').locator('option', { hasText: south }),
  ).toHaveCount(1);

  // The admin moves the leader to South from the people list.
  await findPerson(page, leader.name);
  await page.getByRole('button', { name: `Change ${leader.name}'s department` }).click();
  await page.getByLabel(`Department of ${leader.name}`).selectOption({ label: south });
  await page.getByRole('button', { name: 'Change department' }).click();
  const row = page.getByRole('row').filter({ hasText: leader.name });
  await expect(row.getByText('Department changed', { exact: false })).toBeVisible();
  await expect(row.getByText(south, { exact: true })).toBeVisible();
});
