import { expect, makeQuarter, openCycle, openPlanStep, signIn, test } from './fixtures';

test.use({ timezoneId: 'UTC' });

/** `YYYY-MM-DDTHH:mm` for a datetime-local field, `days` from now, at 15:00 UTC. */
function inDays(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T15:00`;
}

test('e-mail preferences, a late pre-read with confirmation, and the in-app notification', async ({
  browser,
  world,
}) => {
  const quarter = await makeQuarter(world);
  const omar = quarter.leaders.Operations;
  const leaderCtx = await browser.newContext({ timezoneId: 'UTC' });
  const leader = await leaderCtx.newPage();
  await signIn(leader, omar);
  // The leader turns off e-mail for pre-reads.
  await leader.getByRole('link', { name: 'Settings' }).click();
  await leader.getByLabel('A pre-read is sent to me').uncheck();
  await leader.getByRole('button', { name: 'Save' }).click();
  await expect(leader.getByText('Your e-mail settings are saved.')).toBeVisible();
  await leader.reload();
  await expect(leader.getByLabel('A pre-read is sent to me')).not.toBeChecked();
  await expect(leader.getByLabel('A question I follow is answered')).toBeChecked();

  const pmCtx = await browser.newContext({ timezoneId: 'UTC' });
  const pm = await pmCtx.newPage();
  await signIn(pm, await world.person('pm'));
  const cycleId = await openCycle(pm, quarter.cycle);
  await pm.goto(`/cycles/${cycleId}/meetings`);
  const title = `Short-notice review ${Date.now()}`;
  // A date in the past is refused beside the field.
  await pm.getByLabel('Title').fill(title);
  await pm.getByLabel('Date and time', { exact: true }).fill('2020-01-01T10:00');
  await pm.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(pm.getByText('The meeting date must be in the future.')).toBeVisible();
  await expect(pm.getByLabel('Title')).toHaveValue(title);
  await pm.getByLabel('Date and time', { exact: true }).fill(inDays(3));
  await pm.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(pm.getByRole('heading', { name: title })).toBeVisible();

  // Distributing with an empty agenda or no attendees is refused with a reason.
  await pm.getByRole('checkbox', { name: omar.name }).check();
  await pm.getByRole('button', { name: 'Save attendees' }).click();
  await expect(pm.getByText(/Attendees saved: 1/)).toBeVisible();
  await openPlanStep(pm, 'Pre-read');
  await pm.getByLabel('Send it late anyway').check();
  await pm.getByRole('button', { name: 'Distribute the pre-read' }).click();
  await expect(pm.getByText('Add at least one item to the agenda before distributing.')).toBeVisible();

  await openPlanStep(pm, 'Agenda');
  await pm.getByRole('checkbox', { name: 'Include On-call runbooks and alert tuning' }).check();
  await pm.getByRole('button', { name: 'Save agenda' }).click();
  await expect(pm.getByText(/Agenda saved: 1/)).toBeVisible();
  // One department holds every vote: the balance warning says so.
  await openPlanStep(pm, 'Attendees');
  await expect(pm.getByRole('status', { name: 'Department warnings' })).toContainText(
    `${omar.departmentName} holds 1 of 1 vote (100%), more than 40%.`,
  );
  // Less than 7 days ahead: the page says so, and sending needs the explicit confirmation.
  await openPlanStep(pm, 'Pre-read');
  await expect(pm.getByText(/less than the 7-day lead time/)).toBeVisible();
  await pm.getByLabel('Send it late anyway').uncheck();
  await pm.getByRole('button', { name: 'Distribute the pre-read' }).click();
  // Refused: the box is marked as the field to fix (wait for the answer before ticking it).
  await expect(pm.getByLabel('Send it late anyway')).toHaveAttribute('aria-invalid', 'true');
  await expect(pm.getByText(/Confirm to send it late/).first()).toBeVisible();
  await expect(pm.getByText(/^Sent on /)).toHaveCount(0);
  await pm.getByLabel('Send it late anyway').check();
  await pm.getByRole('button', { name: 'Distribute the pre-read' }).click();
  await expect(pm.getByText(/^Sent on .*\(late\)/)).toBeVisible();
  await expect(pm.getByText('Pre-read sent late').first()).toBeVisible();
  // Omar has not read it yet: a reminder goes out, but only once a day.
  await pm.getByRole('button', { name: 'Remind those who have not read it' }).click();
  await expect(pm.getByText(`Reminded 1 person: ${omar.name}.`)).toBeVisible();
  await pm.getByRole('button', { name: 'Remind those who have not read it' }).click();
  await expect(pm.getByText(`Not reminded (already reminded today): ${omar.name}.`)).toBeVisible();

  // The leader has an unread notification that names it late, and it leads to the pre-read.
  await leader.goto('/notifications');
  const entry = leader.getByRole('link', { name: `Pre-read: ${title} (sent late)` });
  await expect(entry).toBeVisible();
  await entry.click();
  await expect(leader.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(leader.getByText('Sent late')).toBeVisible();
  await leader.goto('/notifications');
  await expect(
    leader
      .getByRole('listitem')
      .filter({ hasText: `Pre-read: ${title}` })
      .getByText('Unread'),
  ).toHaveCount(0);
  // The reminder sent meanwhile asked the same (open the pre-read): it is read too.
  await expect(leader.getByRole('link', { name: `Reminder: read the pre-read for ${title}` })).toBeVisible();
  await expect(
    leader
      .getByRole('listitem')
      .filter({ hasText: `Reminder: read the pre-read for ${title}` })
      .getByText('Unread'),
  ).toHaveCount(0);

  // E-mail was off for this kind: the admin's outbox holds nothing for the leader about it.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, await world.person('admin'));
  await admin.goto('/admin/outbox');
  await expect(admin.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  const ops = admin.getByRole('row').filter({ hasText: omar.email });
  await expect(ops.filter({ hasText: `Pre-read: ${title}` })).toHaveCount(0);
  // Reminders are still on for this leader, so that one is queued.
  await expect(ops.filter({ hasText: `Reminder: read the pre-read for ${title}` })).toHaveCount(1);
  for (const ctx of [leaderCtx, pmCtx, adminCtx]) await ctx.close();
});

test('the outbox is refused to a pm', async ({ page, world }) => {
  await signIn(page, await world.person('pm'));
  await page.goto('/admin/outbox');
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
});

test('an admin sets the lead time and the department share; bad values are refused beside the field', async ({
  page,
  world,
}) => {
  await signIn(page, await world.person('admin'));
  await page.getByRole('link', { name: 'Meeting settings' }).click();
  await expect(page.getByLabel('Pre-read lead time (days)')).toHaveValue('7');
  await page.getByLabel('Pre-read lead time (days)').fill('-2');
  await page.getByLabel('Largest share of voters for one department (%)').fill('150');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Lead time cannot be negative.')).toBeVisible();
  await expect(page.getByText('Share must be at most 100%.')).toBeVisible();
  await expect(page.getByLabel('Pre-read lead time (days)')).toHaveValue('-2');
  // Saving the defaults again leaves the other tests' expectations intact.
  await page.getByLabel('Pre-read lead time (days)').fill('7');
  await page.getByLabel('Largest share of voters for one department (%)').fill('40');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
});
