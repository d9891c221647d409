import { type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expect, makeQuarter, openCycle, signIn, test, type Quarter } from './fixtures';

// API writes must say where they come from (proxy.ts refuses cross-site ones); Playwright's client sends no Origin.
const SAME_ORIGIN = { origin: BASE_URL };

/** Adds an item to the quarter through the form, sponsored by its Finance leader. */
async function addItem(page: Page, quarter: Quarter, fields: { title: string; estimate?: string; theme?: string }) {
  await page.goto(`/cycles/${quarter.cycle.id}/items/new`);
  await page.getByLabel('Title').fill(fields.title);
  await page.getByLabel('Description').fill('Let finance close the month without spreadsheets.');
  await page.getByLabel('Business benefit').fill('Saves two days of finance work every month.');
  if (fields.theme) await page.getByLabel('Theme', { exact: true }).selectOption({ label: fields.theme });
  await page.getByLabel('Estimate').fill(fields.estimate ?? 'M');
  await page.getByLabel('Sponsor').selectOption({ label: quarter.leaders.Finance.name });
  await page.getByLabel('Department').selectOption({ label: quarter.departments.Finance.name });
  await page.getByLabel(quarter.modules.Billing.name, { exact: true }).check();
  await page.getByLabel(quarter.modules.Reporting.name, { exact: true }).check();
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('heading', { name: fields.title })).toBeVisible();
}

