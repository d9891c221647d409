import { type Page } from '@playwright/test';
import { makeItem, makeScheduleEntry, makeSchedulePeriod } from '../db/factories';
import { keyBetween } from '../lib/ranking/fractional-index';
import { expect, makeDelivery, test, type World } from './fixtures';

/**
 * What made first-time users of change requests stop: the raise form proposed a period that had
 * already ended; going over capacity showed only as red text; a dissent could only be answered by
 * declining and raising again. Each is done here as a person does it.
 */

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** A published cycle around today: a sprint that has ended, the current one (4 weeks, 3 taken), the next one. */
function cycleAroundToday(world: World) {
  return world.batch(async () => {
    const leader = await world.person('leader');
    const cycle = await world.cycle({ startsOn: day(-40), endsOn: day(40), capacityWeeks: 12, status: 'published' });
    const period = (name: string, from: number, to: number) =>
      makeSchedulePeriod(world.db, cycle.id, { name, startsOn: day(from), endsOn: day(to), capacityWeeks: 4 });
    const periods = { ended: await period('Ended sprint', -40, -11), current: await period('Current sprint', -10, 10) };
    await period('Next sprint', 11, 40);
    const existing = await makeItem(world.db, {
      cycleId: cycle.id,
      title: 'Existing work',
      estimateWeeks: 3,
      status: 'scheduled',
      rank: keyBetween(null, null),
      requestorId: leader.id,
      departmentId: leader.departmentId,
    });
    await makeScheduleEntry(world.db, { itemId: existing.id, periodId: periods.current.id });
    return { leader, cycle, periods };
  });
}

test('a new change request targets the current period; going over capacity must be confirmed, and is recorded', async ({
  signedInAs,
  world,
}) => {
  const { leader, cycle } = await cycleAroundToday(world);
  const page = await signedInAs(leader);
  await page.goto(`/cycles/${cycle.id}/changes`);
  await page.getByRole('link', { name: 'Raise a change request' }).click();

  // The default is the sprint we are in, not the first one (which has ended, and says so).
  const target = page.getByLabel('Target period');
  await expect(target.locator('option:checked')).toHaveText('Current sprint');
  await expect(target.getByRole('option', { name: 'Ended sprint (ended)' })).toBeAttached();

  await page.getByLabel('Title').fill('Card payment outage fix');
  await page.getByLabel('Estimate').fill('2');
  await page.getByLabel('Why now').fill('Five per cent of card payments fail since Monday.');
  // Two more weeks in a sprint holding 3 of 4: the form says by how much and asks to confirm it.
  const confirm = page.getByRole('checkbox', {
    name: 'I confirm going over capacity: Current sprint by 1 person-week (5 of 4)',
  });
  await expect(confirm).toBeVisible();
  await expect(confirm).not.toBeChecked();

  // Without the tick the server refuses, naming the box.
  await page.getByRole('button', { name: 'Raise change request' }).click();
  await expect(page.getByText(/Tick "I confirm going over capacity" to go ahead anyway\./)).toBeVisible();
  await expect(page).toHaveURL(/\/changes\/new$/);
  await expect(page.getByLabel('Title')).toHaveValue('Card payment outage fix');

  await confirm.check();
  await page.getByRole('button', { name: 'Raise change request' }).click();
  await expect(page).toHaveURL(/\/changes\/\d+\?raised=1$/);
  // The confirmation is kept with the request: on it, and in its history.
  await expect(page.getByRole('region', { name: 'The request' })).toContainText(
    `Over capacity: Current sprint by 1 person-week (5 of 4) — confirmed by ${leader.name}`,
  );
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'confirming it goes over capacity: Current sprint by 1 person-week (5 of 4)',
  );
});

/** Convenes a live session for the named leaders only. */
async function convene(pm: Page, leaders: string[]) {
  await pm.getByRole('radio', { name: 'Live' }).check();
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
  await expect(page.getByText(/^Response sent\./)).toBeVisible();
}

/** Whether the inbox still offers to mark the notification read, i.e. it is unread. */
const markRead = (page: Page, title: string) => page.getByRole('form', { name: `Mark read: ${title}` });

