import type { Page } from '@playwright/test';
import { expect, makePrioritisation, test } from './fixtures';

/**
 * Collects every Content-Security-Policy violation the page reports: Chromium logs each one to the
 * console, and a `securitypolicyviolation` listener (installed before any page script) logs it again
 * in case a message is missed.
 */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|securitypolicyviolation/i.test(text)) violations.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (error) => violations.push(`${page.url()}: page error ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

/** Opens each path, waits until the page and its data have loaded, and expects no server error. */
async function visit(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Rows fetched after the page has loaded run their scripts too: wait until they are in.
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
  }
}

test('the main pages run under the Content-Security-Policy for a pm, an admin and a requestor', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(120_000);
  const plan = await makePrioritisation(world);
  const { cycle, meeting, rosa } = plan;
  const rosasItem = plan.items['Annual plans with a discount at checkout'];

  const pm = await signedInAs(plan.pm);
  const pmViolations = watchCsp(pm);
  await visit(pm, [
    '/',
    '/cycles',
    `/cycles/${cycle.id}`,
    `/cycles/${cycle.id}/items/new`,
    `/cycles/${cycle.id}/schedule`,
    `/cycles/${cycle.id}/changes/new`,
    `/items/${rosasItem.id}`,
    '/requests',
    '/requests/new',
    `/meetings/${meeting.id}`,
    `/meetings/${meeting.id}/preread`,
    `/cycles/${cycle.id}/preread`,
    '/notifications',
    '/settings',
    '/admin',
  ]);
  // The backlog table is built in the browser from the JSON API.
  await pm.goto(`/cycles/${cycle.id}`);
  await expect(pm.getByRole('row', { name: new RegExp(rosasItem.title) })).toBeVisible();
  expect(pmViolations).toEqual([]);

  const admin = await signedInAs('admin');
  const adminViolations = watchCsp(admin);
  await visit(admin, ['/admin', '/admin/outbox', '/admin/settings']);
  expect(adminViolations).toEqual([]);

  const requestor = await signedInAs(rosa);
  const requestorViolations = watchCsp(requestor);
  await visit(requestor, [
    '/',
    '/requests',
    '/requests/new',
    `/items/${rosasItem.id}`,
    '/notifications',
    '/settings',
    '/cycles',
    '/admin',
  ]);
  expect(requestorViolations).toEqual([]);

  // The watch does see a violation: a <style> element without the nonce is refused and reported.
  await requestor.evaluate(() => document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>'));
  await expect.poll(() => requestorViolations.length).toBeGreaterThan(0);
});

test('every response carries the security headers, with a fresh script nonce on each page', async ({
  page,
  signedInAs,
}) => {
  const first = await page.goto('/signin');
  const headers = first!.headers();
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\)/);
  const csp = headers['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toContain('unsafe-eval');
  for (const directive of ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) {
    expect(csp).toContain(directive);
  }
  // Plain http here: no HSTS (a browser would refuse the site over http for two years).
  expect(headers['strict-transport-security']).toBeUndefined();

  // Every script in the server's HTML (Next's own included) carries this response's nonce, and the
  // next response has another one. (Chunks Next loads later are trusted through 'strict-dynamic'.)
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scriptTags = (await first!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await page.goto('/signin');
  expect(/'nonce-([^']+)'/.exec(again!.headers()['content-security-policy'])![1]).not.toBe(nonce);

  // A JSON route and a static file get them too.
  const pm = await signedInAs('pm');
  const api = await pm.request.get('/api/health');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['content-security-policy']).toBeTruthy();
  const chunk = await pm.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const asset = await pm.request.get(chunk!);
  expect(asset.ok()).toBe(true);
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  expect(asset.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
});
