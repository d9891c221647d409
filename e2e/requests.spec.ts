import { type Page } from '@playwright/test';
import { makeItem } from '../db/factories';
import { expect, makeQuarter, signIn, test, type Person } from './fixtures';

/** A title no other test (or earlier run) uses, so tests sharing the database never collide. */
function uniqueTitle(base: string) {
  return `${base} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const FORBIDDEN = 'You do not have access to this page';
const NOT_FOUND = 'This page does not exist';

/** Fills and submits the new-request form as a requestor would. */
async function submitRequest(page: Page, title: string, sponsor = 'Fatima Finance') {
  await page.goto('/requests');
  await page.getByRole('main').getByRole('link', { name: 'New request' }).click();
  await expect(page.getByRole('heading', { name: 'New request' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Description', { exact: true }).fill('Let resellers log in and see the deals they brought in.');
  await page.getByLabel('Business benefit', { exact: true }).fill('Partners bring a third of new revenue.');
  await page.getByLabel('Sponsor suggestion', { exact: true }).fill(sponsor);
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(/\/requests\?created=1$/);
  await expect(page.getByText('Your request has been submitted.')).toBeVisible();
}

test('a requestor submits a request, follows it and withdraws it', async ({ page, world }) => {
  const title = uniqueTitle('Export invoices to the accounting system');
  const rosa = await world.person('requestor');
  await signIn(page, rosa);
  await page.goto('/requests/new');

  // First without a title: the error sits beside the field and nothing typed is lost.
  await page.getByLabel('Description', { exact: true }).fill('A nightly export of every invoice.');
  await page.getByLabel('Business benefit', { exact: true }).fill('Finance stops re-typing invoices.');
  await page.getByLabel('Sponsor suggestion', { exact: true }).fill('Fatima Finance');
  await expect(page.getByLabel('Department', { exact: true }).locator('option:checked')).toHaveText(
    rosa.departmentName,
  );
  await page.getByRole('button', { name: 'Submit request' }).click();
  const titleField = page.getByLabel('Title', { exact: true });
  await expect(titleField).toHaveAccessibleDescription(/Title is required\./);
  await expect(titleField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue('A nightly export of every invoice.');
  await expect(page.getByLabel('Business benefit', { exact: true })).toHaveValue('Finance stops re-typing invoices.');
  await expect(page.getByLabel('Sponsor suggestion', { exact: true })).toHaveValue('Fatima Finance');
  await expect(page.getByLabel('Department', { exact: true }).locator('option:checked')).toHaveText(
    rosa.departmentName,
  );

  await titleField.fill(title);
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(/\/requests\?created=1$/);
  const row = page.getByRole('row', { name: title });
  await expect(row.getByText('Submitted', { exact: true })).toBeVisible();

  await row.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('A nightly export of every invoice.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'submitted the request' })).toBeVisible();

  // The confirm step opens and closes with the keyboard; Escape keeps the request.
  const withdraw = page.getByRole('button', { name: 'Withdraw request' });
  await withdraw.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Withdraw this request? This cannot be undone.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Yes, withdraw' })).toBeHidden();
  await expect(withdraw).toBeFocused();

  await withdraw.click();
  await page.getByRole('button', { name: 'Yes, withdraw' }).click();
  await expect(page).toHaveURL(/\/requests\?withdrawn=1$/);
  await expect(page.getByText('Your request has been withdrawn.')).toBeVisible();
  await expect(page.getByRole('row', { name: title }).getByText('Withdrawn', { exact: true })).toBeVisible();

  // A withdrawn request cannot be withdrawn again.
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw request' })).toHaveCount(0);
});

test('a requestor sees only their own requests', async ({ page, signedInAs, world }) => {
  const { rosa, sam } = await world.batch(async () => {
    const people = {
      rosa: await world.person('requestor'),
      sam: await world.person('requestor', { name: 'Sam Sato', department: 'Finance' }),
    };
    const submitted = async (by: Person, title: string, description: string, businessBenefit: string) =>
      makeItem(world.db, {
        requestorId: by.id,
        departmentId: by.departmentId,
        status: 'submitted',
        title,
        description,
        businessBenefit,
      });
    await submitted(
      people.rosa,
      'Quote builder for sales calls',
      'Let sales build a quote during a call and send it as a link.',
      'Shorter sales cycles for mid-market deals.',
    );
    await submitted(
      people.sam,
      'Automatic dunning for failed payments',
      'Retry failed card payments and e-mail the customer.',
      'Recovers revenue lost to expired cards.',
    );
    return people;
  });

  // Sam tells us the id of his request, as a guessing attacker might.
  const samPage = await signedInAs(sam);
  await samPage.goto('/requests');
  const href = await samPage.getByRole('link', { name: 'Automatic dunning for failed payments' }).getAttribute('href');
  await samPage.context().close();
  expect(href).toMatch(/^\/requests\/\d+$/);

  await signIn(page, rosa);
  await page.goto('/requests');
  await expect(page.getByRole('link', { name: 'Quote builder for sales calls' })).toBeVisible();
  await expect(page.getByText('Automatic dunning for failed payments')).toHaveCount(0);

  await page.goto(href!);
  await expect(page.getByRole('heading', { name: FORBIDDEN })).toBeVisible();
  await expect(page.getByText('Automatic dunning for failed payments')).toHaveCount(0);

  await page.goto('/requests/999999');
  await expect(page.getByRole('heading', { name: NOT_FOUND })).toBeVisible();

  for (const path of ['/cycles', '/triage', `/triage${href!.slice('/requests'.length)}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: FORBIDDEN })).toBeVisible();
  }
});

