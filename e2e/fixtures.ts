import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { hashPassword } from '../lib/auth/password.server';
import type { Db } from '../db/client';
import type { Cycle, Item, Role } from '../db/schema';
import { E2E_DATABASE, openTestDatabase } from './fixtures/db';
import { PASSWORD, createWorld, type Person, type World } from './fixtures/world';

export { expect };
export { PASSWORD, createWorld, type Person, type World } from './fixtures/world';
export {
  makeDelivery,
  makePrioritisation,
  makeQuarter,
  type Delivery,
  type Prioritisation,
  type Quarter,
} from './fixtures/data';
export { openTestDatabase } from './fixtures/db';

/**
 * The specs' `test`: every test makes its own people and data (`world`) in the shared e2e server's
 * database and signs them in through the real sign-in form, so tests never share what they change
 * and may run in any order, in parallel.
 */
export const test = base.extend<
  {
    world: World;
    /** A person signed in at a browser of their own (a new context, closed after the test); a role makes a new person. */
    signedInAs: (who: Person | Role, options?: BrowserContextOptions) => Promise<Page>;
  },
  { db: Db; passwordHash: string }
>({
  db: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const connection = openTestDatabase(E2E_DATABASE);
      await use(connection.db);
      await connection.close();
    },
    { scope: 'worker' },
  ],

  passwordHash: [
    // eslint-disable-next-line no-empty-pattern -- as above
    async ({}, use) => {
      await use(await hashPassword(PASSWORD));
    },
    { scope: 'worker' },
  ],

  world: async ({ db, passwordHash }, use) => {
    const world = createWorld(db, passwordHash);
    await use(world);
    await world.retire();
  },

  signedInAs: async ({ browser, world }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who, options = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, typeof who === 'string' ? await world.person(who) : who);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

/** Signs in through the real form, as a person would, and waits for the app shell. */
export async function signIn(page: Page, who: Person | string, password = PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(typeof who === 'string' ? who : who.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Opens a cycle from the cycles list, as a person would, and returns its id. */
export async function openCycle(page: Page, cycle: Pick<Cycle, 'id' | 'name'>) {
  await page.goto('/cycles');
  await page.getByRole('link', { name: cycle.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: cycle.name })).toBeVisible();
  await expect(page).toHaveURL(`/cycles/${cycle.id}`);
  return cycle.id;
}

/** The pm schedules a meeting of the cycle with one attendee and one agenda item, through the UI; returns its id. */
export async function planMeeting(
  page: Page,
  plan: {
    cycle: Pick<Cycle, 'id' | 'name'>;
    title: string;
    facilitator: Person;
    attendee: Person;
    item: Pick<Item, 'title'>;
  },
) {
  const cycleId = await openCycle(page, plan.cycle);
  await page.getByRole('link', { name: 'Meetings' }).click();
  await expect(page).toHaveURL(`/cycles/${cycleId}/meetings`);
  await page.getByLabel('Title').fill(plan.title);
  await page.getByLabel('Date and time', { exact: true }).fill('2027-01-11T15:00');
  await page.getByLabel('Location').fill('Board room');
  await page.getByLabel('Facilitator').selectOption({ label: `${plan.facilitator.name} (pm)` });
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByRole('heading', { name: plan.title })).toBeVisible();

  // A new meeting opens at its first step left to do: the attendees.
  await expect(page.getByRole('heading', { name: 'Attendees', exact: true, level: 2 })).toBeVisible();
  await page.getByRole('checkbox', { name: plan.attendee.name }).check();
  await page.getByRole('button', { name: 'Save attendees' }).click();
  await expect(
    page.getByText('Attendees saved: 1 people.').or(page.getByText('Attendees saved: 1 person.')),
  ).toBeVisible();

  await openPlanStep(page, 'Agenda');
  await page.getByRole('checkbox', { name: `Include ${plan.item.title}` }).check();
  await page.getByRole('button', { name: 'Save agenda' }).click();
  await expect(page.getByText('Agenda saved: 1 items.').or(page.getByText('Agenda saved: 1 item.'))).toBeVisible();
  await openPlanStep(page, 'Pre-read');
  return Number(new URL(page.url()).pathname.split('/')[2]);
}

/** On a meeting's planning page, opens one step (Details, Attendees, Agenda, Pre-read) from the step navigation. */
export async function openPlanStep(page: Page, step: 'Details' | 'Attendees' | 'Agenda' | 'Pre-read') {
  await page
    .getByRole('navigation', { name: 'Planning steps' })
    .getByRole('link', { name: new RegExp(`^\\d\\. ${step}$`) })
    .click();
  await expect(page.getByRole('heading', { name: step, exact: true, level: 2 })).toBeVisible();
}