test('after a dissent the raiser amends the request: the leaders are asked again and round 1 stays on record', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(120_000);
  const delivery = await makeDelivery(world);
  const { sales: liam, finance: fatima } = delivery;
  const sales = await signedInAs(liam);
  await sales.goto(`/cycles/${delivery.cycle.id}/changes/new`);
  await sales.getByRole('radio', { name: 'A deferred item' }).check();
  await sales.getByLabel('Which item comes in').selectOption({ label: `Gift cards (${delivery.cycle.name})` });
  await sales.getByLabel('Target period').selectOption({ label: 'November' });
  await sales.getByLabel('Why now').fill('The holiday season starts early this year.');
  await expect(
    sales.getByRole('region', { name: 'Effect of this change' }).getByRole('list', { name: 'New order' }),
  ).toContainText('Gift cards');
  await sales.getByRole('button', { name: 'Raise change request' }).click();
  await expect(sales).toHaveURL(/\/changes\/\d+\?raised=1$/);
  const url = new URL(sales.url()).pathname;

  const pm = await signedInAs(delivery.pm);
  await pm.goto(url);
  await convene(pm, [fatima.name, delivery.ops.name]);

  const finance = await signedInAs(fatima);
  await finance.goto('/notifications');
  await expect(markRead(finance, 'Emergency session: "Gift cards"')).toBeVisible();
  await finance.goto(url);
  await respond(finance, 'Dissent', 'Not in November: it is promised to the key accounts.');
  // Responding was what the invitation asked: it is no longer unread.
  await finance.goto('/notifications');
  await expect(finance.getByRole('link', { name: 'Emergency session: "Gift cards"' })).toBeVisible();
  await expect(markRead(finance, 'Emergency session: "Gift cards"')).toHaveCount(0);

  // The raiser answers the dissent by amending, instead of having the request declined.
  await expect(sales.getByRole('heading', { name: 'Answer the dissent' })).toBeVisible();
  await sales.getByRole('link', { name: 'Amend the request' }).click();
  await expect(sales.getByRole('heading', { name: 'Amend “Gift cards”' })).toBeVisible();
  await expect(sales.getByLabel('Target period').locator('option:checked')).toHaveText('November');
  await expect(sales.getByLabel('Why now')).toHaveValue('The holiday season starts early this year.');
  await sales.getByLabel('Target period').selectOption({ label: 'December' });
  await sales.getByLabel('Why now').fill('The holiday season starts early; December still catches it.');
  // December holds 9 of 10: the amended request goes over capacity, and that is confirmed too.
  await sales.getByRole('checkbox', { name: /^I confirm going over capacity: December by 2 person-weeks/ }).check();
  await sales.getByRole('button', { name: 'Amend and ask again' }).click();

  await expect(sales).toHaveURL(/\?amended=1$/);
  await expect(sales.getByText('Change request amended. Round 2 is open')).toBeVisible();
  await expect(sales.getByRole('region', { name: 'The request' })).toContainText('in December');
  const earlier = sales.getByRole('region', { name: 'Earlier rounds' });
  await expect(earlier.getByRole('list', { name: 'Responses in round 1' })).toContainText(
    `${fatima.name}: Dissent — “Not in November: it is promised to the key accounts.”`,
  );
  await expect(sales.getByRole('region', { name: 'History' })).toContainText(
    'amended the request after a dissent and opened round 2',
  );

  // The leaders are asked again, and this round counts on its own.
  await finance.goto('/notifications');
  await expect(markRead(finance, 'Change request amended: "Gift cards"')).toBeVisible();
  await finance.goto(url);
  await expect(
    finance.getByRole('table', { name: 'Invited leaders and their responses' }).getByRole('row', { name: /Fatima/ }),
  ).toContainText('No response yet');
  await respond(finance, 'Assent', 'December works.');
  await expect(pm.getByRole('cell', { name: 'December works.' })).toBeVisible();
  await finance.goto('/notifications');
  await expect(markRead(finance, 'Change request amended: "Gift cards"')).toHaveCount(0);
});

