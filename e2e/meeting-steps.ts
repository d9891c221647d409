import { expect, type Locator, type Page } from '@playwright/test';
import { dragByMouse } from './mouse-drag';

/** What a person does and reads on the live meeting page (components/live/*). */

export const currentTitle = (page: Page) => page.locator('#current-item-title');

export const rankingList = (page: Page, name = 'Accepted items in rank order') =>
  page.getByRole('list', { name, exact: true });

export const rankingRows = (page: Page, name?: string) =>
  rankingList(page, name)
    .getByRole('listitem')
    .filter({ hasNot: page.getByRole('separator') });

/** Drags a row by its handle onto `target` with the mouse. */
export async function dragRow(page: Page, title: string, target: Locator) {
  await dragByMouse(page, page.getByRole('button', { name: `Drag ${title} (position`, exact: false }).first(), target);
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
