import { type Page } from '@playwright/test';
import { expect, makeQuarter, signIn, test } from './fixtures';

/** Keyboard use: the skip link. */

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
  const quarter = makeQuarter(world);
  await page.goto('/signin');
  await expectSkipLinkFirst(page);
  await expect(page.getByLabel('E-mail')).toBeFocused();

  await signIn(page, world.person('pm'));
  for (const path of ['/', `/cycles/${quarter.cycle.id}`, `/cycles/${quarter.cycle.id}/meetings`, '/settings']) {
    await page.goto(path);
    await expectSkipLinkFirst(page);
  }
});
