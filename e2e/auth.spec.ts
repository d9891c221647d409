import { expect, test } from '@playwright/test';
import { PASSWORD, USERS, signIn } from './fixtures';

const LOCKED = 'leader.marketing@quorum.test';

test.describe('sign-in', () => {
  for (const [role, email] of Object.entries(USERS)) {
    test(`${role} signs in and out`, async ({ page }) => {
      await signIn(page, email);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('heading', { name: 'Sign in to Quorum' })).toBeVisible();
      // The session is gone: a protected page sends us back to sign-in.
      await page.goto('/requests');
      await expect(page).toHaveURL(/\/signin\?next=%2Frequests/);
    });
  }

  test('a wrong password is refused, then repeated failures are slowed down', async ({ page }) => {
    await page.goto('/signin');
    // This account is used by no other test, so locking it disturbs nothing else.
    for (let i = 0; i < 2; i++) {
      await page.getByLabel('E-mail').fill(LOCKED);
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
    await expect(page.getByLabel('E-mail')).toHaveValue(LOCKED);
  });

  test('a deactivated user cannot sign in', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('E-mail').fill('former@quorum.test');
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

  test('after sign-in the user returns to the page they asked for', async ({ page }) => {
    await page.goto('/requests/new');
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel('E-mail').fill(USERS.requestor);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/requests\/new$/);
  });
});

test('a deactivated user loses their session on the next request', async ({ browser }) => {
  const userContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const adminPage = await adminContext.newPage();
  await signIn(userPage, 'engineer2@quorum.test');
  await userPage.goto('/cycles');
  await expect(userPage.getByRole('heading', { name: 'Cycles' })).toBeVisible();

  await signIn(adminPage, USERS.admin);
  await adminPage.goto('/admin');
  const row = adminPage.getByRole('row', { name: /Nora Nakamura/ });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByRole('cell', { name: 'Deactivated' })).toBeVisible();

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/signin/);

  // Reactivate so the demo stays as seeded.
  await row.getByRole('button', { name: 'Reactivate' }).click();
  await expect(row.getByRole('cell', { name: 'Active', exact: true })).toBeVisible();
  await userContext.close();
  await adminContext.close();
});
