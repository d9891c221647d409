import { type Page } from '@playwright/test';
import { expect, makeDelivery, openCycle, test, type Delivery } from './fixtures';

/**
 * Emergency re-prioritisation on a quarter in delivery (the shape of the demo's 2026-Q4): a change
 * request raised with its effect shown first, then an asynchronous session (three leaders in their
 * own contexts, approved once the rule is met) and a live one (three contexts, nobody reloads).
 */

const DISPLACED = 'Order history search'; // requested by Rosa Requestor

async function openChanges(page: Page, delivery: Delivery) {
  await openCycle(page, delivery.cycle);
  await page.getByRole('main').getByRole('link', { name: 'Change requests' }).click();
  await expect(page.getByRole('heading', { name: /change requests/i })).toBeVisible();
}

/** Convenes the session for the named leaders only (all active leaders are ticked by default). */
async function convene(pm: Page, mode: 'Live' | 'Asynchronous', leaders: string[]) {
  await pm.getByRole('radio', { name: mode }).check();
  const invite = pm.getByRole('group', { name: 'Invite leaders' });
  for (const box of await invite.getByRole('checkbox').all()) await box.uncheck();
  for (const name of leaders) await invite.getByRole('checkbox', { name }).check();
  await pm.getByRole('button', { name: 'Convene session' }).click();
  await expect(pm.getByText('Invited leaders and their responses')).toBeVisible();
}

async function respond(page: Page, response: 'Assent' | 'Dissent', comment = '') {
  await page.getByRole('radio', { name: response }).check();
  if (comment) await page.getByLabel('Comment').fill(comment);
  await page.getByRole('button', { name: 'Send response' }).click();
}

test('a leader raises a change with its effect shown first; an asynchronous session with assent and dissent; the pm approves', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(120_000);
  const delivery = await makeDelivery(world);
  const sales = await signedInAs(delivery.sales);
  await openChanges(sales, delivery);
  await sales.getByRole('link', { name: 'Raise a change request' }).click();
  await sales.getByRole('radio', { name: 'A new item' }).check();
  await sales.getByLabel('Title').fill('Card payment outage fix');
  await sales.getByLabel('Estimate').fill('2');
  await sales.getByLabel('Position').selectOption({ label: `Before ${DISPLACED}` });
  await sales.getByLabel('Target period').selectOption({ label: 'November' });
  await sales.getByLabel(`Change for ${DISPLACED}`).selectOption({ label: 'Move out' });
  await sales.getByLabel('Why now').fill('Five per cent of card payments fail since Monday.');
  await sales.getByLabel('Urgency').selectOption({ label: 'Critical' });
  // The effect, before anything is submitted: the new order with the incoming item in it.
  const effect = sales.getByRole('region', { name: 'Effect of this change' });
  await expect(effect.getByRole('list', { name: 'New order' })).toContainText('Card payment outage fix');
  await expect(effect).toContainText('November');
  await sales.getByRole('button', { name: 'Raise change request' }).click();
  await expect(sales).toHaveURL(/\/changes\/\d+(\?|$)/);
  const url = new URL(sales.url()).pathname;

  const pm = await signedInAs(delivery.pm);
  await pm.goto(url);
  await convene(pm, 'Asynchronous', [delivery.sales.name, delivery.finance.name, delivery.ops.name]);

  // The raiser's open page offers the response form without a reload.
  await expect(sales.getByRole('heading', { name: 'Your response' })).toBeVisible();
  await respond(sales, 'Assent');
  await expect(sales.getByText('Response sent.')).toBeVisible();

  const finance = await signedInAs(delivery.finance);
  await finance.goto('/notifications');
  await expect(finance.getByText(/emergency session/i).first()).toBeVisible();
  await finance.goto(url);
  await respond(finance, 'Dissent');
  await expect(finance.getByText('Say why you dissent.').first()).toBeVisible();
  await respond(finance, 'Dissent', 'Order search is promised to a key account.');
  await expect(finance.getByText('Response sent.')).toBeVisible();

  // The pm saw the responses arrive; one assent and one dissent is no majority yet.
  await expect(pm.getByRole('cell', { name: 'Order search is promised to a key account.' })).toBeVisible();
  // The verdict names the rule once: "The rule is not met: why. counts", never "…not met. Rule not met: …".
  await expect(pm.getByText(/^The rule is not met: /)).toBeVisible();
  await expect(pm.getByText(/Rule not met/)).toHaveCount(0);
  await expect(pm.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  const ops = await signedInAs(delivery.ops);
  await ops.goto(url);
  await respond(ops, 'Assent');
  await expect(pm.getByText(/^The rule is met\./)).toBeVisible();
  await pm.getByRole('button', { name: 'Approve' }).click();
  await expect(pm.getByText(/Approved: the rule was met/)).toBeVisible();
  await expect(finance.getByText(/Approved: the rule was met/)).toBeVisible();

  // The schedule has the new item in, the displaced one out; its requestor is told why.
  await openCycle(pm, delivery.cycle);
  await pm.getByRole('link', { name: 'Schedule' }).click();
  await expect(pm.getByRole('button', { name: 'Questions on Card payment outage fix' })).toBeVisible();
  await expect(pm.getByRole('button', { name: `Questions on ${DISPLACED}` })).toHaveCount(0);

  const rosa = await signedInAs(delivery.rosa);
  await rosa.goto('/notifications');
  await expect(rosa.getByText(DISPLACED).first()).toBeVisible();
  await expect(rosa.getByText(/Five per cent of card payments fail since Monday/).first()).toBeVisible();
});

