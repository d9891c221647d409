import { DEMO_PASSWORD, DEMO_USERS } from '../lib/demo/seed.server';
import { PASSWORD, expect, signIn, test } from './fixtures';
import type { Role } from '../db/schema';

const ROLES: Role[] = ['admin', 'pm', 'leader', 'engineer', 'requestor'];

test.describe('sign-in', () => {
  for (const role of ROLES) {
    test(`${role} signs in and out`, async ({ page, world }) => {
      const person = world.person(role);
      await signIn(page, person);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('banner').getByText(person.name)).toBeVisible();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('heading', { name: 'Sign in to Quorum' })).toBeVisible();
      // The session is gone: a protected page sends us back to sign-in.
      await page.goto('/requests');
      await expect(page).toHaveURL(/\/signin\?next=%2Frequests/);
    });
  }

  // The README offers these accounts to try Quorum out: this test checks the demo itself, so it
  // signs in as the seed's people (and only signs in and out: it changes nothing).
  test("the README's demo sign-ins work, one per role, and its deactivated account is refused", async ({ page }) => {
    for (const role of ROLES) {
      const demo = DEMO_USERS.find((u) => u.role === role && u.active !== false)!;
      await signIn(page, demo.email, DEMO_PASSWORD);
      await expect(page.getByRole('banner').getByText(demo.name)).toBeVisible();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('heading', { name: 'Sign in to Quorum' })).toBeVisible();
    }
    await page.getByLabel('E-mail').fill(DEMO_USERS.find((u) => u.active === false)!.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('This account has been deactivated.', { exact: false })).toBeVisible();
  });

  test('a wrong password is refused, then repeated failures are slowed down', async ({ page, world }) => {
    const locked = world.person('leader').email;
    await page.goto('/signin');
    for (let i = 0; i < 2; i++) {
      await page.getByLabel('E-mail').fill(locked);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('The e-mail or password is incorrect.')).toBeVisible();
      // The form clears the password once the answer is in: wait for that before typing again.
      await expect(page.getByLabel('Password')).toHaveValue('');
    }
    await page.getByLabel('Password').fill('still-wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/Too many attempts, try again in \d+ minutes?\./)).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveValue('');
    // Even the right password waits until the lock expires.
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/Too many attempts/)).toBeVisible();
    // The e-mail typed is kept across the refusals.
    await expect(page.getByLabel('E-mail')).toHaveValue(locked);
  });

  test('a deactivated user cannot sign in', async ({ page, world }) => {
    const former = world.person('requestor', { name: 'Felix Former', active: false });
    await page.goto('/signin');
    await page.getByLabel('E-mail').fill(former.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('This account has been deactivated.', { exact: false })).toBeVisible();
  });

  test('empty fields are named beside the field', async ({ page }) => {
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
  });

  test('after sign-in the user returns to the page they asked for', async ({ page, world }) => {
    await page.goto('/requests/new');
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel('E-mail').fill(world.person('requestor').email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/requests\/new$/);
  });
});

test('a deactivated user loses their session on the next request', async ({ signedInAs, world }) => {
  const nora = world.person('engineer', { name: 'Nora Nakamura' });
  const userPage = await signedInAs(nora);
  await userPage.goto('/cycles');
  await expect(userPage.getByRole('heading', { name: 'Cycles' })).toBeVisible();

  const adminPage = await signedInAs('admin');
  await adminPage.goto('/admin');
  const row = adminPage.getByRole('row', { name: new RegExp(nora.name) });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByRole('cell', { name: 'Deactivated' })).toBeVisible();

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/signin/);

  // And back: reactivating works too.
  await row.getByRole('button', { name: 'Reactivate' }).click();
  await expect(row.getByRole('cell', { name: 'Active', exact: true })).toBeVisible();
});
