import { type Page } from '@playwright/test';
import { createWorld, expect, makePrioritisation, openCycle, openTestDatabase, test } from './fixtures';
import { currentTitle, decide, rankingRows, vote } from './meeting-steps';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * A live meeting survives a crash of the server. The test runs its own server (e2e/own-server.ts:
 * own port, own database, no demo) so it can kill it without disturbing the shared one, and writes
 * its prioritisation meeting into that database. The pm facilitates, the Sales leader votes; the
 * server is killed with SIGKILL mid-meeting and started again on the same database. Neither page
 * reloads: both show the lost connection, come back by themselves, still show everything, and the
 * meeting goes on.
 */

test.describe.configure({ mode: 'serial' });

const ITEMS = {
  darkMode: 'Dark mode for the admin console',
  annualPlans: 'Annual plans with a discount at checkout',
};
const REJECTED = /^Decision: Rejected — Reason: The billing rewrite comes first/;

let server: OwnServer | undefined;
let database: Awaited<ReturnType<typeof openTestDatabase>> | undefined;

test.afterAll(async () => {
  await database?.close();
  await server?.stop();
});

/** The live-connection indicator: "Live updates on", "Connection lost — reconnecting…", … */
const connection = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /^(Connecting to live updates…|Live updates on|Connection lost — reconnecting…)$/ });
const agendaEntry = (page: Page, title: string) =>
  page.getByRole('navigation', { name: 'Agenda' }).getByRole('listitem').filter({ hasText: title });
const whoVoted = (page: Page) => page.getByRole('list', { name: 'Who voted what' });

/** The ranking holds item 1, the only accepted item, and nothing else. */
async function expectRanking(page: Page) {
  await expect(rankingRows(page)).toHaveCount(1);
  await expect(rankingRows(page).first()).toHaveAccessibleName(ITEMS.darkMode);
}

