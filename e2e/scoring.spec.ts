import AxeBuilder from '@axe-core/playwright';
import { makeItem } from '../db/factories';
import { expect, signIn, test } from './fixtures';

test('a pm picks RICE, an engineer and a leader fill their own inputs, and the backlog sorts by score', async ({
  page,
  world,
  signedInAs,
}) => {
  const [pm, engineer, leader] = [
    await world.person('pm'),
    await world.person('engineer'),
    await world.person('leader'),
  ];
  const cycle = await world.cycle();
  const [a, b, c] = await world.batch(async () => {
    const made = [];
    for (const name of ['Ten', 'Hundred', 'Unfinished'])
      made.push(
        await makeItem(world.db, {
          cycleId: cycle.id,
          title: world.named(name),
          requestorId: pm.id,
          departmentId: pm.departmentId,
        }),
      );
    return made;
  });

  await signIn(page, pm);
  await page.goto(`/cycles/${cycle.id}/settings`);
  await page.getByLabel('Scoring model').selectOption({ label: 'RICE: reach × impact × confidence ÷ effort' });
  await page.getByRole('button', { name: 'Save scoring' }).click();
  await expect(page.getByRole('status', { name: 'Success' })).toHaveText('Scoring saved.');

  // The engineer owns effort only: reach is shown, not offered.
  const eng = await signedInAs(engineer);
  await eng.goto(`/cycles/${cycle.id}`);
  await eng.getByRole('link', { name: 'Scores' }).click();
  await expect(eng.getByLabel(`Reach for ${a.title}`)).toHaveCount(0);
  for (const [item, effort] of [
    [a, '10'],
    [b, '3'],
    [c, '1'],
  ] as const) {
    await eng.getByLabel(`Effort for ${item.title}`).fill(effort);
    await eng.getByRole('button', { name: `Save ${item.title}` }).click();
    await expect(eng.getByRole('row', { name: item.title }).getByRole('status')).toHaveText('Saved.');
  }

  // The leader types two rows, then saves them one by one: saving the first keeps what the second holds.
  const lead = await signedInAs(leader);
  await lead.goto(`/cycles/${cycle.id}/scores`);
  await expect(lead.getByLabel(`Effort for ${a.title}`)).toHaveCount(0);
  const fill = async (title: string, reach: string, impact: string, confidence: string) => {
    await lead.getByLabel(`Reach for ${title}`).fill(reach);
    await lead.getByLabel(`Impact for ${title}`).selectOption(impact);
    await lead.getByLabel(`Confidence for ${title}`).fill(confidence);
  };
  await fill(a.title, '100', '1', '100');
  await fill(b.title, '300', '2', '50');
  await lead.getByLabel(`Confidence for ${b.title}`).fill('150');
  await lead.getByRole('button', { name: `Save ${a.title}` }).click();
  await expect(lead.getByRole('row', { name: a.title }).getByRole('status')).toHaveText('Saved.');
  await expect(lead.getByLabel(`Reach for ${b.title}`)).toHaveValue('300');
  await lead.getByRole('button', { name: `Save ${b.title}` }).click();
  await expect(lead.getByText(`Confidence for “${b.title}” must be at most 100.`).first()).toBeVisible();
  await lead.getByLabel(`Confidence for ${b.title}`).fill('50');
  await lead.getByRole('button', { name: `Save ${b.title}` }).click();
  await expect(lead.getByRole('row', { name: b.title }).getByRole('status')).toHaveText('Saved.');
  await lead.getByLabel(`Reach for ${c.title}`).fill('50');
  await lead.getByRole('button', { name: `Save ${c.title}` }).click();
  await expect(lead.getByRole('row', { name: c.title })).toContainText('incomplete (2 of 4)');
  // The new page passes axe's serious rules, and on a phone the table scrolls, not the page.
  const { violations } = await new AxeBuilder({ page: lead })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await lead.setViewportSize({ width: 375, height: 700 });
  expect(await lead.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );

  // RICE: Hundred = 300 × 2 × 50 % ÷ 3 = 100; Ten = 100 × 1 × 100 % ÷ 10 = 10; Unfinished has no impact or confidence.
  await page.goto(`/cycles/${cycle.id}`);
  const table = page.getByRole('table', { name: 'Backlog items' });
  await table.getByRole('button', { name: 'Score' }).click();
  await expect(table.getByRole('link')).toHaveText([b.title, a.title, c.title]);
  await expect(table.getByRole('row', { name: c.title })).toContainText('incomplete (2 of 4)');
  await table.getByRole('button', { name: 'Score' }).click();
  await expect(table.getByRole('link')).toHaveText([a.title, b.title, c.title]);
});
