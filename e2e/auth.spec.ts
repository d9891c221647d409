import { DEMO_PASSWORD, DEMO_USERS } from '../lib/demo/accounts';
import { PASSWORD, expect, signIn, test } from './fixtures';
import type { Role } from '../db/schema';
import { findPerson } from './fixtures/people-page';

const ROLES: Role[] = ['admin', 'pm', 'leader', 'engineer', 'requestor'];

test.describe('sign-in', () => {
  for (const role of ROLES) {
    test(`${role} signs in and out`, async ({ page, world }) => {
      const person = await world.person(role);
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

  test("a guesser is slowed down on the account it attacks, while the account's owner still signs in", async ({
    browser,
    signedInAs,
    world,
  }) => {
    const target = await world.person('leader');
    // The e2e server trusts X-Forwarded-For as a proxy's: this browser is the guesser's address.
    const guesser = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.7' } });
    const page = await guesser.newPage();
    await page.goto('/signin');
    for (let i = 0; i < 2; i++) {
      await page.getByLabel('E-mail').fill(target.email);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('The e-mail or password is incorrect.')).toBeVisible();
      // The form clears the password once the answer is in: wait for that before typing again.
      await expect(page.getByLabel('Password')).toHaveValue('');
    }
    await page.getByLabel('Password').fill('still-wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Too many attempts, try again in 1 minute.')).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveValue('');
    // From the guesser's address even the right password waits.
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/Too many attempts, try again in/)).toBeVisible();
    // The e-mail typed is kept across the refusals.
    await expect(page.getByLabel('E-mail')).toHaveValue(target.email);
    await guesser.close();

    // The owner, from their own address, is not held back at all.
    const own = await signedInAs(target, { extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.8' } });
    await expect(own.getByRole('banner').getByText(target.name)).toBeVisible();
  });

  test('one client trying a password on many accounts is slowed down, whichever account it tries next', async ({
    browser,
    signedInAs,
    world,
  }) => {
    const sprayer = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.8' } });
    const page = await sprayer.newPage();
    await page.goto('/signin');
    // The e2e server allows six failures per client: one each on six addresses.
    for (let i = 1; i <= 6; i++) {
      await page.getByLabel('E-mail').fill(`sprayed-${i}.${world.tag}@e2e.test`);
      await page.getByLabel('Password').fill('Winter2026!');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(
        page.getByText(i < 6 ? 'The e-mail or password is incorrect.' : 'Too many attempts, try again in 1 minute.'),
      ).toBeVisible();
      await expect(page.getByLabel('Password')).toHaveValue('');
    }
    // A real account it has not tried yet, even with its right password, waits from this client…
    const person = await world.person('engineer');
    await page.getByLabel('E-mail').fill(person.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/Too many attempts, try again in/)).toBeVisible();
    await sprayer.close();
    // …and not from its owner's.
    await signedInAs(person, { extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.9' } });
  });

  test('a deactivated user cannot sign in', async ({ page, world }) => {
    const former = await world.person('requestor', { name: 'Felix Former', active: false });
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
    await page.getByLabel('E-mail').fill((await world.person('requestor')).email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/requests\/new$/);
  });
});

test('a deactivated user loses their session on the next request', async ({ signedInAs, world }) => {
  const nora = await world.person('engineer', { name: 'Nora Nakamura' });
  const userPage = await signedInAs(nora);
  await userPage.goto('/cycles');
  await expect(userPage.getByRole('heading', { name: 'Cycles' })).toBeVisible();

  const adminPage = await signedInAs('admin');
  await findPerson(adminPage, nora.name);
  const row = adminPage.getByRole('row', { name: new RegExp(nora.name) });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByRole('cell', { name: 'Deactivated' })).toBeVisible();

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/signin/);

  // And back: reactivating works too.
  await row.getByRole('button', { name: 'Reactivate' }).click();
  await expect(row.getByRole('cell', { name: 'Active', exact: true })).toBeVisible();
});
