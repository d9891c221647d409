import AxeBuilder from '@axe-core/playwright';
import { makeMeeting } from '../db/factories';
import { expect, makeQuarter, test } from './fixtures';
import { currentTitle, vote } from './meeting-steps';
import type { Page } from '@playwright/test';

/**
 * The facilitator's console: who is connected (by department), who has voted while votes are
 * hidden (names, never choices), the item's countdown, an item run with keyboard shortcuts only,
 * all on one 1440×900 screen; and the presenter view following along, full screen, without the
 * app's navigation, fitting 1920×1080 and 1280×720 without scrolling.
 */

const FIRST = 'Invoice PDFs with VAT breakdown';
const SECOND = 'Dark mode for the admin console';

/** Nothing to scroll, either way. */
const fits = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    return root.scrollHeight <= innerHeight && root.scrollWidth <= innerWidth;
  });

test('the console shows the room and who has voted; an item is run by keyboard; the presenter view follows', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(60_000);
  const quarter = await makeQuarter(world);
  const { Sales: liam, Finance: fatima } = quarter.leaders;
  const priya = await world.person('pm');
  const meeting = await makeMeeting(world.db, {
    cycleId: quarter.cycle.id,
    facilitatorId: priya.id,
    title: `Console ${Date.now()}`,
    durationMinutes: 60,
    attendees: [{ userId: liam.id }, { userId: fatima.id }],
    itemIds: [quarter.items[FIRST].id, quarter.items[SECOND].id],
  });
  const url = `/meetings/${meeting.id}`;

  const pm = await signedInAs(priya, { viewport: { width: 1440, height: 900 } });
  await pm.goto(url);
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByLabel('Hide votes until I reveal them').check();
  await start.getByRole('checkbox', { name: 'Start anyway' }).check(); // no pre-read, two weeks early
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(currentTitle(pm)).toHaveText(FIRST);

  const sales = await signedInAs(liam);
  const finance = await signedInAs(fatima);
  for (const page of [sales, finance]) {
    await page.goto(url);
    await expect(page.getByText('Live updates on')).toBeVisible();
  }

  // Presence: both leaders, each under their department, as soon as they connect.
  const room = pm.getByRole('list', { name: 'Connected now, by department' });
  for (const leader of [liam, fatima]) {
    await expect(room.getByRole('list', { name: leader.departmentName, exact: true })).toContainText(leader.name);
  }

  // Hidden votes: who has voted and who has not, by name, and no choice anywhere.
  await vote(sales, 'Reject', 'Too costly this quarter');
  const voted = pm.getByRole('region', { name: 'Who has voted' });
  await expect(voted.getByRole('list', { name: 'Voted', exact: true })).toHaveText(liam.name);
  await expect(voted.getByRole('list', { name: 'Not voted yet' })).toContainText(fatima.name);
  await expect(pm.getByRole('region', { name: 'Tally' })).toContainText('1 of 2 voters have voted');
  await expect(pm.locator('body')).not.toContainText(/Too costly|voted Reject|Reject: 1/);

  // The item's countdown runs from the moment it became current: 30 minutes, half the meeting.
  await expect(pm.getByRole('timer', { name: 'Time left on this item' })).toContainText(/^(2\d|30):\d\dof 30 min$/);
  // Everything to run the item is on screen at 1440×900: agenda, tally, decision form.
  for (const part of [
    pm.getByRole('navigation', { name: 'Agenda' }),
    pm.getByRole('region', { name: 'Tally' }),
    pm.getByRole('form', { name: 'Record the decision' }),
  ])
    await expect(part).toBeInViewport({ ratio: 1 });

  // The presenter view: no app navigation, the current item, no tally before the reveal.
  const screen = await signedInAs(priya, { viewport: { width: 1920, height: 1080 } });
  await screen.goto(`${url}/present`);
  await expect(currentTitle(screen)).toHaveText(FIRST);
  await expect(screen.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(screen.getByTestId('count-reject')).toHaveCount(0);

  // Keyboard only from here. `?` lists the shortcuts; Esc closes the list.
  await pm.keyboard.press('?');
  const help = pm.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Reveal the votes');
  await pm.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await vote(finance, 'Reject');
  await expect(voted.getByRole('list', { name: 'Voted', exact: true })).toContainText(fatima.name);
  await pm.keyboard.press('r');
  await expect(pm.getByTestId('count-reject')).toHaveText('2');
  await expect(screen.getByTestId('count-reject')).toHaveText('2');
  // `x` chooses Reject and moves to the button; it does not decide by itself.
  await pm.keyboard.press('x');
  const form = pm.getByRole('form', { name: 'Record the decision' });
  await expect(form.getByRole('radio', { name: /^Rejected/ })).toBeChecked();
  await expect(form.getByRole('button', { name: 'Record decision' })).toBeFocused();
  // Typing in a field types: an `a` in the reason is a letter, not Accept.
  await form.getByLabel(/^Reason/).focus();
  await pm.keyboard.type('a costly year');
  await expect(form.getByRole('radio', { name: /^Rejected/ })).toBeChecked();
  await form.getByRole('button', { name: 'Record decision' }).focus();
  await pm.keyboard.press('Enter');
  await expect(pm.getByTestId('decision')).toContainText('Rejected — Reason: a costly year');
  await expect(pm.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /^1\./ })).toContainText(
    'Rejected',
  );

  await pm.keyboard.press('n');
  await expect(currentTitle(pm)).toHaveText(SECOND);
  await expect(currentTitle(screen)).toHaveText(SECOND); // followed live, no reload

  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    await screen.setViewportSize(size);
    expect(await fits(screen), `the presenter view scrolls at ${size.width}×${size.height}`).toBe(true);
  }

  // Both screens as axe sees them (WCAG 2.1 A and AA): nothing serious.
  for (const page of [pm, screen]) {
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }

  // A leader who leaves drops out of the room.
  await finance.context().close();
  await expect(room).not.toContainText(fatima.name);
  await expect(room).toContainText(liam.name);
});
