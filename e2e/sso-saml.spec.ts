import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import { BASE_URL } from '../playwright.config';
import { startSamlIdp, type SamlIdp } from '../lib/testing/saml-idp';
import { expect, test } from './fixtures';

/**
 * SAML 2.0 end to end, against a real (samlify) identity provider started here on loopback, which
 * signs its answers with a key of its own: the admin connects it from its metadata URL and tests it;
 * a person signs in SP-initiated; IdP-initiated sign-in is refused until the admin allows it.
 */

let idp: SamlIdp;
test.beforeAll(async () => {
  idp = await startSamlIdp({ port: 0 });
});
test.afterAll(async () => {
  await idp?.close();
});

test('an admin connects a SAML IdP; people sign in SP-initiated, and IdP-initiated once allowed', async ({
  world,
  signedInAs,
  browser,
}) => {
  const domain = `saml-${world.tag}.example`;
  const email = `sam@${domain}`;
  idp.setUser(email, { name: `Sam Saml ${world.tag}`, groups: ['Staff'] });

  const admin = await signedInAs('admin');
  await admin.goto('/admin/sign-in');
  await admin.getByLabel('Name').fill(`Acme SAML ${world.tag}`);
  await admin.getByLabel('Protocol').selectOption('saml');
  await admin.getByRole('button', { name: 'Add connection' }).click();
  await expect(admin.getByRole('heading', { name: `Acme SAML ${world.tag}` })).toBeVisible();
  const id = Number(/\/admin\/sign-in\/(\d+)/.exec(admin.url())![1]);
  await expect(admin.getByText(`${BASE_URL}/sso/saml/${id}/acs`)).toBeVisible();
  const metadata = await admin.request.get(`/sso/saml/${id}/metadata`);
  expect(await metadata.text()).toContain(`entityID="${BASE_URL}/sso/saml/${id}/metadata"`);

  // Metadata that is not XML is refused, naming the field; then the IdP's URL is read.
  await admin.getByLabel('IdP metadata XML').fill('this is not xml');
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByText('The metadata is not well-formed XML.')).toBeVisible();
  await admin.getByLabel('IdP metadata XML').fill('');
  await admin.getByLabel('…or the IdP metadata URL').fill(idp.metadataUrl);
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByText('Saved. Test the connection')).toBeVisible();
  await admin.getByRole('textbox', { name: 'E-mail domains' }).fill(domain);
  await admin.getByRole('button', { name: 'Save domains' }).click();
  await expect(admin.getByText(`Saved: ${domain}.`)).toBeVisible();

  await admin.getByRole('link', { name: 'Test this connection' }).click();
  await admin.getByLabel('E-mail').fill(email);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByText('The last test passed')).toBeVisible();
  const received = admin.getByRole('status').filter({ hasText: 'The last test passed' });
  await expect(received.getByRole('definition').filter({ hasText: `Sam Saml ${world.tag}` })).toBeVisible();
  await admin.getByRole('button', { name: 'Switch on' }).click();
  await expect(admin.getByRole('button', { name: 'Switch off' })).toBeVisible();

  // SP-initiated: the person starts at Quorum.
  const sp = await browser.newContext();
  const page = await sp.newPage();
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the test IdP' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await sp.close();
  const [person] = await world.db.select().from(users).where(eq(users.email, email));
  expect(person).toMatchObject({ role: 'requestor', lastSignInMethod: 'saml', name: `Sam Saml ${world.tag}` });

  // IdP-initiated: off by default, so the answer is refused and the person told why.
  const acs = { spEntityId: `${BASE_URL}/sso/saml/${id}/metadata`, acsUrl: `${BASE_URL}/sso/saml/${id}/acs`, email };
  const first = await browser.newContext();
  const refused = await first.newPage();
  await refused.goto(idp.idpInitiatedUrl(acs));
  await expect(refused.getByRole('alert').filter({ hasText: 'Single sign-on did not work' })).toContainText(
    'started at the identity provider is switched off',
  );
  await first.close();

  await admin.getByLabel('Allow sign-in started at the identity provider (IdP-initiated)').check();
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByText('Saved. Test the connection')).toBeVisible();
  const second = await browser.newContext();
  const allowed = await second.newPage();
  await allowed.goto(idp.idpInitiatedUrl({ ...acs, relayState: '/settings' }));
  await expect(allowed.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  await expect(allowed).toHaveURL(/\/settings$/);
  await second.close();

  // The sign-in page's "Continue with …" button, for people who start there without typing.
  const third = await browser.newContext();
  const viaButton = await third.newPage();
  await viaButton.goto('/signin');
  await viaButton.getByRole('link', { name: `Continue with Acme SAML ${world.tag}` }).click();
  await viaButton.getByLabel('E-mail').fill(email);
  await viaButton.getByRole('button', { name: 'Sign in' }).click();
  await expect(viaButton.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  await third.close();

  // Enforcing asks first; so does deleting, after which the connection is gone from the list.
  await admin.getByRole('button', { name: 'Enforce SSO' }).click();
  await admin.getByRole('button', { name: 'Yes, enforce' }).click();
  await expect(admin.getByText('SSO enforced')).toBeVisible();
  await admin.getByRole('button', { name: 'Delete connection' }).click();
  await admin.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(admin).toHaveURL(/\/admin\/sign-in$/);
  await expect(admin.getByRole('link', { name: `Acme SAML ${world.tag}` })).toHaveCount(0);
});
