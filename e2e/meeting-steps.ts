import { expect, type Page } from '@playwright/test';

/** What a person does and reads on the live meeting page (components/live/*). */

export const currentTitle = (page: Page) => page.locator('#current-item-title');

export const rankingRows = (page: Page) =>
  page
    .getByRole('list', { name: 'Accepted items in rank order' })
    .getByRole('listitem')
    .filter({ hasNot: page.getByRole('separator') });

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
