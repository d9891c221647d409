import { expect, type Browser, type Page } from '@playwright/test';

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

/** A signed-in page in a context of its own: one person at their own browser. */
export async function signedInPage(browser: Browser, email: string, baseURL?: string): Promise<Page> {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The pm schedules a meeting of the demo cycle with one attendee and one agenda item, through the UI. */
export async function planMeeting(page: Page, title: string, attendee: string, item: string) {
  const cycleId = await openDemoCycle(page);
  await page.getByRole('link', { name: 'Meetings' }).click();
  await expect(page).toHaveURL(`/cycles/${cycleId}/meetings`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date and time', { exact: true }).fill('2027-01-11T15:00');
  await page.getByLabel('Location').fill('Board room');
  await page.getByLabel('Facilitator').selectOption({ label: 'Priya Patel (pm)' });
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  await page.getByRole('checkbox', { name: attendee }).check();
  await page.getByRole('button', { name: 'Save attendees' }).click();
  await expect(page.getByText('Attendees saved: 1 people.').or(page.getByText('Attendees saved: 1 person.'))).toBeVisible();

  await page.getByRole('checkbox', { name: `Include ${item}` }).check();
  await page.getByRole('button', { name: 'Save agenda' }).click();
  await expect(page.getByText('Agenda saved: 1 items.').or(page.getByText('Agenda saved: 1 item.'))).toBeVisible();
  return Number(new URL(page.url()).pathname.split('/')[2]);
}
