import { makeItem, makeTheme } from '../db/factories';
import { expect, signIn, test } from './fixtures';
import { inOrder } from '../lib/testing/in-order';

test('cycle settings count each theme’s items, and removing one says how many lose it', async ({ page, world }) => {
  const pm = await world.person('pm');
  const cycle = await world.cycle();
  await world.batch(async () => {
    const [big, small] = await inOrder(['Growth', 'Trust', 'Speed'], async (name) =>
      makeTheme(world.db, cycle.id, { name }),
    );
    const item = async (themeId: number) =>
      makeItem(world.db, { cycleId: cycle.id, themeId, requestorId: pm.id, departmentId: pm.departmentId });
    for (let i = 0; i < 10; i++) await item(big.id);
    await item(small.id);
  });

  await signIn(page, pm);
  await page.goto(`/cycles/${cycle.id}/settings`);
  const growth = page.getByRole('listitem', { name: 'Theme Growth' });
  await expect(growth).toContainText('#1 · 10 items');
  await expect(page.getByRole('listitem', { name: 'Theme Trust' })).toContainText('#2 · 1 item');
  await expect(page.getByRole('listitem', { name: 'Theme Speed' })).toContainText('#3 · 0 items');

  await growth.getByRole('button', { name: 'Remove Growth' }).click();
  await expect(growth.getByText('Remove? 10 items lose this theme.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove Trust' }).click();
  await expect(page.getByText('Remove? 1 item loses this theme.')).toBeVisible();
});
