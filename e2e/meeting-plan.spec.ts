import { expect, makeQuarter, openCycle, signIn, test } from './fixtures';

/** `YYYY-MM-DDTHH:mm` for a datetime-local field, `days` from now, at 15:00. */
function inDays(days: number) {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T15:00`;
}

test('a meeting is planned in four steps, each with its status, one at a time, each at its own address', async ({
  page,
  world,
}) => {
  const quarter = await makeQuarter(world);
  const priya = await world.person('pm');
  const liam = quarter.leaders.Sales;
  const item = quarter.items['SAML single sign-on'];
  await signIn(page, priya);
  await openCycle(page, quarter.cycle);
  await page.getByRole('link', { name: 'Meetings' }).click();
  await page.getByLabel('Title').fill('Quarterly prioritisation');
  await page.getByLabel('Date and time', { exact: true }).fill(inDays(30));
  await page.getByLabel('Facilitator').selectOption({ label: `${priya.name} (pm)` });
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Quarterly prioritisation', level: 1 })).toBeVisible();

  const steps = page.getByRole('navigation', { name: 'Planning steps' });
  const step = (name: string) => steps.getByRole('link', { name: new RegExp(`^\\d\\. ${name}$`) });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true, level: 2 });
  await expect(step('Details')).toHaveAccessibleDescription('No location yet');
  await expect(step('Attendees')).toHaveAccessibleDescription('No attendees yet');
  await expect(step('Agenda')).toHaveAccessibleDescription('No items yet');
  await expect(step('Pre-read')).toHaveAccessibleDescription('Not distributed');
  // The statuses are on screen, not only for screen readers.
  await expect(steps.getByText('No attendees yet')).toBeVisible();

  // A new meeting opens at the first step left to do; the other steps are not shown.
  await expect(step('Attendees')).toHaveAttribute('aria-current', 'step');
  await expect(heading('Attendees')).toBeVisible();
  for (const other of ['Details', 'Agenda', 'Pre-read']) await expect(heading(other)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save agenda' })).toBeHidden();

  // Saving keeps the pm on the step; its status follows.
  await page.getByRole('checkbox', { name: liam.name }).check();
  await page.getByRole('button', { name: 'Save attendees' }).click();
  await expect(page.getByText('Attendees saved: 1 person.')).toBeVisible();
  await expect(step('Attendees')).toHaveAccessibleDescription('1 attendee');
  await expect(step('Attendees')).toHaveAttribute('aria-current', 'step');

  // "Next" opens the following step at its own address, with focus on its heading.
  await page.getByRole('link', { name: 'Next: Agenda →' }).click();
  await expect(page).toHaveURL(/[?&]step=agenda(&|$)/);
  await expect(heading('Agenda')).toBeFocused();
  await expect(heading('Attendees')).toBeHidden();
  // A choice not saved yet survives work on another step.
  await page.getByRole('checkbox', { name: `Include ${item.title}` }).check();
  await step('Details').click();
  await page.getByLabel('Location').fill('Board room');
  await page.getByRole('button', { name: 'Save meeting details' }).click();
  await expect(page.getByText('Meeting details saved.')).toBeVisible();
  await expect(step('Details')).toHaveAccessibleDescription('Complete');
  await step('Agenda').click();
  await expect(page.getByRole('checkbox', { name: `Include ${item.title}` })).toBeChecked();
  await page.getByRole('button', { name: 'Save agenda' }).click();
  await expect(step('Agenda')).toHaveAccessibleDescription('1 item');

  // The address keeps the step across a reload, and the browser's Back goes to the previous step.
  await page.reload();
  await expect(heading('Agenda')).toBeVisible();
  await step('Pre-read').click();
  await page.getByRole('button', { name: 'Distribute the pre-read' }).click();
  await expect(page.getByText(/^Sent on /)).toBeVisible();
  await expect(step('Pre-read')).toHaveAccessibleDescription('Sent · 0 of 1 read');
  await page.goBack();
  await expect(heading('Agenda')).toBeVisible();
  await expect(heading('Pre-read')).toBeHidden();
});
