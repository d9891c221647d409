import { count, eq } from 'drizzle-orm';
import { items } from '../db/schema';
import { BASE_URL } from '../playwright.config';
import { expect, makeQuarter, test } from './fixtures';
import { first } from '../db/rows';

test('API writes from another origin, with a non-JSON body or without an Origin are refused and write nothing', async ({
  signedInAs,
  world,
}) => {
  const quarter = await makeQuarter(world);
  const person = await world.person('pm');
  const pm = await signedInAs(person);
  const itemsOfCycle = async () =>
    first(await world.db.select({ n: count() }).from(items).where(eq(items.cycleId, quarter.cycle.id)))!.n;
  const before = await itemsOfCycle();
  const body = JSON.stringify({
    cycleId: quarter.cycle.id,
    title: 'Planted by another site',
    requestorId: person.id,
    departmentId: person.departmentId,
    kind: 'feature',
  });

  // What a page on another site could send with the pm's cookie: a "simple" request, no preflight.
  const plain = await pm.request.post('/api/items', {
    headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    data: body,
  });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error).toMatch(/Content-Type must be application\/json/);

  const foreign = await pm.request.post('/api/items', {
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    data: body,
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toMatch(/Origin https:\/\/evil\.example may not write/);

  // Playwright's request client sends no Origin and no Sec-Fetch-Site.
  const anonymous = await pm.request.patch(`/api/items/${quarter.items['SAML single sign-on'].id}/cell`, {
    headers: { 'content-type': 'application/json' },
    data: { field: 'estimate', value: 'XL', version: 1 },
  });
  expect(anonymous.status()).toBe(403);
  expect((await anonymous.json()).error).toMatch(/needs an Origin header/);

  expect(await itemsOfCycle()).toBe(before);

  // The same request from our own origin goes through (and is then judged by the route itself).
  const own = await pm.request.post('/api/items', {
    headers: { 'content-type': 'application/json', origin: BASE_URL },
    data: body,
  });
  expect(own.status()).toBe(201);
  expect(await itemsOfCycle()).toBe(before + 1);
});