test('a live emergency session: responses and the decision reach every screen without a reload', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(120_000);
  const delivery = await makeDelivery(world);
  const pm = await signedInAs(delivery.pm);
  await openChanges(pm, delivery);
  await pm.getByRole('link', { name: 'Raise a change request' }).click();
  await pm.getByRole('radio', { name: 'A deferred item' }).check();
  await pm.getByLabel('Which item comes in').selectOption({ label: `Gift cards (${delivery.cycle.name})` });
  await pm.getByLabel('Target period').selectOption({ label: 'December' });
  await pm.getByLabel('Change for Two-factor sign-in for admins').selectOption({ label: 'Move later' });
  await pm.getByLabel('Later period for Two-factor sign-in for admins').selectOption({ label: 'November' });
  await pm.getByLabel('Why now').fill('The holiday season starts early this year.');
  await expect(
    pm.getByRole('region', { name: 'Effect of this change' }).getByRole('list', { name: 'New order' }),
  ).toContainText('Gift cards');
  // Gift cards (3 weeks) take December to 12 of its 10 person-weeks: going over is confirmed explicitly.
  await pm.getByRole('checkbox', { name: /^I confirm going over capacity: December by 2 person-weeks/ }).check();
  await pm.getByRole('button', { name: 'Raise change request' }).click();
  await expect(pm).toHaveURL(/\/changes\/\d+(\?|$)/);
  const url = new URL(pm.url()).pathname;

  const sales = await signedInAs(delivery.sales);
  const finance = await signedInAs(delivery.finance);
  await sales.goto(url);
  await finance.goto(url);
  await convene(pm, 'Live', [delivery.sales.name, delivery.finance.name]);
  for (const page of [sales, finance]) await expect(page.getByRole('heading', { name: 'Your response' })).toBeVisible();

  await respond(sales, 'Assent', 'Gift cards pay for themselves in December.');
  await expect(finance.getByRole('cell', { name: 'Gift cards pay for themselves in December.' })).toBeVisible();
  await expect(pm.getByRole('cell', { name: 'Gift cards pay for themselves in December.' })).toBeVisible();
  await respond(finance, 'Assent');
  await expect(pm.getByText(/^The rule is met\./)).toBeVisible();
  await expect(sales.getByText(/^The rule is met\./)).toBeVisible();

  await pm.getByRole('button', { name: 'Close the session' }).click();
  await pm.getByRole('button', { name: 'Approve' }).click();
  for (const page of [pm, sales, finance]) await expect(page.getByText(/Approved: the rule was met/)).toBeVisible();
});
