import { expect, makePrioritisation, test } from './fixtures';

/**
 * Sessions end on the server: a signed-out cookie replayed signs nobody in, signing out
 * everywhere reaches the person's other browsers, and deactivating someone closes the live
 * meeting they have open and sends their next click to sign-in.
 */

test('after signing out, the old session cookie is refused', async ({ world, signedInAs, browser }) => {
  const person = world.person('engineer');
  const page = await signedInAs(person);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes('session-token'))).toBe(true);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Someone who kept a copy of the cookie replays it in a browser of their own.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto('/');
  await expect(replayed).toHaveURL(/\/signin/);
  const api = await replayed.request.get('/api/cycles/1/items');
  expect(api.status()).toBe(401);
  // Downloads answer like the API: a 401 a script can read, not a redirect to the sign-in page.
  const download = await replayed.request.get('/cycles/1/outcome/export?format=csv', { maxRedirects: 0 });
  expect(download.status()).toBe(401);
  await replay.close();
});

test('signing out everywhere ends the session in every browser', async ({ world, signedInAs }) => {
  const person = world.person('requestor');
  const laptop = await signedInAs(person);
  const phone = await signedInAs(person);
  await laptop.goto('/settings');
  await expect(laptop.getByText('You are signed in on 2 devices or browsers.', { exact: false })).toBeVisible();
  await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(laptop).toHaveURL(/\/signin/);
  await phone.getByRole('link', { name: 'My requests' }).click();
  await expect(phone).toHaveURL(/\/signin/);
});

test('an admin deactivates a leader who has a meeting open: their stream closes and their next click lands on sign-in', async ({
  world,
  signedInAs,
}) => {
  const scene = makePrioritisation(world);
  const liam = scene.leaders.Sales;
  const leader = await signedInAs(liam);
  await leader.goto(`/meetings/${scene.meeting.id}`);
  await expect(leader.getByText('Live updates on')).toBeVisible();

  const admin = await signedInAs(world.person('admin'));
  await admin.goto('/admin');
  await admin
    .getByRole('form', { name: `Deactivate ${liam.name}` })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  await expect(admin.getByText('Deactivated: their session ends on their next request.')).toBeVisible();

  // The server closes the stream at its next heartbeat (2 s in the test server) and refuses the reconnect.
  await expect(leader.getByText('Connection lost — reconnecting…')).toBeVisible();
  await leader.getByRole('link', { name: 'Home' }).click();
  await expect(leader).toHaveURL(/\/signin/);
});

test('an admin ends a person’s sessions without deactivating them', async ({ world, signedInAs }) => {
  const person = world.person('leader', { name: 'Lost Laptop' });
  const page = await signedInAs(person);
  const admin = await signedInAs(world.person('admin'));
  await admin.goto('/admin');
  await admin
    .getByRole('form', { name: `End ${person.name}'s sessions` })
    .getByRole('button', { name: 'End sessions' })
    .click();
  await expect(admin.getByText('Signed out: 1 session ended.')).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
});