/** Marks the document, so the test can tell later that the page was not reloaded meanwhile. */
const markDocument = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test('a live meeting survives a server crash: both pages reconnect by themselves and lose nothing', async ({
  passwordHash,
  signedInAs,
}) => {
  test.setTimeout(120_000);
  server = await startOwnServer({ demo: false });
  const { baseURL } = server;
  database = openTestDatabase(server.databasePath);
  const scene = await makePrioritisation(createWorld(database.db, passwordHash));
  expect(scene.agenda.slice(0, 2)).toEqual([ITEMS.darkMode, ITEMS.annualPlans]);
  const liam = scene.leaders.Sales;
  const SALES_ACCEPT = `${liam.name} (${liam.departmentName}): Accept — “Ship it this quarter”`;
  const SALES_REJECT = `${liam.name} (${liam.departmentName}): Reject — “Wait for the billing rewrite”`;

  // Uncaught errors in either page would be a bug, whatever the connection does.
  const pageErrors: string[] = [];
  const pm = await signedInAs(scene.pm, { baseURL });
  const sales = await signedInAs(liam, { baseURL });
  for (const [who, page] of [
    ['pm', pm],
    ['sales', sales],
  ] as const)
    page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));

  await openCycle(pm, scene.cycle);
  await pm.getByRole('link', { name: 'Meetings' }).click();
  await pm.getByRole('link', { name: scene.meeting.title }).click();
  const meetingId = scene.meeting.id;
  await expect(pm).toHaveURL(`${baseURL}/meetings/${meetingId}`);
  await sales.goto(`/meetings/${meetingId}`);
  for (const page of [pm, sales]) await expect(connection(page)).toHaveText('Live updates on');
  await expect(sales.getByText('The meeting has not started yet.')).toBeVisible();

  // Start with the defaults (votes shown as they arrive); item 1: an Accept with a comment, decided.
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByRole('checkbox', { name: 'Start anyway' }).check(); // no pre-read, two weeks early
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  for (const page of [pm, sales]) {
    await expect(page.getByTestId('meeting-status')).toHaveText('Live');
    await expect(currentTitle(page)).toHaveText(ITEMS.darkMode);
  }
  await vote(sales, 'Accept', 'Ship it this quarter');
  await expect(whoVoted(pm)).toContainText(SALES_ACCEPT);
  await decide(pm, 'Accepted');
  await expect(sales.getByText(/^Decision: Accepted/)).toBeVisible();

  // Item 2: the leader rejects; the facilitator sees the vote live.
  await pm.getByRole('button', { name: 'Next item →' }).click();
  await expect(currentTitle(sales)).toHaveText(ITEMS.annualPlans);
  await vote(sales, 'Reject', 'Wait for the billing rewrite');
  await expect(whoVoted(pm)).toContainText(SALES_REJECT);
  await expect(whoVoted(sales)).toContainText(SALES_REJECT);

  // The crash: SIGKILL, no goodbye. While nothing answers, both pages say the connection is lost…
  for (const page of [pm, sales]) await markDocument(page);
  const crashedAt = Date.now();
  let restartedAt = 0;
  await server.restart('SIGKILL', async () => {
    for (const page of [pm, sales]) await expect(connection(page)).toHaveText('Connection lost — reconnecting…');
    restartedAt = Date.now();
  });
  // …and once it is back (same port, same database), they reconnect by themselves, without a reload.
  for (const page of [pm, sales]) await expect(connection(page)).toHaveText('Live updates on', { timeout: 20_000 });
  test.info().annotations.push({
    type: 'reconnect',
    description: `down ${restartedAt - crashedAt} ms; both pages live again ${Date.now() - restartedAt} ms after the restart began`,
  });
  for (const page of [pm, sales]) {
    expect(await sameDocument(page), 'the page was not reloaded').toBe(true);
    await expect(page.getByTestId('meeting-status')).toHaveText('Live');
    await expect(currentTitle(page)).toHaveText(ITEMS.annualPlans);
    await expect(agendaEntry(page, ITEMS.annualPlans)).toHaveAttribute('aria-current', 'step');
    await expect(agendaEntry(page, ITEMS.darkMode)).toContainText('Accepted');
    await expect(whoVoted(page)).toContainText(SALES_REJECT);
    await expectRanking(page);
  }
  await expect(sales.getByText('You voted Reject.')).toBeVisible();

  // The meeting goes on, on the new server: the decision on item 2 reaches the leader live.
  await expect(pm.getByRole('button', { name: 'Reveal votes' })).toHaveCount(0); // votes are shown as they arrive
  await decide(pm, 'Rejected', 'The billing rewrite comes first');
  await expect(pm.getByText(REJECTED)).toBeVisible();
  await expect(sales.getByText(REJECTED)).toBeVisible();
  await expect(agendaEntry(sales, ITEMS.annualPlans)).toContainText('Rejected');
  expect(await sameDocument(sales), 'the leader saw the decision without a reload').toBe(true);

  // Reloaded from the restarted server's database: nothing was lost.
  for (const page of [pm, sales]) {
    await page.reload();
    await expect(connection(page)).toHaveText('Live updates on');
    await expect(page.getByTestId('meeting-status')).toHaveText('Live');
    await expect(currentTitle(page)).toHaveText(ITEMS.annualPlans);
    await expect(page.getByText(REJECTED)).toBeVisible();
    await expect(whoVoted(page)).toContainText(SALES_REJECT);
    await expect(agendaEntry(page, ITEMS.darkMode)).toContainText('Accepted');
    await expect(agendaEntry(page, ITEMS.annualPlans)).toContainText('Rejected');
    await expectRanking(page);
  }
  await expect(sales.getByText('You voted Reject.')).toBeVisible();

  // Item 1's vote and its comment are still there too: back to it, both pages follow live.
  await pm.getByLabel('Jump to').selectOption({ label: `1. ${ITEMS.darkMode}` });
  await pm.getByRole('button', { name: 'Go', exact: true }).click();
  for (const page of [pm, sales]) {
    await expect(currentTitle(page)).toHaveText(ITEMS.darkMode);
    await expect(page.getByText(/^Decision: Accepted/)).toBeVisible();
    await expect(whoVoted(page)).toContainText(SALES_ACCEPT);
  }
  await expect(sales.getByText('You voted Accept.')).toBeVisible();

  expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
});