test('the pm triages a new request into a cycle and the requestor sees it curated', async ({
  page,
  signedInAs,
  world,
}) => {
  const { cycle, rosa } = await makeQuarter(world);
  const title = uniqueTitle('Partner portal for resellers');
  await signIn(page, rosa);
  await submitRequest(page, title);

  const pm = await signedInAs('pm');
  await pm.goto('/triage');
  await pm
    .getByRole('row', { name: title })
    .getByRole('link', { name: `Triage ${title}` })
    .click();
  await expect(pm.getByRole('heading', { name: `Triage: ${title}` })).toBeVisible();
  await expect(pm.getByText('Suggested sponsor:')).toContainText('Fatima Finance');
  await expect(pm.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expect(pm.getByRole('combobox', { name: 'SME' })).toHaveValue('');

  await pm.getByLabel('Cycle', { exact: true }).selectOption({ label: cycle.name });
  // Themes are grouped per cycle; an <optgroup> has no accessible name to find it by role.
  const theme = pm.getByLabel('Theme', { exact: true });
  const option = theme.locator(`optgroup[label="${cycle.name}"] > option`, { hasText: 'Enterprise readiness' });
  await theme.selectOption((await option.getAttribute('value'))!);

  // A bad estimate is refused beside its field, and the choices made so far stay.
  const estimate = pm.getByLabel('Estimate', { exact: true });
  await estimate.fill('-2');
  await pm.getByRole('button', { name: 'Move into cycle' }).click();
  await expect(estimate).toHaveAccessibleDescription(/Estimate must be more than 0 person-weeks\./);
  await expect(pm.getByLabel('Cycle', { exact: true }).locator('option:checked')).toHaveText(cycle.name);
  await expect(theme.locator('option:checked')).toHaveText('Enterprise readiness');

  await estimate.fill('M');
  await pm.getByRole('button', { name: 'Move into cycle' }).click();
  await expect(pm).toHaveURL(new RegExp(`/cycles/${cycle.id}\\?triaged=\\d+$`));

  await page.goto('/requests');
  await expect(page.getByRole('row', { name: title }).getByText('Curated', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: title })).toContainText(cycle.name);
});
