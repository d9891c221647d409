import { type Page } from '@playwright/test';
import { expect, makePrioritisation, openCycle, test } from './fixtures';
import { currentTitle, decide, dragRow, rankingList, rankingRows, vote } from './meeting-steps';
import { isGreen, painted } from './colours';

/**
 * The live meeting, as three people see it at once: the pm facilitates the test's prioritisation
 * meeting (six leaders invited as voters), two leaders from different departments (Sales, Finance)
 * vote. Nobody reloads unless the test says so: every change reaches the other screens through the
 * live stream.
 */

const ITEMS = {
  darkMode: 'Dark mode for the admin console',
  annualPlans: 'Annual plans with a discount at checkout', // requested by Rosa Requestor
  applePay: 'Apple Pay and Google Pay at checkout',
  trial: 'Trial extension offer for engaged trials',
};

/** Opens the meeting and waits until its live stream is connected. */
async function openMeeting(page: Page, meetingId: number) {
  await page.goto(`/meetings/${meetingId}`);
  await expect(page.getByText('Live updates on')).toBeVisible();
}

test('a live meeting: start, hidden votes, reveal, decisions, ranking, a reload, the end, the published outcome', async ({
  browser,
  signedInAs,
  world,
}) => {
  test.setTimeout(120_000);
  const scene = await makePrioritisation(world);
  const { Sales: liam, Finance: fatima } = scene.leaders;
  expect(scene.agenda.slice(0, 4)).toEqual([ITEMS.darkMode, ITEMS.annualPlans, ITEMS.applePay, ITEMS.trial]);
  const pm = await signedInAs(scene.pm);
  const cycleId = await openCycle(pm, scene.cycle);
  await pm.getByRole('link', { name: 'Meetings' }).click();
  await pm.getByRole('link', { name: scene.meeting.title }).click();
  const meetingId = scene.meeting.id;
  await expect(pm).toHaveURL(`/meetings/${meetingId}`);
  await expect(pm.getByText('Live updates on')).toBeVisible();

  const sales = await signedInAs(liam);
  const finance = await signedInAs(fatima);
  await openMeeting(sales, meetingId);
  await openMeeting(finance, meetingId);
  await expect(sales.getByText('The meeting has not started yet.')).toBeVisible();

  // Start with hidden votes: every screen goes live on the first item, without a reload.
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByLabel('Hide votes until I reveal them').check();
  // The test's meeting is two weeks away and has no pre-read: the facilitator confirms starting anyway.
  await start.getByRole('checkbox', { name: 'Start anyway' }).check();
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  for (const page of [pm, sales, finance]) {
    await expect(page.getByTestId('meeting-status')).toHaveText('Live');
    await expect(currentTitle(page)).toHaveText(ITEMS.darkMode);
  }

  // Hidden votes: the facilitator sees how many voted, nobody sees who voted what.
  await vote(sales, 'Accept', 'Ship it this quarter');
  await vote(finance, 'Accept');
  await expect(pm.getByText('2 of 6 voters have voted. Votes are hidden')).toBeVisible();
  await expect(finance.getByText('2 of 6 voters have voted. Votes are hidden')).toBeVisible();
  // …and not in the finance leader's page data either: the state it fetches, nor the page it loads.
  const state = await finance.evaluate(async (id) => (await fetch(`/api/meetings/${id}/live`)).text(), meetingId);
  // Who has voted may be seen (the facilitator waits for the rest), never what.
  expect(JSON.parse(state).agenda[0].tally).toEqual({
    hidden: true,
    voted: 2,
    eligible: 6,
    voters: [
      { userId: liam.id, name: liam.name },
      { userId: fatima.id, name: fatima.name },
    ],
  });
  expect(state).not.toContain('Ship it this quarter');
  expect(state).not.toContain('"votes"'); // no list of who voted what, for any item
  const html = await (await finance.request.get(`/meetings/${meetingId}`)).text();
  expect(html).toContain(ITEMS.darkMode);
  expect(html).not.toContain('Ship it this quarter');

  await pm.getByRole('button', { name: 'Reveal votes' }).click();
  for (const page of [pm, sales, finance]) {
    await expect(page.getByRole('list', { name: 'Who voted what' })).toContainText(
      `${liam.name} (${liam.departmentName}): Accept — “Ship it this quarter”`,
    );
    await expect(page.getByRole('list', { name: 'Votes overall' })).toContainText('Accept: 2');
  }
  await expect(
    pm.getByRole('table', { name: 'Votes by department' }).getByRole('row', { name: fatima.departmentName }),
  ).toContainText('1 of 1');
  // With JavaScript off, the page still shows the meeting as it is, read-only.
  const noScript = await (
    await browser.newContext({ javaScriptEnabled: false, storageState: await sales.context().storageState() })
  ).newPage();
  await noScript.goto(`/meetings/${meetingId}`);
  await expect(noScript.locator('#current-item-title')).toHaveText(ITEMS.darkMode);
  await expect(noScript.getByRole('list', { name: 'Who voted what' })).toContainText(
    `${liam.name} (${liam.departmentName}): Accept`,
  );
  await expect(noScript.getByText('This is the meeting as it was when the page loaded, read-only')).toBeVisible();
  await noScript.context().close();
  await decide(pm, 'Accepted');
  await expect(sales.getByText(/^Decision: Accepted/)).toBeVisible();
  await expect(finance.getByText(/^Decision: Accepted/)).toBeVisible();

  // Item 2: votes arrive, the facilitator notes, a rejection needs a reason.
  await pm.getByRole('button', { name: 'Next item →' }).click();
  await expect(currentTitle(sales)).toHaveText(ITEMS.annualPlans);
  await expect(currentTitle(finance)).toHaveText(ITEMS.annualPlans);
  await vote(sales, 'Reject', 'Wait for the billing rewrite');
  await vote(finance, 'Reject');
  await expect(pm.getByText('2 of 6 voters have voted. Votes are hidden')).toBeVisible();
  await pm.getByLabel('Add a note').fill('Revisit once billing is rebuilt');
  await pm.getByRole('button', { name: 'Add note' }).click();
  await expect(sales.getByRole('list', { name: 'Meeting notes' })).toContainText('Revisit once billing is rebuilt');
  await pm.getByRole('button', { name: 'Reveal votes' }).click();
  await decide(pm, 'Rejected');
  await expect(pm.getByRole('region', { name: 'Decision' }).getByRole('alert')).toContainText(
    'A rejection needs a reason',
  );
  await expect(pm.getByLabel(/^Reason/)).toHaveAttribute('aria-invalid', 'true');
  // Said once, beside the reason, not a second time under the form.
  await expect(pm.getByRole('region', { name: 'Decision' }).getByText(/A rejection needs a reason/)).toHaveCount(1);
  await decide(pm, 'Rejected', 'The billing rewrite comes first');
  await expect(finance.getByText(/^Decision: Rejected — Reason: The billing rewrite comes first/)).toBeVisible();
  // A rejection is announced in its own colour: never in a green success box.
  expect(isGreen((await painted(finance.getByTestId('decision'))).background)).toBe(false);

  // Item 3, reached by jumping; the finance leader reloads mid-item and catches up at once.
  await pm.getByLabel('Jump to').selectOption({ label: `3. ${ITEMS.applePay}` });
  await pm.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(currentTitle(sales)).toHaveText(ITEMS.applePay);
  await vote(sales, 'Accept');
  await finance.reload();
  await expect(currentTitle(finance)).toHaveText(ITEMS.applePay);
  await expect(finance.getByText('1 of 6 voters have voted')).toBeVisible();
  await expect(finance.getByRole('navigation', { name: 'Agenda' })).toContainText('Rejected');
  await expect(finance.getByText('Live updates on')).toBeVisible();
  await vote(finance, 'Accept');
  await pm.getByRole('button', { name: 'Reveal votes' }).click();
  await decide(pm, 'Accepted');
  await expect(sales.getByText(/^Decision: Accepted/)).toBeVisible();
  expect(isGreen((await painted(sales.getByTestId('decision'))).background)).toBe(true);

  await pm.getByRole('button', { name: 'Next item →' }).click();
  await expect(currentTitle(finance)).toHaveText(ITEMS.trial);
  await vote(sales, 'Accept');
  await pm.getByRole('button', { name: 'Reveal votes' }).click();
  await decide(pm, 'Accepted');
  await expect(finance.getByText(/^Decision: Accepted/)).toBeVisible();

  // Ranking: accepted items arrive at the bottom in the order they were accepted.
  for (const page of [pm, sales, finance]) {
    await expect(rankingRows(page).filter({ hasText: ITEMS.trial })).toBeVisible();
  }
  const order = async (page: Page) =>
    (await rankingRows(page).allTextContents()).filter((t) => Object.values(ITEMS).some((i) => t.includes(i)));
  // By keyboard: type a position and press Enter.
  await pm.getByLabel(`Position of ${ITEMS.trial}`).fill('1');
  await pm.getByLabel(`Position of ${ITEMS.trial}`).press('Enter');
  await expect(rankingRows(sales).first()).toContainText(ITEMS.trial);
  await expect(rankingRows(finance).first()).toContainText(ITEMS.trial);
  // The row moved; focus stayed in its field.
  await expect(pm.getByLabel(`Position of ${ITEMS.trial}`)).toBeFocused();
  // …and one place down through its "Move to…" menu, by keyboard: focus stays on the moved row's menu button.
  const menu = pm.getByRole('button', { name: `Move to… ${ITEMS.trial}` });
  // The list is busy until the server has answered a move: the next move waits for that.
  const answered = () => expect(rankingList(pm)).not.toHaveAttribute('aria-busy', 'true');
  await menu.focus();
  await pm.keyboard.press('Enter');
  await pm.getByRole('menuitem', { name: 'Down one' }).click();
  await expect(rankingRows(finance).nth(1)).toContainText(ITEMS.trial);
  await answered();
  await expect(menu).toBeFocused();
  // Back to the top, and down again: the row moves each time, and focus stays with it.
  await pm.keyboard.press('Enter');
  await pm.getByRole('menuitem', { name: 'Move to top' }).click();
  await expect(rankingRows(finance).first()).toContainText(ITEMS.trial);
  await answered();
  await expect(menu).toBeFocused();
  await pm.keyboard.press('Enter');
  await pm.getByRole('menuitem', { name: 'Down one' }).click();
  await expect(rankingRows(finance).nth(1)).toContainText(ITEMS.trial);
  await answered();
  await expect(menu).toBeFocused();
  // By drag and drop (its handle, with the mouse): Apple Pay onto the first row.
  await dragRow(pm, ITEMS.applePay, rankingRows(pm).first());
  await expect(rankingRows(sales).first()).toContainText(ITEMS.applePay);
  await expect(rankingRows(finance).first()).toContainText(ITEMS.applePay);
  const expected = [ITEMS.applePay, ITEMS.darkMode, ITEMS.trial];
  await expect.poll(async () => (await order(sales)).map((t) => expected.find((i) => t.includes(i)))).toEqual(expected);
  // A position that does not exist is refused, and nothing moves.
  await pm.getByLabel(`Position of ${ITEMS.trial}`).fill('99');
  await pm.getByLabel(`Position of ${ITEMS.trial}`).press('Enter');
  await expect(pm.getByRole('region', { name: 'Ranking' }).getByRole('alert')).toContainText(
    'Position 99 does not exist',
  );
  await expect(rankingRows(pm).first()).toContainText(ITEMS.applePay);

  // The cut line moves only with the capacity (S items are 1 person-week each here).
  await pm.getByLabel('Capacity (person-weeks)').fill('2');
  await pm.getByRole('button', { name: 'Change capacity' }).click();
  await expect(finance.getByText('2 fit, 3 accepted — 2 of 2 person-weeks; 1 falls below the cut line.')).toBeVisible();
  await expect(rankingList(finance).getByRole('separator', { name: 'Cut line' })).toContainText(
    'the 2 items above fit 2 person-weeks; 1 below does not',
  );

  // End: everyone is told and pointed to the outcome.
  await pm.getByRole('button', { name: 'End meeting…' }).click();
  // Items left undecided are kept for a follow-up meeting (ending asks what becomes of each).
  await pm.getByRole('button', { name: 'Keep all for a follow-up' }).click();
  await pm.getByRole('button', { name: 'Yes, end the meeting' }).click();
  for (const page of [pm, sales, finance]) {
    await expect(page.getByTestId('meeting-status')).toHaveText('Ended');
    await expect(page.getByRole('link', { name: 'See the outcome' })).toHaveAttribute(
      'href',
      `/cycles/${cycleId}/outcome`,
    );
  }

  // The outcome page: the ranking with the cut line, every decision with its reason and notes.
  await pm.getByRole('link', { name: 'See the outcome' }).click();
  await expect(pm).toHaveURL(`/cycles/${cycleId}/outcome`);
  await expect(
    pm
      .getByRole('table', { name: /Accepted items in rank order/ })
      .getByRole('row')
      .nth(1),
  ).toContainText(ITEMS.applePay);
  const rejected = pm.getByRole('row', { name: new RegExp(ITEMS.annualPlans) });
  await expect(rejected).toContainText('The billing rewrite comes first');
  await expect(rejected).toContainText('Revisit once billing is rebuilt');
  const csv = await pm.request.get(`/cycles/${cycleId}/outcome/export?format=csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('The billing rewrite comes first');

  // Publishing tells the requestor of the rejected item why, in-app and on their requests page.
  await pm.getByRole('button', { name: 'Publish the outcome…' }).click();
  await pm.getByRole('button', { name: 'Yes, publish the outcome' }).click();
  await expect(pm.getByText(new RegExp(`Published on .* by ${scene.pm.name}`))).toBeVisible();

  const rosa = await signedInAs(scene.rosa);
  await rosa.getByRole('link', { name: /Notifications, \d+ unread/ }).click();
  await expect(rosa.getByText(`Your request "${ITEMS.annualPlans}" was rejected`)).toBeVisible();
  await expect(rosa.getByText('Rejected. Reason: The billing rewrite comes first')).toBeVisible();
  await rosa.goto('/requests');
  const request = rosa.getByRole('row', { name: new RegExp(ITEMS.annualPlans) });
  await expect(request).toContainText('Rejected');
  await expect(request).toContainText('The billing rewrite comes first');
  await request.getByRole('link', { name: /See the published outcome/ }).click();
  await expect(rosa.getByRole('row', { name: new RegExp(ITEMS.annualPlans) })).toContainText(
    'The billing rewrite comes first',
  );
});
