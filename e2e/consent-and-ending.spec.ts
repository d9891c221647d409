import { type Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { undecidedItems } from '../db/schema';
import { expect, makePrioritisation, test } from './fixtures';

/**
 * A meeting prepared by the leaders' stances and run to a good end: two leaders mark stances on the
 * pre-read, the pm orders the agenda with the contested item first and puts the agreed items on a
 * consent agenda; in the meeting a leader pulls one out (the others see it at once), the facilitator
 * accepts the rest together, and ending asks what becomes of each item left undecided.
 */

const DARK_MODE = 'Dark mode for the admin console';
const APPLE_PAY = 'Apple Pay and Google Pay at checkout';
const INVOICES = 'Invoice PDFs with VAT breakdown';

async function mark(page: Page, title: string, stance: 'Lean accept' | 'Lean reject') {
  const form = page.getByRole('form', { name: `Your stance on ${title}` });
  await form.getByRole('radio', { name: stance }).check();
  await expect(form.getByRole('status')).toHaveText(`Saved: ${stance.toLowerCase()}.`);
}

async function openLive(page: Page, meetingId: number) {
  await page.goto(`/meetings/${meetingId}`);
  await expect(page.getByText('Live updates on')).toBeVisible();
}

test('stances, contested first, a consent agenda pulled from and accepted live, and ending with undecided items', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(90_000);
  const scene = await makePrioritisation(world);
  const meetingId = scene.meeting.id;
  const pm = await signedInAs(scene.pm);
  await pm.goto(`/meetings/${meetingId}?step=preread`);
  await pm.getByRole('button', { name: 'Distribute the pre-read' }).click();
  await expect(pm.getByText(/^Sent on /)).toBeVisible();

  // Two leaders mark their stances while reading: split on Apple Pay, agreed on the invoices and dark mode.
  const sales = await signedInAs(scene.leaders.Sales);
  const finance = await signedInAs(scene.leaders.Finance);
  await sales.goto(`/meetings/${meetingId}/preread`);
  await mark(sales, APPLE_PAY, 'Lean accept');
  await mark(sales, INVOICES, 'Lean accept');
  await mark(sales, DARK_MODE, 'Lean accept');
  await finance.goto(`/meetings/${meetingId}/preread`);
  await mark(finance, APPLE_PAY, 'Lean reject');
  await mark(finance, INVOICES, 'Lean accept');
  // By keyboard: from "Lean accept" on dark mode, Space keeps it marked.
  const darkMode = finance.getByRole('form', { name: `Your stance on ${DARK_MODE}` });
  await darkMode.getByRole('radio', { name: 'Lean accept' }).focus();
  await finance.keyboard.press('Space');
  await expect(darkMode.getByRole('status')).toHaveText('Saved: lean accept.');

  // The pm sees counts (never who marked what) and applies the suggestions.
  await pm.goto(`/meetings/${meetingId}?step=agenda`);
  const agenda = pm.getByRole('list', { name: 'Agenda', exact: true });
  await expect(agenda.getByRole('listitem').filter({ hasText: APPLE_PAY })).toContainText(
    '1 lean accept, 1 lean reject, 0 unsure. Contested: evenly split.',
  );
  await pm.getByRole('button', { name: 'Suggest an order' }).click();
  await expect(agenda.getByRole('listitem').first()).toContainText(APPLE_PAY);
  await pm.getByRole('button', { name: 'Suggest a consent agenda' }).click();
  await expect(pm.getByRole('checkbox', { name: `Consent agenda for ${DARK_MODE}` })).toBeChecked();
  await expect(pm.getByRole('checkbox', { name: `Consent agenda for ${INVOICES}` })).toBeChecked();
  await expect(pm.getByRole('checkbox', { name: `Consent agenda for ${APPLE_PAY}` })).not.toBeChecked();
  // A time box longer than the meeting is warned about; the pm shortens it. 150 of 120 minutes,
  // and the five other items keep a minute each: 35 over.
  await pm.getByLabel(`Minutes for ${APPLE_PAY}`).fill('150');
  await expect(pm.getByText("Time: 155 of 120 minutes planned — 35 minutes over the meeting's length.")).toBeVisible();
  await pm.getByLabel(`Minutes for ${APPLE_PAY}`).fill('30');
  await pm.getByRole('button', { name: 'Save agenda' }).click();
  await expect(pm.getByText('Agenda saved: 6 items.')).toBeVisible();

  // The meeting: the consent agenda is one entry; a leader pulls dark mode out, everyone sees it.
  await openLive(pm, meetingId);
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByRole('checkbox', { name: 'Start anyway' }).check(); // two weeks early
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(pm.getByTestId('meeting-status')).toHaveText('Live');
  await openLive(sales, meetingId);
  await openLive(finance, meetingId);
  const consent = (page: Page) => page.getByRole('region', { name: 'Consent agenda' });
  await expect(consent(finance).getByRole('list', { name: 'Items on the consent agenda' })).toContainText(DARK_MODE);
  await sales.getByRole('button', { name: `Pull out ${DARK_MODE} for discussion` }).click();
  for (const page of [pm, finance])
    await expect(consent(page)).toContainText(
      `Pulled out for discussion: ${DARK_MODE} (by ${scene.leaders.Sales.name})`,
    );
  await pm.getByRole('button', { name: 'Accept it together' }).click();
  await expect(consent(finance)).toContainText('Nothing left to accept together.');
  await expect(finance.getByRole('navigation', { name: 'Agenda' })).toContainText(`${INVOICES}Accepted`);

  // Ending names the five undecided items and asks about each.
  await pm.getByRole('button', { name: 'End meeting…' }).click();
  const dialog = pm.getByRole('dialog', { name: 'End the meeting' });
  await expect(dialog.getByRole('group')).toHaveCount(5);
  await dialog.getByRole('button', { name: 'Yes, end the meeting' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`Choose what becomes of "${APPLE_PAY}"`);
  await dialog.getByRole('button', { name: 'Keep all for a follow-up' }).click();
  await dialog.getByRole('group', { name: APPLE_PAY }).getByRole('radio', { name: 'Defer to the next cycle' }).check();
  await dialog.getByRole('button', { name: 'Yes, end the meeting' }).click();
  await expect(finance.getByTestId('meeting-status')).toHaveText('Ended');
  const recorded = await world.db
    .select({ itemId: undecidedItems.itemId, disposition: undecidedItems.disposition })
    .from(undecidedItems)
    .where(and(eq(undecidedItems.meetingId, meetingId), eq(undecidedItems.disposition, 'next_cycle')));
  expect(recorded).toEqual([{ itemId: scene.items[APPLE_PAY].id, disposition: 'next_cycle' }]);
  expect(await world.db.$count(undecidedItems, eq(undecidedItems.meetingId, meetingId))).toBe(5);
});
