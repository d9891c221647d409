import { makeItem } from '../db/factories';
import { expect, test } from './fixtures';

/**
 * A person makes a personal access token in Settings, sees its secret once, and a script uses it:
 * it reads items (with no cookie and no Origin: the REST API takes only the bearer token), is
 * refused a write the token has no scope for, and after the person revokes it is refused outright.
 */
test('a token is made in settings, used by a script, and revoked', async ({ signedInAs, world, db, request }) => {
  const pm = await world.person('pm');
  const cycle = await world.cycle();
  const item = await makeItem(db, {
    cycleId: cycle.id,
    requestorId: pm.id,
    departmentId: pm.departmentId,
    title: world.named('Export the backlog'),
    status: 'curated',
  });
  const page = await signedInAs(pm);
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'API tokens' });
  await expect(section.getByText('You have no API tokens.')).toBeVisible();
  await section.getByLabel('Token name').fill('Reporting script');
  await section.getByLabel('Read backlog items').check();
  await section.getByLabel('Expires').selectOption({ label: '7 days' });
  await section.getByRole('button', { name: 'Create token' }).click();

  const secret = await section.getByLabel(/copy it now/).inputValue();
  expect(secret).toMatch(/^qrm_[A-Za-z0-9_-]{43}$/);
  const card = section.getByRole('listitem', { name: 'Reporting script' });
  await expect(card).toContainText('items:read');
  await expect(card).toContainText('never');

  const auth = { authorization: `Bearer ${secret}` };
  const read = await request.get(`/api/v1/items?cycleId=${cycle.id}`, { headers: auth });
  expect(read.status()).toBe(200);
  expect(read.headers()['ratelimit-limit']).toBeTruthy();
  expect((await read.json()).data).toEqual([
    expect.objectContaining({ id: item.id, title: item.title, requestor: { id: pm.id, name: pm.name } }),
  ]);
  const write = await request.post('/api/v1/items', {
    headers: auth,
    data: { cycleId: cycle.id, title: 'Not allowed', kind: 'fix', departmentId: pm.departmentId },
  });
  expect(write.status()).toBe(403);
  expect(write.headers()['content-type']).toBe('application/problem+json');
  expect(write.headers()['www-authenticate']).toContain('insufficient_scope');

  // Once the page is loaded again the secret is gone for good, and the list says when it was used.
  await page.reload();
  await expect(section.getByLabel(/copy it now/)).toHaveCount(0);
  await expect(card).not.toContainText('never');
  await expect(card).toContainText('UTC');

  await card.getByRole('button', { name: 'Revoke Reporting script' }).click();
  await card.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(card).toContainText('Revoked');
  const after = await request.get(`/api/v1/items?cycleId=${cycle.id}`, { headers: auth });
  expect(after.status()).toBe(401);
  expect((await after.json()).detail).toBe('This token has been revoked.');

  await page.goto('/developers/api');
  await expect(page.getByRole('heading', { level: 1, name: 'Quorum REST API' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'GET /api/v1/items', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Schemas' })).toBeVisible();
});
