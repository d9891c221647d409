import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createWorld, expect, makeDelivery, makePrioritisation, test } from './fixtures';
import { makeE2eConnection } from './fixtures/sso';
import { makeE2eDelivery, makeE2eWebhook } from './fixtures/webhooks';
import { makeE2eDemo } from './fixtures/demos';
import { makeE2eRoadmapLink } from './fixtures/roadmap';

/**
 * axe (WCAG 2.1 A and AA rules) finds no serious or critical violation on the main pages, in light
 * and in dark (there, the colour rules), for the pm, a leader, an admin and a requestor, and on the
 * meeting both before it starts and live. Each page is checked once it has loaded its data.
 */

type Found = { page: string; scheme: string; rule: string; impact: string; targets: string };

/**
 * Each page is loaded once and checked twice: all WCAG 2.1 A/AA rules in light, then only the colour
 * rules in dark (only colours change with the scheme), so a page costs one load, not two.
 */
async function audit(page: Page, paths: string[]): Promise<Found[]> {
  const found: Found[] = [];
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    // Pages that fetch their rows after loading (the backlog, the schedule) say "Loading…" until then.
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = new AxeBuilder({ page });
      const { violations } = await (
        scheme === 'light'
          ? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          : axe.withRules(['color-contrast', 'link-in-text-block'])
      ).analyze();
      for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        found.push({
          page: path,
          scheme,
          rule: v.id,
          impact: v.impact!,
          targets: v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | '),
        });
    }
  }
  return found;
}

test("the pm's pages have no serious accessibility violation, in light and dark", async ({
  world,
  signedInAs,
  db,
  passwordHash,
}) => {
  test.setTimeout(240_000);
  const plan = await makePrioritisation(world);
  // A second world: the delivery quarter has people of the same names as the prioritisation's.
  const deliveryWorld = createWorld(db, passwordHash);
  const delivery = await makeDelivery(deliveryWorld);
  const { cycle, meeting } = plan;
  const item = plan.items['Annual plans with a discount at checkout'];
  const demo = await makeE2eDemo(db, {
    cycleId: delivery.cycle.id,
    title: deliveryWorld.named('Sprint demo'),
    presenterId: delivery.erik.id,
    createdBy: delivery.pm.id,
    itemIds: Object.values(delivery.items)
      .filter((i) => i.status === 'scheduled')
      .map((i) => i.id),
    inviteeIds: [plan.pm.id],
  });
  // A demo that has taken place, its feedback closed: the page offers to reopen it.
  const pastDemo = await makeE2eDemo(db, {
    cycleId: delivery.cycle.id,
    title: deliveryWorld.named('Past demo'),
    presenterId: delivery.erik.id,
    createdBy: delivery.pm.id,
    itemIds: [delivery.items['Faster checkout page load'].id],
    inviteeIds: [plan.pm.id],
    startsInDays: -10,
    feedbackClosed: true,
  });
  const pm = await signedInAs(plan.pm);
  const found = await audit(pm, [
    '/',
    '/cycles',
    `/cycles/${cycle.id}`,
    `/cycles/${cycle.id}/settings`,
    `/cycles/${cycle.id}/items/new`,
    `/cycles/${cycle.id}/meetings`,
    `/cycles/${cycle.id}/outcome`,
    `/items/${item.id}`,
    `/meetings/${meeting.id}`,
    `/meetings/${meeting.id}/preread`,
    `/cycles/${delivery.cycle.id}/schedule`,
    `/cycles/${delivery.cycle.id}/demos`,
    `/demos/${demo.id}`,
    `/demos/${pastDemo.id}`,
    `/cycles/${delivery.cycle.id}/changes/new`,
    '/changes',
    '/triage',
    '/requests/new',
    '/notifications',
    '/settings',
    '/developers/api',
  ]);
  await deliveryWorld.retire();
  expect(found).toEqual([]);
});

test("the admin's, a requestor's and a link reader's pages have no serious accessibility violation, in light and dark", async ({
  world,
  signedInAs,
  db,
  browser,
}) => {
  test.setTimeout(240_000);
  const plan = await makePrioritisation(world);
  const samlConnection = () =>
    makeE2eConnection(db, {
      protocol: 'saml',
      domain: `a11y-saml-${world.tag}.example`,
      config: { idpEntityId: 'https://idp.example/', idpSsoUrl: 'https://idp.example/sso', idpCertificates: [] },
    });
  const webhookWithDelivery = async () => {
    const hook = await makeE2eWebhook(db);
    await makeE2eDelivery(db, hook.id);
    return hook;
  };
  const oidcConnection = () =>
    makeE2eConnection(db, {
      protocol: 'oidc',
      domain: `a11y-oidc-${world.tag}.example`,
      config: { issuer: 'https://idp.example/', clientId: 'x' },
      clientSecret: 'x',
    });
  const item = plan.items['Annual plans with a discount at checkout'];
  const ada = await world.person('admin');
  const admin = await signedInAs(ada);
  const found = await audit(admin, [
    '/admin',
    '/admin/directory',
    '/admin/audit',
    '/admin/outbox',
    '/admin/settings',
    '/admin/sign-in',
    `/admin/sign-in/${(await samlConnection()).id}`,
    `/admin/sign-in/${(await oidcConnection()).id}`,
    '/admin/webhooks',
    `/admin/webhooks/${(await webhookWithDelivery()).id}`,
    '/admin/roadmap-links',
  ]);
  const requestor = await signedInAs(plan.rosa);
  found.push(
    ...(await audit(requestor, [
      '/requests',
      `/requests/${item.id}`,
      '/roadmap',
      '/roadmap?view=timeline',
      '/roadmap?view=shipped',
      '/roadmap/changelog',
    ])),
  );
  // A read-only link, opened without an account.
  const link = await makeE2eRoadmapLink(world, ada);
  const visitor = await browser.newContext();
  found.push(...(await audit(await visitor.newPage(), [`/share/${link.token}`])));
  await visitor.close();
  expect(found).toEqual([]);
});

test("a leader's pages and the live meeting have no serious accessibility violation, in light and dark", async ({
  world,
  signedInAs,
}) => {
  test.setTimeout(240_000);
  const plan = await makePrioritisation(world);
  const { meeting } = plan;
  // A leader votes and reads on the meeting's pages: before it starts, and live (after the pm starts it).
  const leader = await signedInAs(plan.leaders.Sales);
  const meetingPages = [`/meetings/${meeting.id}`, `/meetings/${meeting.id}/preread`];
  const found = await audit(leader, ['/', ...meetingPages]);
  const pm = await signedInAs(plan.pm);
  await pm.goto(`/meetings/${meeting.id}`);
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByRole('checkbox', { name: 'Start anyway' }).check(); // weeks early
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(pm.getByTestId('meeting-status')).toHaveText('Live');
  found.push(...(await audit(pm, [`/meetings/${meeting.id}`])));
  found.push(...(await audit(leader, [`/meetings/${meeting.id}`])));
  expect(found).toEqual([]);
});
