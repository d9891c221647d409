import { makeItem } from '../db/factories';
import { changeRequests } from '../db/schema';
import { contrast, hueDistance, hueOf, isGreen, painted } from './colours';
import { expect, makeDelivery, makeQuarter, planMeeting, test } from './fixtures';
import { currentTitle, vote } from './meeting-steps';

/**
 * Each state has its own colour, always with its word, readable in light and in dark mode: measured
 * as the browser paints it (WCAG AA: 4.5:1 for text).
 */

const SCHEMES = ['light', 'dark'] as const;
const AA = 4.5;

test('accepted, delivered and an approved change request each have their own colour, in light and dark', async ({
  signedInAs,
  world,
}) => {
  const delivery = await makeDelivery(world);
  const accepted = await world.batch(async () => {
    const item = await makeItem(world.db, {
      cycleId: delivery.cycle.id,
      title: world.named('Accepted, not scheduled yet'),
      status: 'accepted',
      requestorId: delivery.sponsor.id,
      departmentId: delivery.sponsor.departmentId,
    });
    await world.db.insert(changeRequests).values({
      cycleId: delivery.cycle.id,
      raisedBy: delivery.sales.id,
      title: world.named('Approved change'),
      whyNow: 'Card payments fail since Monday.',
      urgency: 'high',
      incomingItemId: delivery.items['Gift cards'].id,
      incomingPosition: 0,
      displaced: [],
      status: 'approved',
      createdAt: new Date().toISOString(),
    });
    return item;
  });

  for (const colorScheme of SCHEMES) {
    const page = await signedInAs(delivery.pm, { colorScheme });
    await page.goto(`/items/${accepted.id}`);
    const acceptedBadge = await painted(page.getByRole('main').getByText('Accepted', { exact: true }).first());
    await page.goto(`/items/${delivery.items['Faster checkout page load'].id}`);
    const deliveredBadge = await painted(page.getByRole('main').getByText('Delivered', { exact: true }).first());
    await page.goto(`/cycles/${delivery.cycle.id}/changes`);
    const approvedBadge = await painted(page.getByRole('main').getByText('Approved', { exact: true }).first());

    const badges = { accepted: acceptedBadge, delivered: deliveredBadge, approved: approvedBadge };
    for (const [state, c] of Object.entries(badges)) {
      expect(contrast(c.text, c.background), `${state} text in ${colorScheme} mode`).toBeGreaterThanOrEqual(AA);
      expect(hueOf(c.background).saturation, `${state} is a colour, not grey, in ${colorScheme} mode`).toBeGreaterThan(
        0.1,
      );
    }
    expect(isGreen(acceptedBadge.background), `accepted is green: ${JSON.stringify(badges)}`).toBe(true);
    expect(isGreen(deliveredBadge.background), `delivered is not green in ${colorScheme} mode`).toBe(false);
    expect(hueDistance(acceptedBadge.background, approvedBadge.background)).toBeGreaterThan(25);
    expect(hueDistance(acceptedBadge.background, deliveredBadge.background)).toBeGreaterThan(25);
    expect(hueDistance(approvedBadge.background, deliveredBadge.background)).toBeGreaterThan(25);
  }
});

test('the Live pill is coloured and each vote button looks like its choice, in light and dark', async ({
  signedInAs,
  world,
}) => {
  const quarter = await makeQuarter(world);
  const priya = await world.person('pm');
  const liam = quarter.leaders.Sales;
  const item = quarter.items['Invoice PDFs with VAT breakdown'];
  const pm = await signedInAs(priya);
  const meetingId = await planMeeting(pm, {
    cycle: quarter.cycle,
    title: world.named('Colours'),
    facilitator: priya,
    attendee: liam,
    item,
  });
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByRole('checkbox', { name: 'Start anyway' }).check(); // no pre-read, weeks early
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(pm.getByTestId('meeting-status')).toHaveText('Live');

  for (const colorScheme of SCHEMES) {
    const leader = await signedInAs(liam, { colorScheme });
    await leader.goto(`/meetings/${meetingId}`);
    await expect(currentTitle(leader)).toHaveText(item.title);

    const pill = await painted(leader.getByTestId('meeting-status'));
    expect(hueOf(pill.background).saturation, `the Live pill is not grey in ${colorScheme} mode`).toBeGreaterThan(0.3);
    expect(contrast(pill.text, pill.background)).toBeGreaterThanOrEqual(AA);

    const choose = leader.getByRole('group', { name: 'Choose' });
    const look = async () => ({
      accept: await painted(choose.getByRole('button', { name: 'Accept' })),
      reject: await painted(choose.getByRole('button', { name: 'Reject' })),
      defer: await painted(choose.getByRole('button', { name: 'Defer' })),
    });
    const idle = await look();
    for (const [choice, c] of Object.entries(idle))
      expect(contrast(c.text, c.background), `${choice} in ${colorScheme} mode`).toBeGreaterThanOrEqual(AA);
    // Each choice in its own hue: the text of the three buttons differs.
    expect(hueDistance(idle.accept.text, idle.reject.text)).toBeGreaterThan(25);
    expect(hueDistance(idle.accept.text, idle.defer.text)).toBeGreaterThan(25);
    expect(hueDistance(idle.reject.text, idle.defer.text)).toBeGreaterThan(15);

    // The chosen one is filled in its colour, and still readable.
    await vote(leader, colorScheme === 'light' ? 'Reject' : 'Accept');
    const chosen = (await look())[colorScheme === 'light' ? 'reject' : 'accept'];
    expect(hueOf(chosen.background).saturation).toBeGreaterThan(0.3);
    expect(contrast(chosen.text, chosen.background)).toBeGreaterThanOrEqual(AA);
    await expect(choose.getByRole('button', { pressed: true })).toHaveCount(1);
  }
});
