import { eq } from 'drizzle-orm';
import { makeItem, makeMeeting, makeTheme } from '@/db/factories';
import { meetings, themes } from '@/db/schema';
import { expect, test } from './fixtures';
import { rankingRows } from './meeting-steps';

/**
 * A cycle that means to give 30 % of its capacity to non-functional work: moving its tech-debt item
 * below the cut line in the live ranking warns the room (the facilitator and a leader, live); the
 * outcome lists the key outcome's metric and the share; the module view lists an item under two modules.
 */

const [DEBT, CHECKOUT, SEARCH, EXPORTS] = [
  'Retire the legacy session store',
  'One-page checkout',
  'Faster search',
  'Scheduled exports',
];

test('the non-functional share follows the live ranking, and shows on the outcome and by module', async ({
  signedInAs,
  world,
}) => {
  const { db } = world;
  const setup = await world.batch(async () => {
    // 3 + 4 + 3 fit 10 person-weeks, the fourth falls below: the tech debt (3) is 30 % while it is first.
    const cycle = await world.cycle({ capacityWeeks: 10, nfrTargetPercent: 30 });
    const pm = await world.person('pm');
    const leader = await world.person('leader');
    const theme = await makeTheme(db, cycle.id, { name: 'Growth', keyOutcome: 'More people finish checkout' });
    await db
      .update(themes)
      .set({ metricName: 'Checkout conversion', metricUnit: '%', metricBaseline: 2.1, metricTarget: 3 })
      .where(eq(themes.id, theme.id));
    const [payments, reporting] = [await world.module('payments'), await world.module('reporting')];
    const ids: number[] = [];
    for (const [i, [title, kind, weeks, moduleIds]] of (
      [
        [DEBT, 'tech_debt', 3, []],
        [CHECKOUT, 'feature', 4, [payments.id, reporting.id]],
        [SEARCH, 'feature', 3, [reporting.id]],
        [EXPORTS, 'feature', 3, []],
      ] as const
    ).entries())
      ids.push(
        (
          await makeItem(db, {
            cycleId: cycle.id,
            themeId: theme.id,
            title,
            kind,
            estimateWeeks: weeks,
            status: 'accepted',
            rank: `a${i}`,
            requestorId: pm.id,
            departmentId: leader.departmentId,
            moduleIds: [...moduleIds],
          })
        ).id,
      );
    const meeting = await makeMeeting(db, {
      cycleId: cycle.id,
      facilitatorId: pm.id,
      attendees: [{ userId: leader.id }],
      itemIds: ids,
    });
    await db
      .update(meetings)
      .set({ status: 'live', startedAt: new Date().toISOString(), currentItemId: ids[0] })
      .where(eq(meetings.id, meeting.id));
    return { pm, leader, cycleId: cycle.id, meetingId: meeting.id, payments, reporting };
  });
  const [pm, leader] = [await signedInAs(setup.pm), await signedInAs(setup.leader)];
  for (const page of [pm, leader]) {
    await page.goto(`/meetings/${setup.meetingId}`);
    await expect(page.getByText('Live updates on')).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Ranking' }).getByRole('status', { name: 'Non-functional share' }),
    ).toHaveText('Non-functional work above the cut line: 3 of 10 person-weeks (30 %) — meets the 30 % target.');
  }

  // The facilitator moves the tech debt to the bottom: below the cut line, and the room is warned.
  await pm.getByRole('button', { name: `Move to… ${DEBT}` }).click();
  await pm.getByRole('menuitem', { name: 'Move to bottom' }).click();
  for (const page of [pm, leader]) {
    await expect(rankingRows(page).last()).toHaveAccessibleName(DEBT);
    await expect(
      page
        .getByRole('region', { name: 'Ranking' })
        .getByRole('alert', { name: 'Non-functional share short of target' }),
    ).toHaveText(
      'Warning: Non-functional work above the cut line: 0 of 10 person-weeks (0 %) — short of the 30 % target by 3 person-weeks.',
    );
  }

  // Once the meeting has ended, the outcome shows the share and the key outcome's metric.
  await db
    .update(meetings)
    .set({ status: 'closed', endedAt: new Date().toISOString() })
    .where(eq(meetings.id, setup.meetingId));
  await pm.goto(`/cycles/${setup.cycleId}/outcome`);
  const growth = pm.getByRole('article', { name: 'Growth' });
  await expect(growth).toContainText('Key outcome: More people finish checkout');
  await expect(growth).toContainText('Measured by: Checkout conversion: 2.1 % → 3 %');
  await expect(pm.getByRole('alert', { name: 'Non-functional share short of target' })).toContainText(
    'Non-functional work accepted above the cut line: 0 of 10 person-weeks (0 %) — short of the 30 % target',
  );

  // By module: the checkout item is under payments and under reporting, each saying where else it is.
  await pm.goto(`/cycles/${setup.cycleId}`);
  await pm.getByRole('link', { name: 'By module' }).click();
  const payments = pm.getByRole('region', { name: setup.payments.name });
  const reporting = pm.getByRole('region', { name: setup.reporting.name });
  await expect(payments.getByRole('listitem').filter({ hasText: CHECKOUT })).toContainText(
    `also in: ${setup.reporting.name}`,
  );
  await expect(payments).toContainText('1 item · 4 person-weeks');
  await expect(reporting.getByRole('listitem').filter({ hasText: CHECKOUT })).toContainText(
    `also in: ${setup.payments.name}`,
  );
  await expect(reporting).toContainText('2 items · 7 person-weeks');
  await expect(pm.getByRole('region', { name: 'No module' })).toContainText(EXPORTS);
});
