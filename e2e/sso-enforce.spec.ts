import { eq } from 'drizzle-orm';
import { events, settings, users } from '../db/schema';
import { expect, PASSWORD, test } from './fixtures';
import { makeE2eConnection } from './fixtures/sso';

/**
 * With SSO enforced for a domain, its people cannot use a password: the form says which provider
 * to use instead. An admin of that domain keeps a break-glass password sign-in, which is logged.
 */
test('with SSO enforced, the password form refuses a person of that domain and points to the provider', async ({
  world,
  browser,
}) => {
  const domain = `enforced-${world.tag}.example`;
  await makeE2eConnection(world.db, {
    protocol: 'oidc',
    domain,
    name: `Acme SSO ${world.tag}`,
    enforced: true,
    config: { issuer: 'http://127.0.0.1:9/', clientId: 'x', scopes: 'openid email profile', groupsClaim: 'groups' },
    clientSecret: 'unused',
  });
  const person = await world.person('leader');
  const admin = await world.person('admin');
  await world.db
    .update(users)
    .set({ email: `lee@${domain}` })
    .where(eq(users.id, person.id));
  await world.db
    .update(users)
    .set({ email: `root@${domain}` })
    .where(eq(users.id, admin.id));

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(`lee@${domain}`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Your company signs you in with Acme SSO ${world.tag}`);
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  // Break-glass: the admin still gets in with a password, and the audit log says so.
  await page.getByLabel('E-mail').fill(`root@${domain}`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const logged = (await world.db.select().from(events).where(eq(events.type, 'user.break_glass_signin'))).filter(
    (e) => e.subjectId === admin.id,
  );
  expect(logged).toHaveLength(1);

  // Break-glass switched off on the Sign-in page: the admin is refused like everyone else.
  await page.goto('/admin/sign-in');
  const breakGlass = page.getByLabel('Where SSO is enforced, admins may still sign in with a password');
  try {
    await breakGlass.selectOption('false');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Admins sign in through SSO too.')).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('E-mail').fill(`root@${domain}`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('status')).toContainText(`Your company signs you in with Acme SSO ${world.tag}`);
  } finally {
    // The setting is the whole server's: put it back for the other tests.
    await world.db
      .insert(settings)
      .values({ key: 'breakGlassAdmins', value: true })
      .onConflictDoUpdate({ target: settings.key, set: { value: true } });
  }
  await context.close();
});
