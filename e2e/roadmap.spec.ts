import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, test } from './fixtures';
import { makeRoadmapCycle } from './fixtures/roadmap';

/**
 * The roadmap shows only what is published, to a requestor as to anyone; an admin shares a cycle
 * through a read-only link that a person without an account opens, and revokes it.
 */
test('a published roadmap, shared through a read-only link and revoked', async ({ world, signedInAs, browser }) => {
  const [pm, requestor, admin] = [
    await world.person('pm'),
    await world.person('requestor'),
    await world.person('admin'),
  ];
  const reason = world.named('A confidential reason');
  const scene = await makeRoadmapCycle(
    world,
    { pm, requestor },
    {
      theme: world.named('Self-service'),
      published: world.named('Published invoices'),
      unpublished: world.named('Unannounced acquisition'),
      reason,
    },
  );
  const published = scene.published.title;
  const unpublished = scene.unpublished.title;

  // A requestor reads the roadmap: the published decision, under its theme; nothing unpublished, no reason.
  const rosa = await signedInAs(requestor);
  await rosa.goto('/roadmap');
  await expect(rosa.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' })).toBeVisible();
  const next = rosa.getByRole('region', { name: 'Next' });
  await expect(next.getByRole('region', { name: scene.theme.name })).toContainText(published);
  await expect(rosa.getByText(unpublished)).toHaveCount(0);
  await expect(rosa.getByText(reason)).toHaveCount(0);
  // One view at a time: the timeline holds only items on a published schedule, which this one is not.
  const views = rosa.getByRole('navigation', { name: 'Roadmap views' });
  await expect(views.getByRole('link', { name: 'Now, next and later' })).toHaveAttribute('aria-current', 'page');
  await views.getByRole('link', { name: 'Timeline' }).click();
  await expect(rosa.getByRole('heading', { name: 'Timeline', level: 2 })).toBeVisible();
  await expect(views.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
  await expect(rosa.getByRole('region', { name: 'Next' })).toHaveCount(0);
  await expect(rosa.getByText(published)).toHaveCount(0);

  // The admin shares the cycle and creates a link; its address is shown once.
  const ada = await signedInAs(admin);
  await ada.goto('/admin/roadmap-links');
  await ada
    .getByRole('form', { name: `Share ${scene.cycle.name}` })
    .getByRole('button', { name: 'Share' })
    .click();
  await expect(ada.getByRole('form', { name: `Stop sharing ${scene.cycle.name}` })).toBeVisible();
  const label = world.named('Board members');
  const create = ada.getByRole('form', { name: 'Create a read-only link' });
  await create.getByLabel('Label').fill(label);
  await create.getByRole('button', { name: 'Create link' }).click();
  const address = await ada.getByLabel(/^Link created/).inputValue();
  const path = new URL(address).pathname;
  expect(path).toMatch(/^\/share\/qrl_/);

  // Someone without an account opens it: titles and themes, no reason, no cookie, not indexed.
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('heading', { name: 'Roadmap', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: scene.theme.name }).first()).toContainText(published);
  await expect(page.getByText(unpublished)).toHaveCount(0);
  await expect(page.getByText(reason)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  expect(await visitor.cookies()).toEqual([]);

  // Its changelog feed parses (what it lists is lib/roadmap/changelog.test.ts's).
  const feed = await visitor.request.get(`${path}/changelog.atom`);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(parseFeed(await feed.text()).title).toBe('Changelog');

  // Revoked, the same address is an ordinary 404, and so is anything beyond it.
  const row = ada.getByRole('listitem').filter({ hasText: label });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(ada.getByRole('listitem').filter({ hasText: label })).toContainText('Revoked');
  expect((await page.goto(path))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await expect(page.getByText(published)).toHaveCount(0);
  expect((await visitor.request.get(`${path}/changelog.atom`)).status()).toBe(404);
  expect((await visitor.request.get(`${path}/anything`)).status()).toBe(404);
  await visitor.close();
});
