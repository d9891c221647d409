import { type Page } from '@playwright/test';
import { expect, makeQuarter, signIn, test } from './fixtures';

/** Keyboard use: the skip link, and editing backlog cells without a mouse or a lost focus. */

async function expectSkipLinkFirst(page: Page) {
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab lands inside the main content, past the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
}

test('the first Tab on every page reaches a skip link that moves focus to the main content', async ({
  page,
  world,
}) => {
  const quarter = await makeQuarter(world);
  await page.goto('/signin');
  await expectSkipLinkFirst(page);
  await expect(page.getByLabel('E-mail')).toBeFocused();

  await signIn(page, await world.person('pm'));
  for (const path of ['/', `/cycles/${quarter.cycle.id}`, `/cycles/${quarter.cycle.id}/meetings`, '/settings']) {
    await page.goto(path);
    await expectSkipLinkFirst(page);
  }
});

test('backlog cells read as text, fit 1440 px, and are edited by keyboard with focus kept on the control', async ({
  page,
  world,
}) => {
  const quarter = await makeQuarter(world);
  const item = quarter.items['Annual plans with a discount at checkout'];
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, await world.person('pm'));
  await page.goto(`/cycles/${quarter.cycle.id}`);
  const table = page.getByRole('table', { name: 'Backlog items' });
  const row = table.getByRole('row', { name: new RegExp(item.title) });
  await expect(row).toBeVisible();

  // Calm: values as text, no control in any cell until one is opened.
  await expect(table.getByRole('combobox')).toHaveCount(0);
  // Every default column is on screen, nothing scrolls sideways, and no cell cuts its text off.
  for (const column of ['Title', 'Estimate', 'Sponsor', 'Requestor', 'SME']) {
    await expect(table.getByRole('columnheader', { name: column })).toBeInViewport({ ratio: 1 });
  }
  const region = page.getByRole('region', { name: 'Backlog items' });
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const clipped = await row
    .getByRole('cell')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  expect(clipped).toEqual([]);
  await expect(row.getByRole('button', { name: `Estimate for item ${item.id}: M · 3 pw` })).toBeVisible();

  const saves: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH' && r.url().endsWith(`/api/items/${item.id}/cell`)) saves.push(r.postData() ?? '');
  });
  const theme = row.getByRole('combobox', { name: `Theme for item ${item.id}` });

  // Tab from the title opens the theme cell's editor, focused.
  await row.getByRole('link', { name: item.title }).focus();
  await page.keyboard.press('Tab');
  await expect(theme).toBeFocused();
  // Arrowing through the options saves nothing; Escape puts the saved value back.
  await page.keyboard.press('ArrowDown');
  await expect(theme).toHaveValue(String(quarter.themes['Enterprise readiness'].id));
  await page.keyboard.press('Escape');
  await expect(theme).toHaveValue(String(quarter.themes['Grow self-serve revenue'].id));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(theme).toHaveValue(String(quarter.themes['Platform reliability'].id));
  expect(saves).toEqual([]);

  // Enter saves once, and focus stays on the control through and after the save.
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/items/${item.id}/cell`));
  await page.keyboard.press('Enter');
  expect((await saved).status()).toBe(200);
  await expect(theme).not.toHaveAttribute('aria-busy', 'true');
  await expect(theme).toBeFocused();
  expect(saves.map((body) => JSON.parse(body))).toEqual([
    expect.objectContaining({ field: 'theme', value: quarter.themes['Platform reliability'].id }),
  ]);

  // Leaving the field by Tab reads as text again and moves on to the next editable cell.
  await page.keyboard.press('Tab');
  await expect(row.getByRole('combobox', { name: `Status for item ${item.id}` })).toBeFocused();
  await expect(row.getByRole('button', { name: `Theme for item ${item.id}: Platform reliability` })).toBeVisible();

  // The estimate: a choice is saved when the field is left.
  const meter = page.getByRole('meter', { name: 'Planned capacity' });
  const planned = async () => Number((await meter.getAttribute('aria-valuetext'))?.match(/^([\d.]+) of/)?.[1]);
  const before = await planned();
  await page.keyboard.press('Tab');
  const estimate = row.getByRole('combobox', { name: `Estimate for item ${item.id}` });
  await expect(estimate).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(estimate).toHaveValue('L');
  expect(saves).toHaveLength(1);
  await page.keyboard.press('Tab');
  // M (3 pw) became L (6 pw).
  await expect.poll(planned).toBe(before + 3);
  await expect(row.getByRole('button', { name: `Estimate for item ${item.id}: L · 6 pw` })).toBeVisible();
  expect(saves).toHaveLength(2);

  await page.reload();
  await expect(row.getByRole('button', { name: `Theme for item ${item.id}: Platform reliability` })).toBeVisible();
  await expect(row.getByRole('button', { name: `Estimate for item ${item.id}: L · 6 pw` })).toBeVisible();
});
