import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import { BASE_URL } from '../playwright.config';
import { startOidcProvider, type TestOidcProvider } from '../lib/testing/oidc-provider';
import { expect, test } from './fixtures';

/**
 * OpenID Connect end to end, against a real OpenID provider started here on loopback: the admin
 * connects it (with a test round trip first), maps a group, switches it on; a person then signs in
 * by typing their e-mail, and comes back a leader of Sales.
 */

let provider: TestOidcProvider;
const SECRET = 'e2e-client-secret-0123456789';

test.beforeAll(async () => {
  provider = await startOidcProvider({
    port: 0,
    clients: [{ clientId: 'quorum-e2e', clientSecret: SECRET, redirectUris: [`${BASE_URL}/sso/oidc/callback`] }],
    accounts: {},
  });
});
test.afterAll(async () => {
  await provider?.close();
});

test('an admin connects an OpenID provider and a person signs in through it as a leader of Sales', async ({
  world,
  signedInAs,
  browser,
}) => {
  const domain = `oidc-${world.tag}.example`;
  const sales = await world.department('Sales');
  provider.setAccount(`ada-${world.tag}`, {
    sub: `ada-${world.tag}`,
    email: `ada@${domain}`,
    email_verified: true,
    name: `Ada Okafor ${world.tag}`,
    groups: ['Sales Leaders', 'Everyone'],
  });
  const admin = await signedInAs('admin');
  await admin.getByRole('link', { name: 'Sign-in' }).click();
  await expect(admin.getByRole('heading', { name: 'Sign-in', level: 1 })).toBeVisible();
  await admin.getByLabel('Name').fill(`Acme OIDC ${world.tag}`);
  await admin.getByLabel('Protocol').selectOption('oidc');
  await admin.getByRole('button', { name: 'Add connection' }).click();
  await expect(admin.getByRole('heading', { name: `Acme OIDC ${world.tag}` })).toBeVisible();

  // A wrong issuer is refused before anything is saved.
  await admin.getByLabel('Issuer URL').fill('http://127.0.0.1:9/');
  await admin.getByLabel('Client ID').fill('quorum-e2e');
  await admin.getByLabel('Client secret').fill(SECRET);
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Some fields need attention' })).toBeVisible();
  await expect(admin.getByLabel('Issuer URL')).toHaveAttribute('aria-invalid', 'true');
  await admin.getByLabel('Issuer URL').fill(provider.issuer);
  await admin.getByLabel('Client secret').fill(SECRET);
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByText('Saved. Test the connection')).toBeVisible();

  await admin.getByLabel('E-mail domains').fill(domain);
  await admin.getByRole('button', { name: 'Save domains' }).click();
  await expect(admin.getByText(`Saved: ${domain}.`)).toBeVisible();
  await admin.getByLabel('IdP group').fill('Sales Leaders');
  await admin.getByLabel('Role').selectOption('leader');
  await admin.getByLabel('Department').selectOption({ label: sales.name });
  await admin.getByRole('button', { name: 'Add mapping' }).click();
  await expect(admin.getByRole('listitem').filter({ hasText: 'Sales Leaders' })).toContainText('leader');

  // Switching on before a test is refused; the test is a real round trip through the provider.
  await admin.getByRole('button', { name: 'Switch on' }).click();
  await expect(admin.getByText('Test this connection successfully before switching it on.')).toBeVisible();
  await admin.getByRole('link', { name: 'Test this connection' }).click();
  await admin.getByLabel('Login').fill(`ada-${world.tag}`);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByText('The last test passed')).toBeVisible();
  const received = admin.getByRole('status').filter({ hasText: 'The last test passed' });
  await expect(received.getByRole('definition').filter({ hasText: `ada@${domain}` })).toBeVisible();
  await expect(received.getByRole('definition').filter({ hasText: 'Sales Leaders, Everyone' })).toBeVisible();
  await admin.getByRole('button', { name: 'Switch on' }).click();
  await expect(admin.getByRole('button', { name: 'Switch off' })).toBeVisible();

  // The person types only their e-mail; the domain picks the provider.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(`ada@${domain}`);
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Login').fill(`ada-${world.tag}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText(`Ada Okafor ${world.tag}`).first()).toBeVisible();

  const [created] = await world.db
    .select()
    .from(users)
    .where(eq(users.email, `ada@${domain}`));
  expect(created).toMatchObject({ role: 'leader', departmentId: sales.id, lastSignInMethod: 'oidc' });
  await context.close();
});

test('an unverified e-mail and an unclaimed domain are refused with a message, and nobody is created', async ({
  world,
  browser,
}) => {
  const { makeE2eConnection } = await import('./fixtures/sso');
  const domain = `oidc-refuse-${world.tag}.example`;
  const conn = await makeE2eConnection(world.db, {
    protocol: 'oidc',
    domain,
    config: { issuer: provider.issuer, clientId: 'quorum-e2e', scopes: 'openid email profile', groupsClaim: 'groups' },
    clientSecret: SECRET,
  });
  provider.setAccount(`una-${world.tag}`, {
    sub: `una-${world.tag}`,
    email: `una@${domain}`,
    email_verified: false,
    name: 'Una',
  });
  provider.setAccount(`out-${world.tag}`, {
    sub: `out-${world.tag}`,
    email: `out@elsewhere-${world.tag}.example`,
    email_verified: true,
    name: 'Out',
  });
  for (const [login, message] of [
    [`una-${world.tag}`, 'has not verified this e-mail address'],
    [`out-${world.tag}`, 'not one this connection signs in'],
  ] as const) {
    // A browser of its own each time: the provider remembers who signed in last.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/sso/${conn.id}/start`);
    await page.getByLabel('Login').fill(login);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Single sign-on did not work' })).toContainText(message);
    await expect(page).toHaveURL(/\/signin/);
    await context.close();
  }
  expect(
    await world.db
      .select()
      .from(users)
      .where(eq(users.email, `una@${domain}`)),
  ).toEqual([]);
});
