import { eq } from 'drizzle-orm';
import { makeMeeting } from '../db/factories';
import { users } from '../db/schema';
import { formatZoned } from '../lib/time/format-zoned';
import { expect, test } from './fixtures';

/**
 * Every time is in the viewer's chosen zone, named; and on a phone the navigation folds away behind a
 * menu button that works from the keyboard.
 */

test('a meeting time shows in each viewer’s own zone, named, on the home and meeting pages', async ({
  world,
  signedInAs,
}) => {
  const pm = await world.person('pm');
  const tokyo = await world.person('leader', { name: 'Tomo Tokyo' });
  const london = await world.person('leader', { name: 'Uma Utc', department: 'Finance' });
  await world.db.update(users).set({ timeZone: 'Asia/Tokyo' }).where(eq(users.id, tokyo.id));
  const cycle = await world.cycle();
  // 23:30 UTC: already the next day in Tokyo, so the date must move too.
  const scheduledAt = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 14, 23, 30)).toISOString();
  const meeting = await makeMeeting(world.db, {
    cycleId: cycle.id,
    facilitatorId: pm.id,
    title: world.named('Zones meeting'),
    scheduledAt,
    attendees: [{ userId: tokyo.id }, { userId: london.id }],
  });

  // Both browsers say UTC: Tokyo's time comes from the profile, not from the device.
  for (const [who, zone] of [
    [tokyo, 'Asia/Tokyo'],
    [london, 'UTC'],
  ] as const) {
    const page = await signedInAs(who, { timezoneId: 'UTC' });
    const shown = formatZoned(scheduledAt, zone, 'long');
    expect(shown).toContain(zone === 'UTC' ? '14 January' : '15 January');
    const next = page.getByRole('region', { name: 'Your next meetings' });
    await expect(next.getByRole('listitem').filter({ hasText: meeting.title })).toContainText(shown);
    await page.getByRole('link', { name: meeting.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(meeting.title);
    await expect(page.getByRole('main').getByText(shown).first()).toBeVisible();
  }
});

test('on a phone the navigation folds behind a menu button that opens and closes by keyboard', async ({
  signedInAs,
}) => {
  const page = await signedInAs('pm', { viewport: { width: 390, height: 844 } });
  const menu = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();

  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Home' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Cycles' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Following a link closes the menu on the page it leads to.
  await page.keyboard.press('Space');
  await nav.getByRole('link', { name: 'My requests' }).press('Enter');
  await expect(page).toHaveURL(/\/requests$/);
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // From 1024 px up the same navigation is a sidebar, always shown, and the button is gone.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(nav.getByRole('link', { name: 'Triage' })).toBeVisible();
  await expect(menu).toBeHidden();
});