test('a pm adds and edits an item; bad input is refused beside each field and nothing is lost', async ({
  page,
  world,
}) => {
  const quarter = await makeQuarter(world);
  const pm = await world.person('pm');
  await signIn(page, pm);
  const cycleId = await openCycle(page, quarter.cycle);
  await page.goto(`/cycles/${cycleId}/items/new`);
  await page.getByLabel('Description').fill('Kept when the form is refused');
  await page.getByLabel('Estimate').fill('-3');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByText('Title is required.')).toBeVisible();
  await expect(page.getByText('Estimate must be more than 0 person-weeks.')).toBeVisible();
  await expect(page.getByLabel('Description')).toHaveValue('Kept when the form is refused');

  await page.getByLabel('Title').fill('x'.repeat(10_000));
  await page.getByLabel('Estimate').fill('lots');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByText('Title must be at most 200 characters.')).toBeVisible();
  await expect(page.getByText('Estimate must be a size (XS, S, M, L, XL) or a number of person-weeks.')).toBeVisible();

  const title = `Month-end close automation ${Date.now()}`;
  await addItem(page, quarter, { title, estimate: '2.5', theme: 'Customer insight' });
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('Item added.')).toBeVisible();
  await expect(page.getByText('2.5 person-weeks')).toBeVisible();
  await expect(page.getByText(`${quarter.modules.Billing.name}, ${quarter.modules.Reporting.name}`)).toBeVisible();

  await page.getByRole('link', { name: 'Edit item' }).click();
  await page.getByLabel('Estimate').fill('L');
  await page.getByLabel(quarter.modules.Reporting.name, { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await expect(page.getByText('L (6 person-weeks)')).toBeVisible();
  // The history shows who changed what, from what to what.
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText(pm.name).first()).toBeVisible();
  await expect(history.getByText(/2\.5/)).toBeVisible();

  // A lifecycle move is offered only where allowed; rejecting is final.
  await page.getByLabel('New status').selectOption({ label: 'Rejected' });
  await page.getByLabel('Reason (optional)').fill('Out of scope this quarter');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByText('Status changed to Rejected.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Rejected', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change status' })).toHaveCount(0);

  // Through the API, an illegal move is refused with a message and a 400.
  const itemId = Number(new URL(page.url()).pathname.split('/')[2]);
  const res = await page.request.post(`/api/items/${itemId}/status`, {
    headers: SAME_ORIGIN,
    data: { status: 'scheduled' },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toContain('A rejected item cannot change status.');
});

test('the backlog table filters, sorts, groups and keeps the view in the URL', async ({ page, world }) => {
  const quarter = await makeQuarter(world);
  await signIn(page, quarter.leaders.Sales);
  const cycleId = await openCycle(page, quarter.cycle);
  const table = page.getByRole('table');
  const all = Object.keys(quarter.items).length;
  await expect(page.getByText(`Showing ${all} of ${all} items`)).toBeVisible();

  await page.getByLabel('Search').fill('SAML');
  await expect(table.getByRole('link', { name: 'SAML single sign-on' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Usage-based pricing tier' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Platform reliability' });
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Tech debt' });
  await expect(table.getByRole('link', { name: 'Retire the legacy billing cron jobs' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Zero-downtime deploys' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Title' }).click();
  await page.getByLabel('Group by', { exact: true }).selectOption({ label: 'Module' });
  await expect(page).toHaveURL(/theme=\d+/);
  await expect(page).toHaveURL(/group=module/);

  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('tech_debt');
  await expect(page.getByLabel('Group by')).toHaveValue('module');
  await expect(table.getByRole('link', { name: 'Retire the legacy billing cron jobs' })).toBeVisible();

  // The same link opened by someone else shows the same view.
  await page.goto(`/cycles/${cycleId}`);
  await page.goto(url);
  await expect(table.getByRole('link', { name: 'Zero-downtime deploys' })).toHaveCount(0);
  // A leader sees values, not inline editors.
  await expect(page.getByLabel(/Status for item/)).toHaveCount(0);
});

test('a pm edits estimate, theme and status inline and the capacity bar follows', async ({ page, world }) => {
  const quarter = await makeQuarter(world);
  await signIn(page, await world.person('pm'));
  const cycleId = await openCycle(page, quarter.cycle);
  const title = `Inline edit target ${Date.now()}`;
  await addItem(page, quarter, { title, estimate: 'S' });
  const itemId = Number(new URL(page.url()).pathname.split('/')[2]);
  await page.goto(`/cycles/${cycleId}?q=${encodeURIComponent(title)}`);
  const meter = page.getByRole('meter', { name: 'Planned capacity' });
  const planned = async () => Number((await meter.getAttribute('aria-valuetext'))?.match(/^([\d.]+) of/)?.[1]);
  const before = await planned();

  // Cells read as text; a click opens the editor. A change is saved on Enter, or when the field is left.
  const cell = (field: string) => page.getByRole('button', { name: new RegExp(`^${field} for item ${itemId}:`) });
  const editor = (field: string) => page.getByRole('combobox', { name: `${field} for item ${itemId}` });
  await cell('Estimate').click();
  await editor('Estimate').selectOption('XL');
  await editor('Estimate').press('Enter');
  // S (1 pw) became XL (12 pw) in the cycle's size table.
  await expect.poll(planned).toBe(before - 1 + 12);
  await cell('Theme').click();
  await editor('Theme').selectOption({ label: 'Enterprise readiness' });
  // Opening the next cell leaves the theme: that saves it.
  await cell('Status').click();
  await editor('Status').selectOption({ label: 'Accepted' });
  // Saves run one after another per item: once the status is answered, the theme is saved too.
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/items/${itemId}/cell`) && r.request().postData()?.includes('"status"') === true,
  );
  await editor('Status').press('Enter');
  expect((await saved).status()).toBe(200);
  await expect(editor('Status')).toHaveValue('accepted');
  await expect(page.getByRole('button', { name: `Theme for item ${itemId}: Enterprise readiness` })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('button', { name: `Estimate for item ${itemId}: XL · 12 pw` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Theme for item ${itemId}: Enterprise readiness` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Status for item ${itemId}: Accepted` })).toBeVisible();
  await page.goto(`/items/${itemId}`);
  await expect(page.getByRole('main').locator('dl').getByText('Enterprise readiness')).toBeVisible();
});

test('a requestor cannot open the backlog or use the item API', async ({ page, signedInAs, world }) => {
  const quarter = await makeQuarter(world);
  const { cycle, rosa } = quarter;
  await signIn(page, rosa);
  await page.goto(`/cycles/${cycle.id}`);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  const res = await page.request.post('/api/items', {
    headers: SAME_ORIGIN,
    data: {
      cycleId: cycle.id,
      title: 'Sneaky item',
      requestorId: rosa.id,
      departmentId: rosa.departmentId,
      kind: 'feature',
    },
  });
  expect(res.status()).toBe(403);
  const list = await page.request.get(`/api/cycles/${cycle.id}/items`);
  expect(list.status()).toBe(403);

  // Nothing was written: the pm finds the quarter's items and no other.
  const pm = await signedInAs('pm');
  const items = await (await pm.request.get(`/api/cycles/${cycle.id}/items`)).json();
  const titleAt = (items.columns as string[]).indexOf('title');
  expect(titleAt).toBeGreaterThanOrEqual(0);
  expect(items.items).toHaveLength(Object.keys(quarter.items).length);
  expect(items.items.some((row: unknown[]) => row[titleAt] === 'Sneaky item')).toBe(false);
});

test('a theme from another cycle is refused by the API with a message naming the field', async ({ page, world }) => {
  const cycle = await world.cycle();
  const pm = await world.person('pm');
  await signIn(page, pm);
  await page.goto('/cycles/new');
  const name = world.named('Other');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create cycle' }).click();
  await page.getByLabel('Theme name', { exact: true }).fill('Elsewhere');
  await page.getByLabel('Key outcome', { exact: true }).fill(`Not in ${cycle.name}`);
  await page.getByRole('button', { name: 'Add theme' }).click();
  await expect(page.getByRole('listitem', { name: 'Theme Elsewhere' })).toBeVisible();
  const otherCycleId = Number(new URL(page.url()).pathname.split('/')[2]);

  const meta = await (await page.request.get(`/api/cycles/${otherCycleId}/items`)).json();
  expect(meta.items).toEqual([]);
  const themeId = Number(
    await page
      .getByRole('listitem', { name: 'Theme Elsewhere' })
      .getByRole('textbox')
      .first()
      .getAttribute('id')
      .then((id) => id?.match(/theme-(\d+)/)?.[1]),
  );
  const res = await page.request.post('/api/items', {
    headers: SAME_ORIGIN,
    data: {
      cycleId: cycle.id,
      title: 'Wrong theme',
      requestorId: pm.id,
      departmentId: pm.departmentId,
      kind: 'feature',
      themeId,
    },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).fieldErrors.themeId).toEqual(['This theme belongs to another cycle.']);
});