test('the schedule marks the rows an approved change moved, until it is published again', async ({
  signedInAs,
  world,
}) => {
  const delivery = await makeDelivery(world);
  const giftCards = delivery.items['Gift cards'];
  const later = delivery.items['Partner API rate limits'];
  const pmPage = await signedInAs(delivery.pm);
  const cycleId = delivery.cycle.id;
  await pmPage.goto(`/cycles/${cycleId}/schedule`);
  // The schedule as announced: published once, nothing marked.
  await pmPage.getByRole('button', { name: 'Publish the schedule…' }).click();
  await pmPage.getByRole('button', { name: 'Yes, publish the schedule' }).click();
  await expect(pmPage.getByText(/Schedule published/)).toBeVisible();
  await expect(pmPage.getByText(/Came in with|Moved later by/)).toHaveCount(0);

  // A change request is raised, decided and approved (through the pages, as the other specs do).
  const sales = await signedInAs(delivery.sales);
  await sales.goto(`/cycles/${cycleId}/changes/new`);
  await sales.getByRole('radio', { name: 'A deferred item' }).check();
  await sales.getByLabel('Which item comes in').selectOption({ label: `Gift cards (${delivery.cycle.name})` });
  await sales.getByLabel('Target period').selectOption({ label: 'November' });
  await sales.getByLabel(`Change for ${later.title}`).selectOption({ label: 'Move later' });
  await sales.getByLabel(`Later period for ${later.title}`).selectOption({ label: 'December' });
  await sales.getByLabel('Why now').fill('The holiday season starts early this year.');
  await sales.getByRole('button', { name: 'Raise change request' }).click();
  await expect(sales).toHaveURL(/\/changes\/\d+\?raised=1$/);
  const changeId = Number(new URL(sales.url()).pathname.split('/')[2]);
  await pmPage.goto(`/changes/${changeId}`);
  await convene(pmPage, [delivery.finance.name]);
  const finance = await signedInAs(delivery.finance);
  await finance.goto(`/changes/${changeId}`);
  await respond(finance, 'Assent');
  await pmPage.getByRole('button', { name: 'Close the session' }).click();
  await pmPage.getByRole('button', { name: 'Approve' }).click();
  await expect(pmPage.getByText(/Approved: the rule was met/)).toBeVisible();

  // On the schedule: both moved rows say what moved them, with a link to the request.
  await pmPage.goto(`/cycles/${cycleId}/schedule`);
  await expect(
    pmPage.getByText(/2 rows were moved by an approved change request since the schedule was last published/),
  ).toBeVisible();
  const table = pmPage.getByRole('table', { name: 'Schedule items in rank order' });
  const giftRow = table.getByRole('row').filter({ hasText: giftCards.title });
  await expect(giftRow).toContainText(`Came in with change request #${changeId}`);
  await expect(giftRow.getByRole('link', { name: `change request #${changeId}` })).toHaveAttribute(
    'href',
    `/changes/${changeId}`,
  );
  await expect(table.getByRole('row').filter({ hasText: later.title })).toContainText(
    `Moved later by change request #${changeId}`,
  );
  await expect(table.getByRole('row').filter({ hasText: 'Order history search' })).not.toContainText(
    /Came in|Moved later/,
  );

  // A requestor sees the marks too, without a link to a request they may not open.
  const rosa = await signedInAs(delivery.rosa);
  await rosa.goto(`/cycles/${cycleId}/schedule`);
  await expect(rosa.getByText(`Moved later by change request #${changeId}`)).toBeVisible();
  await expect(rosa.getByRole('link', { name: `change request #${changeId}` })).toHaveCount(0);

  // Publishing announces the moves; the marks go.
  await pmPage.getByRole('button', { name: 'Publish the schedule…' }).click();
  await pmPage.getByRole('button', { name: 'Yes, publish the schedule' }).click();
  await expect(pmPage.getByText(/Schedule published/)).toBeVisible();
  await expect(pmPage.getByText(/Came in with|Moved later by/)).toHaveCount(0);
});
