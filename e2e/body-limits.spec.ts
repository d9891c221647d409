import { expect, test } from './fixtures';

/**
 * The server refuses what the UI would not send, with a 4xx and a message, never a 500: a body over
 * the size limit (JSON API and server action), an id sent as a string, a title with a line break.
 */

test('oversized bodies, string ids and multi-line titles get a 4xx naming the problem', async ({
  signedInAs,
  world,
}) => {
  const cycle = await world.cycle();
  const pm = await world.person('pm');
  const page = await signedInAs(pm);
  const item = { title: 'Fine', requestorId: pm.id, departmentId: pm.departmentId, kind: 'feature' };
  // API writes come from the app's own origin (proxy.ts refuses others), as the app's pages send them.
  const headers = { origin: new URL(page.url()).origin };

  const huge = await page.request.post('/api/items', {
    headers,
    data: { ...item, cycleId: cycle.id, description: 'x'.repeat(2 * 1024 * 1024) },
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toContain('larger than the limit of 256 KB');

  const stringId = await page.request.post('/api/items', {
    headers,
    data: { ...item, cycleId: String(cycle.id) },
  });
  expect(stringId.status()).toBe(400);
  expect((await stringId.json()).fieldErrors.cycleId[0]).toContain('cycleId must be a number');

  const twoLines = await page.request.post('/api/items', {
    headers,
    data: { ...item, cycleId: cycle.id, title: 'Fine\r\nBcc: everyone@example.com' },
  });
  expect(twoLines.status()).toBe(400);
  expect((await twoLines.json()).fieldErrors.title[0]).toContain('one line of plain text');

  // A server action (any page path with a body) over Next's 1 MB limit: 413 from the proxy, not Next's 500.
  const action = await page.request.post('/requests/new', {
    headers: { 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    data: 'x'.repeat(2 * 1024 * 1024),
  });
  expect(action.status()).toBe(413);
  expect(await action.text()).toContain('larger than the limit of 1 MB');
});
