import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { makeItem, makeMeeting } from '@/db/factories';
import { meetings } from '@/db/schema';
import { expect, test } from './fixtures';
import { dragRow, rankingList, rankingRows } from './meeting-steps';

/**
 * Everyone ranks, in a live meeting nobody reloads: two leaders submit their own orders (one drags
 * with the mouse, one moves by keyboard), the facilitator sees the Borda aggregate and adopts it,
 * the presenter view follows; a "Move to…" move keeps focus on the moved row; a leader's what-if
 * cut line reaches the room and the facilitator applies its capacity.
 */

const [A, B, C, D] = ['Bulk refunds', 'Card wallet', 'Churn survey', 'Dunning emails'];
const MINE = 'My order of the accepted items';
/** The presenter view's list: the top of the ranking, large. */
const ROOM_SCREEN = 'Top of the ranking';

/** Serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('leaders rank, the facilitator adopts the Borda order, the room sees a what-if', async ({ signedInAs, world }) => {
  test.setTimeout(90_000);
  const { db } = world;
  const setup = await world.batch(async () => {
    // 3 + 3 + 3 + 1 person-weeks against 7: A and B fit, 1 week is left, which D (1) would still fit.
    const cycle = await world.cycle({ capacityWeeks: 7 });
    const pm = await world.person('pm');
    const ana = await world.person('leader', { name: 'Ana Sales', department: 'Sales' });
    const ben = await world.person('leader', { name: 'Ben Finance', department: 'Finance' });
    const ada = await world.person('admin');
    const ids: number[] = [];
    for (const [i, title] of [A, B, C, D].entries())
      ids.push(
        (
          await makeItem(db, {
            cycleId: cycle.id,
            title,
            estimateSize: i === 3 ? 'S' : 'M',
            status: 'accepted',
            rank: `a${i}`,
            requestorId: pm.id,
            departmentId: ana.departmentId,
          })
        ).id,
      );
    const meeting = await makeMeeting(db, {
      cycleId: cycle.id,
      facilitatorId: pm.id,
      attendees: [{ userId: ana.id }, { userId: ben.id }],
      itemIds: ids,
    });
    await db
      .update(meetings)
      .set({ status: 'live', startedAt: new Date().toISOString(), currentItemId: ids[0] })
      .where(eq(meetings.id, meeting.id));
    return { pm, ana, ben, ada, meetingId: meeting.id };
  });
  const [pm, ana, ben, screen] = [
    await signedInAs(setup.pm),
    await signedInAs(setup.ana),
    await signedInAs(setup.ben),
    await signedInAs(setup.ada),
  ];
  // The menus and the drag and drop must not need anything the Content-Security-Policy refuses.
  const cspViolations: string[] = [];
  for (const page of [pm, ana])
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) cspViolations.push(m.text());
    });
  for (const page of [pm, ana, ben]) await page.goto(`/meetings/${setup.meetingId}`);
  await screen.goto(`/meetings/${setup.meetingId}/present`);
  for (const page of [pm, ana, ben, screen]) await expect(page.getByText('Live updates on')).toBeVisible();
  // The honest cut line: a hint at what would still fit, nothing moved by it.
  await expect(rankingList(pm).getByRole('separator', { name: 'Cut line' })).toContainText(`would still fit: ${D}`);

  // Ana drags D to the top of her own order with the mouse, and submits it.
  await dragRow(ana, D, rankingRows(ana, MINE).first());
  await expect(rankingRows(ana, MINE).first()).toHaveAccessibleName(D);
  await ana.getByRole('button', { name: 'Submit my order' }).click();
  await expect(ana.getByText(/^You submitted your order at/)).toBeVisible();
  await expect(rankingRows(ana).first()).toHaveAccessibleName(A); // the room's ranking is unchanged

  // Ben moves A one place down by keyboard: focus the handle, Space, ArrowDown, Space.
  await ben.getByRole('button', { name: `Drag ${A} (position 1 of 4)` }).focus();
  // Each step is announced, naming the item and where it is; a person waits for it as for the motion.
  await ben.keyboard.press('Space');
  await expect(ben.getByText(`${A} is over position 1 of 4.`)).toBeAttached();
  await ben.keyboard.press('ArrowDown');
  await expect(ben.getByText(`${A} is over position 2 of 4.`)).toBeAttached();
  await ben.keyboard.press('Space');
  await expect(ben.getByText(`${A} dropped at position 2 of 4.`)).toBeAttached();
  await expect(rankingRows(ben, MINE).nth(1)).toHaveAccessibleName(A);
  await expect(ben.getByRole('button', { name: `Drag ${A} (position 2 of 4)` })).toBeFocused();
  await ben.getByRole('button', { name: 'Submit my order' }).click();
  await expect(ben.getByText(/^You submitted your order at/)).toBeVisible();

  // Borda (4 items: 3, 2, 1, 0 points): A 2+2, B 1+3, D 3+0, C 0+1 → A, B, D, C.
  await expect(pm.getByText('2 of 2 voters submitted an order.')).toBeVisible();
  const table = pm.getByRole('table', { name: 'Borda aggregate' });
  await expect(table.getByRole('row').nth(3)).toContainText(D);
  await expect(ana.getByRole('table', { name: 'Borda aggregate' })).toHaveCount(0);
  await pm.getByRole('button', { name: 'Adopt the combined order' }).click();
  await expect(rankingRows(ana).nth(2)).toHaveAccessibleName(D);
  await expect(rankingRows(screen, ROOM_SCREEN).nth(2)).toContainText(D);

  // "Move to…" on C: to the top, focus stays on the moved row's menu button.
  const menu = pm.getByRole('button', { name: `Move to… ${C}` });
  await menu.click();
  await pm.getByRole('menuitem', { name: 'Move to top' }).click();
  await expect(rankingRows(ben).first()).toHaveAccessibleName(C);
  await expect(rankingRows(screen, ROOM_SCREEN).first()).toContainText(C);
  await expect(menu).toBeFocused();

  // Ana tries 10 person-weeks and proposes it; the room sees it, the facilitator applies it.
  await ana.getByText('What if…? Try another cut line').click();
  await ana.getByLabel('Capacity to try (person-weeks)').fill('10');
  await expect(ana.getByRole('status', { name: 'What-if result' })).toContainText('4 of 4 would fit');
  await ana.getByRole('button', { name: 'Propose this cut line to the room' }).click();
  const banner = (page: typeof pm) => page.getByRole('region', { name: 'Cut line proposed by Ana Sales' });
  await expect(banner(screen)).toContainText('capacity 10 person-weeks');
  await expect(banner(pm)).toBeVisible();
  expect(await seriousViolations(pm)).toEqual([]);
  expect(await seriousViolations(ana)).toEqual([]);
  await banner(pm).getByRole('button', { name: 'Apply 10 person-weeks' }).click();
  await expect(ben.getByText('4 fit, 4 accepted — 10 of 10 person-weeks.')).toBeVisible();
  await expect(banner(screen)).toHaveCount(0);
  expect(cspViolations).toEqual([]);
});
