import { eq } from 'drizzle-orm';
import { BASE_URL } from '../playwright.config';
import { makeMeeting } from '../db/factories';
import { users } from '../db/schema';
import { first } from '../db/rows';
import { formatMeetingTime } from '../lib/meetings/format';
import { expect, test } from './fixtures';
import { linkIn, mailbox } from './mailbox';
import { findPerson } from './fixtures/people-page';

test('the admin invites a person, who accepts from the e-mail, signs in, chooses a time zone and sees a meeting in it', async ({
  browser,
  signedInAs,
  world,
}) => {
  const admin = await world.person('admin');
  const page = await signedInAs(admin);
  const sales = await world.department('Sales');
  const email = `ines.${world.tag}@e2e.test`;
  const name = world.named('Ines Invited');

  await page.goto('/admin');
  const invite = page.getByRole('form', { name: 'Invite a person' });
  await invite.getByLabel('E-mail').fill(email);
  await invite.getByLabel('Name').fill(name);
  await invite.getByLabel('Role').selectOption({ label: 'Leader' });
  await invite.getByLabel('Department').selectOption({ label: sales.name });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const pending = page.getByRole('region', { name: 'Pending invitations' });
  await expect(pending.getByText(email)).toBeVisible();

  // The same address again is refused, pointing at the resend.
  await invite.getByLabel('E-mail').fill(email);
  await invite.getByLabel('Name').fill(name);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  // The refusal shows beside the field (and is announced once more for screen readers).
  await expect(invite.getByText(/already has a pending invitation/).first()).toBeVisible();

  const mail = await mailbox.waitFor(email, /invited you to Quorum/);
  const link = linkIn(mail, BASE_URL);
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);

  // The invited person opens the link in a browser of their own, whose zone is New York.
  const context = await browser.newContext({ timezoneId: 'America/New_York' });
  const guest = await context.newPage();
  await guest.goto(link);
  await expect(guest.getByRole('heading', { name: 'Join Quorum' })).toBeVisible();
  await expect(guest.getByText(`${admin.name} invited you to Quorum as ${email}`)).toBeVisible();
  await guest.getByLabel('Choose a password').fill('short');
  await guest.getByRole('button', { name: 'Accept and create my account' }).click();
  await expect(guest.getByText('The password must be at least 12 characters.')).toBeVisible();
  await guest.getByLabel('Choose a password').fill('a password of my own');
  await guest.getByRole('button', { name: 'Accept and create my account' }).click();
  await expect(guest).toHaveURL(/\/signin\?/);
  await expect(guest.getByText('Your account is ready')).toBeVisible();
  await expect(guest.getByLabel('E-mail')).toHaveValue(email);
  await guest.getByLabel('Password').fill('a password of my own');
  await guest.getByRole('button', { name: 'Sign in' }).click();
  await expect(guest.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The link is used up.
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This invitation was already used' })).toBeVisible();
  await again.close();

  // A meeting they attend, at a time whose wording differs in every zone involved.
  const ines = first(await world.db.select().from(users).where(eq(users.email, email)))!;
  expect(ines).toMatchObject({ role: 'leader', departmentId: sales.id });
  const pm = await world.person('pm');
  const cycle = await world.cycle();
  const scheduledAt = '2027-03-10T23:30:00.000Z';
  const meeting = await makeMeeting(world.db, {
    cycleId: cycle.id,
    facilitatorId: pm.id,
    title: world.named('Zoned meeting'),
    scheduledAt,
    attendees: [{ userId: ines.id }],
  });
  await guest.goto(`/meetings/${meeting.id}`);
  await expect(guest.getByText(formatMeetingTime(scheduledAt, 'America/New_York')).first()).toBeVisible();

  await guest.goto('/settings');
  await guest.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await guest.getByRole('button', { name: 'Update profile' }).click();
  await expect(guest.getByText('Your profile is saved.')).toBeVisible();

  await guest.goto(`/meetings/${meeting.id}`);
  await expect(guest.getByText(formatMeetingTime(scheduledAt, 'Asia/Tokyo')).first()).toBeVisible();
  await expect(guest.getByText(formatMeetingTime(scheduledAt, 'America/New_York'))).toHaveCount(0);
  await context.close();

  // The admin's list says how they last signed in; someone who never did reads "Never".
  const never = await world.person('requestor', { name: 'Nick Never' });
  await findPerson(page, email);
  await expect(page.getByRole('row').filter({ hasText: email }).getByText('Password', { exact: true })).toBeVisible();
  await findPerson(page, never.email);
  await expect(
    page.getByRole('row').filter({ hasText: never.email }).getByRole('cell', { name: 'Never', exact: true }),
  ).toBeVisible();
});

test('the admin revokes a pending invitation after confirming; its link then says so', async ({
  signedInAs,
  world,
  browser,
}) => {
  const page = await signedInAs('admin');
  const email = `revoked.${world.tag}@e2e.test`;
  await page.goto('/admin');
  const invite = page.getByRole('form', { name: 'Invite a person' });
  await invite.getByLabel('E-mail').fill(email);
  await invite.getByLabel('Name').fill(world.named('Rex Revoked'));
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  const link = linkIn(await mailbox.waitFor(email, /invited you to Quorum/), BASE_URL);

  const pending = page.getByRole('region', { name: 'Pending invitations' });
  const commands = pending.getByRole('listitem').filter({ hasText: email });
  await commands.getByRole('button', { name: 'Revoke' }).click();
  await commands.getByRole('button', { name: 'Cancel' }).click();
  await commands.getByRole('button', { name: 'Revoke' }).click();
  await commands.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(pending.getByText(email)).toHaveCount(0);

  const guest = await browser.newPage();
  await guest.goto(link);
  await expect(guest.getByRole('heading', { name: 'This invitation was withdrawn' })).toBeVisible();
  await guest.close();
});
