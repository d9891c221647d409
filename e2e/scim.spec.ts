import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ssoConnections, ssoDomains, users } from '../db/schema';
import { ScimClient, ENTERPRISE } from '../lib/testing/scim-client';
import { expect, signIn, test } from './fixtures';

/**
 * An identity provider deprovisions a person over SCIM while they are signed in: their next click
 * lands on sign-in. The connection and its token are made directly in the e2e server's database,
 * with a domain of this test's own, so no other test's addresses are routed to it.
 */
test('a person deactivated over SCIM is signed out at their next click', async ({
  page,
  db,
  world,
  passwordHash,
  baseURL,
}) => {
  const token = `scim_${crypto.randomBytes(32).toString('base64url')}`;
  const domain = `scim-${crypto.randomBytes(5).toString('hex')}.e2e.test`;
  const now = Date.now();
  const [connection] = await db
    .insert(ssoConnections)
    .values({
      name: `SCIM test ${domain}`,
      protocol: 'oidc',
      config: {},
      scimTokenHash: crypto.createHash('sha256').update(token, 'utf8').digest('hex'),
      scimTokenCreatedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await db.insert(ssoDomains).values({ connectionId: connection.id, domain });
  const scim = new ScimClient(`${baseURL}/scim/v2`, token);

  // Without the token the server answers SCIM's 401 itself: no redirect to the sign-in page.
  const anonymous = await new ScimClient(`${baseURL}/scim/v2`, null).call('GET', '/Users');
  expect(anonymous).toMatchObject({ status: 401, body: { status: '401' } });
  // A body over even the server actions' limit is answered by SCIM, in its own schema.
  const huge = await scim.call('POST', '/Users', JSON.stringify({ userName: 'x'.repeat(2 * 1024 * 1024) }));
  expect(huge).toMatchObject({ status: 413, body: { status: '413' } });
  expect(huge.contentType).toContain('application/scim+json');

  const email = `bjensen@${domain}`;
  const department = await world.department('Sales');
  const created = await scim.createUser(email, { [ENTERPRISE]: { department: department.name } });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  expect((await scim.findUserByUserName(email)).body).toMatchObject({ totalResults: 1, Resources: [{ id }] });

  // The person also has a password (the connection does not enforce SSO), so they sign in with it.
  await db.update(users).set({ passwordHash }).where(eq(users.email, email));
  await signIn(page, email);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  const deactivated = await scim.deactivateUser(id);
  expect(deactivated).toMatchObject({ status: 200, body: { active: false } });

  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(/\/signin/);
});
