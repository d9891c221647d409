import { type Browser } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { PASSWORD, expect, makeQuarter, planMeeting, signIn, test } from './fixtures';
import { linkIn, mailbox } from './mailbox';

// The tests use the one test SMTP server, and the last takes it down: run them one after the other.
test.describe.configure({ mode: 'serial' });

const ITEM = 'SAML single sign-on'; // Rosa Requestor asked for it and is its SME

async function newUserPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('the pm distributes the pre-read; the leader follows the e-mail, asks; the SME answers; the pm sees the receipt', async ({
  browser,
  world,
}) => {
  const quarter = await makeQuarter(world);
  const {
    rosa,
    leaders: { Sales: liam },
  } = quarter;
  const priya = await world.person('pm');
  const pm = await newUserPage(browser);
  await signIn(pm.page, priya);
  const title = `Q1 prioritisation ${Date.now()}`;
  const meetingId = await planMeeting(pm.page, {
    cycle: quarter.cycle,
    title,
    facilitator: priya,
    attendee: liam,
    item: quarter.items[ITEM],
  });

  // An empty agenda could not be sent; this one can, and the e-mail arrives at the real SMTP server.
  await pm.page.getByRole('button', { name: 'Distribute the pre-read' }).click();
  await expect(pm.page.getByText(/^Sent on /)).toBeVisible();
  const mail = await mailbox.waitFor(liam.email, new RegExp(`\\[Quorum · ${quarter.cycle.name}\\] Pre-read: ${title}`));
  expect(mail.text).toContain('UTC');
  expect(mail.html).toContain('<a href=');
  expect(mail.ics).toContain('BEGIN:VEVENT');
  const link = linkIn(mail, BASE_URL);
  expect(link).toBe(`${BASE_URL}/meetings/${meetingId}/preread`);

  // The leader follows the link, signs in, and lands on the pre-read.
  const leader = await newUserPage(browser);
  await leader.page.goto(link);
  await leader.page.getByLabel('E-mail').fill(liam.email);
  await leader.page.getByLabel('Password').fill(PASSWORD);
  await leader.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(leader.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const article = leader.page.getByRole('article', { name: ITEM });
  await expect(article.getByText(quarter.modules.Identity.name)).toBeVisible();

  const question = 'Does this cover <script>alert(1)</script> Okta and Entra ID?';
  await article.getByRole('button', { name: 'Ask a question', exact: true }).click();
  await expect(article.getByLabel('Your question')).toBeFocused();
  await article.getByLabel('Your question').fill(question);
  await article.getByRole('button', { name: 'Ask question' }).click();
  await expect(article.getByText(question)).toBeVisible(); // shown as text, never run as HTML

  // The SME is told, by e-mail too, and answers from another browser.
  await mailbox.waitFor(rosa.email, /Question/i);
  const sme = await newUserPage(browser);
  await signIn(sme.page, rosa);
  await sme.page.goto(`/meetings/${meetingId}/preread`);
  const smeArticle = sme.page.getByRole('article', { name: ITEM });
  await smeArticle.getByLabel('Your answer').fill('Yes: any SAML 2.0 provider, Okta and Entra ID included.');
  await smeArticle.getByRole('button', { name: 'Answer' }).click();
  await expect(smeArticle.getByText('Your answer was posted.')).toBeVisible();

  // The leader sees the answer (and a notification about it).
  await leader.page.reload();
  await expect(
    leader.page
      .getByRole('article', { name: ITEM })
      .getByText('Yes: any SAML 2.0 provider, Okta and Entra ID included.'),
  ).toBeVisible();
  await expect(leader.page.getByRole('link', { name: /Notifications, \d+ unread/ })).toBeVisible();

  // The pm sees who has read it.
  await pm.page.reload();
  await expect(pm.page.getByRole('list', { name: 'Have read it' }).getByText(liam.name)).toBeVisible();

  // Distributing twice is not offered; a change afterwards goes out as an update.
  await pm.page.goto(`/meetings/${meetingId}`);
  await expect(pm.page.getByRole('button', { name: 'Distribute the pre-read' })).toHaveCount(0);
  await pm.page.getByRole('button', { name: 'Send an update' }).click();
  await expect(pm.page.getByText('Nothing has changed since the pre-read.')).toBeVisible();
  const itemId = Number(
    (await leader.page.getByRole('article', { name: ITEM }).getAttribute('id'))!.replace('item-', ''),
  );
  await pm.page.goto(`/items/${itemId}/edit`);
  await pm.page.getByLabel('Estimate').fill('XL');
  await pm.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(pm.page.getByText('Changes saved.')).toBeVisible();
  await leader.page.reload();
  const changed = leader.page
    .getByRole('article', { name: ITEM })
    .getByRole('note', { name: 'Changed since the pre-read' });
  await expect(changed).toContainText('Estimate: L → XL');
  await pm.page.goto(`/meetings/${meetingId}`);
  await pm.page.getByRole('button', { name: 'Send an update' }).click();
  await expect(pm.page.getByText(/Update sent on/)).toBeVisible();
  await mailbox.waitFor(liam.email, new RegExp(`Pre-read updated: ${title}`));
  await leader.page.reload();
  await expect(leader.page.getByRole('region', { name: 'Updates since the pre-read' })).toContainText(
    /Updated on .*XL/,
  );

  // Printed, the pre-read is a plain document: no app chrome, no forms or buttons.
  await leader.page.emulateMedia({ media: 'print' });
  await expect(leader.page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(leader.page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(leader.page.getByRole('article', { name: ITEM })).toBeVisible();
  for (const ctx of [pm, leader, sme]) await ctx.context.close();
});

test('a non-attendee gets the 403 page on the pre-read', async ({ browser, world }) => {
  const quarter = await makeQuarter(world);
  const priya = await world.person('pm');
  const pm = await newUserPage(browser);
  await signIn(pm.page, priya);
  const meetingId = await planMeeting(pm.page, {
    cycle: quarter.cycle,
    title: `Closed door ${Date.now()}`,
    facilitator: priya,
    attendee: quarter.leaders.Sales,
    item: quarter.items['Usage-based pricing tier'],
  });
  const other = await newUserPage(browser);
  await signIn(other.page, await world.person('engineer'));
  await other.page.goto(`/meetings/${meetingId}/preread`);
  await expect(other.page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  for (const ctx of [pm, other]) await ctx.context.close();
});

test('mail sent while the SMTP server is down goes out once it is back, exactly once', async ({ browser, world }) => {
  const quarter = await makeQuarter(world);
  const priya = await world.person('pm');
  const ada = await world.person('admin');
  const pm = await newUserPage(browser);
  await signIn(pm.page, priya);
  const title = `Outage drill ${Date.now()}`;
  const to = quarter.leaders.Finance.email;
  await planMeeting(pm.page, {
    cycle: quarter.cycle,
    title,
    facilitator: priya,
    attendee: quarter.leaders.Finance,
    item: quarter.items['Revenue dashboard by segment'],
  });

  await mailbox.stop();
  try {
    await pm.page.getByRole('button', { name: 'Distribute the pre-read' }).click();
    await expect(pm.page.getByText(/^Sent on /)).toBeVisible();

    // The admin sees the mail waiting, with the connection error.
    const admin = await newUserPage(browser);
    await signIn(admin.page, ada);
    await expect
      .poll(
        async () => {
          await admin.page.goto('/admin/outbox?status=pending');
          return admin.page
            .getByRole('row', { name: new RegExp(title) })
            .getByText(/ECONNREFUSED|connect/i)
            .count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    expect(await mailbox.list(to).then((m) => m.filter((x) => x.subject.includes(title)).length)).toBe(0);
    await admin.context.close();
  } finally {
    await mailbox.start();
  }

  await mailbox.waitFor(to, new RegExp(title), 60_000);
  // Once the outbox row is marked sent, nothing can send it again: then count what arrived.
  const admin = await newUserPage(browser);
  await signIn(admin.page, ada);
  await expect
    .poll(
      async () => {
        await admin.page.goto('/admin/outbox?status=sent');
        return admin.page.getByRole('row', { name: new RegExp(title) }).count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  expect((await mailbox.list(to)).filter((m) => m.subject.includes(title))).toHaveLength(1);
  for (const ctx of [pm, admin]) await ctx.context.close();
});
