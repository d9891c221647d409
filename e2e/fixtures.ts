import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'quorum-demo';

export const USERS = {
  admin: 'admin@quorum.test',
  pm: 'pm@quorum.test',
  leader: 'leader.sales@quorum.test',
  engineer: 'engineer@quorum.test',
  requestor: 'requestor@quorum.test',
  requestor2: 'requestor2@quorum.test',
} as const;

/** Signs in through the real form, as a person would, and waits for the app shell. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** The id of the demo cycle, read from the cycles list. */
export async function openDemoCycle(page: Page) {
  await page.goto('/cycles');
  await page.getByRole('link', { name: '2027-Q1' }).first().click();
  await expect(page.getByRole('heading', { name: /2027-Q1/ })).toBeVisible();
  return Number(new URL(page.url()).pathname.split('/')[2]);
}
