import { expect, type Locator, type Page } from '@playwright/test';

/** What a person does and reads on the live meeting page (components/live/*). */

export const currentTitle = (page: Page) => page.locator('#current-item-title');

export const rankingList = (page: Page, name = 'Accepted items in rank order') =>
  page.getByRole('list', { name, exact: true });

export const rankingRows = (page: Page, name?: string) =>
  rankingList(page, name)
    .getByRole('listitem')
    .filter({ hasNot: page.getByRole('separator') });

/**
 * Drags a row by its handle onto `target` with the mouse, in small steps as a hand does (the
 * sortable list starts a drag only after the pointer has moved a few pixels).
 */
export async function dragRow(page: Page, title: string, target: Locator) {
  const handle = page.getByRole('button', { name: `Drag ${title} (position`, exact: false }).first();
  await target.scrollIntoViewIfNeeded();
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, from.y + from.height / 2 + (to.y < from.y ? -8 : 8), { steps: 4 });
  await page.mouse.move(x, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

export async function vote(page: Page, choice: 'Accept' | 'Reject' | 'Defer', comment = '') {
  if (comment) await page.getByLabel('Comment (optional)').fill(comment);
  await page.getByRole('group', { name: 'Choose' }).getByRole('button', { name: choice }).click();
  await expect(page.getByText(`You voted ${choice}.`)).toBeVisible();
}

export async function decide(pm: Page, outcome: 'Accepted' | 'Rejected', reason = '') {
  const form = pm.getByRole('form', { name: 'Record the decision' });
  await form.getByRole('radio', { name: new RegExp(`^${outcome}`) }).check();
  if (reason) await form.getByLabel(/^Reason/).fill(reason);
  await form.getByRole('button', { name: 'Record decision' }).click();
}
