import AxeBuilder from '@axe-core/playwright';
import { eq } from 'drizzle-orm';
import { makeItem, makeTheme } from '../db/factories';
import type { Db } from '../db/handle';
import { itemModules, items, modules, themes } from '../db/schema';
import { expect, test } from './fixtures';
import {
  DUPLICATE_ROW,
  EXISTING_ROW,
  LONG_TITLE_ROW,
  MISSING_TITLE_ROW,
  messyCsv,
  messyXlsx,
  windows1252,
  type MessyNames,
} from './fixtures/messy-sheet';

/** A cycle's items as the fields an import sets, themes and modules by name, in title order. */
async function itemsOf(db: Db, cycleId: number) {
  const rows = await db
    .select({
      id: items.id,
      title: items.title,
      description: items.description,
      businessBenefit: items.businessBenefit,
      estimateSize: items.estimateSize,
      estimateWeeks: items.estimateWeeks,
      kind: items.kind,
      theme: themes.name,
      departmentId: items.departmentId,
      sme: items.sme,
      sponsorId: items.sponsorId,
      sponsorSuggestion: items.sponsorSuggestion,
      requestorId: items.requestorId,
    })
    .from(items)
    .leftJoin(themes, eq(themes.id, items.themeId))
    .where(eq(items.cycleId, cycleId));
  const links = await db
    .select({ itemId: itemModules.itemId, name: modules.name })
    .from(itemModules)
    .innerJoin(modules, eq(modules.id, itemModules.moduleId));
  return rows
    .map(({ id, ...item }) => ({
      ...item,
      modules: links
        .filter((l) => l.itemId === id)
        .map((l) => l.name)
        .sort(),
    }))
    .sort((a, b) => (a.title < b.title ? -1 : 1));
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('a pm imports a messy sheet (CSV, Windows-1252 CSV and XLSX), fixes two rows, imports, undoes and imports again', async ({
  signedInAs,
  world,
}) => {
  const pm = await world.person('pm');
  const sponsor = await world.person('leader', { name: 'Jane Doe' });
  const ops = await world.department('Ops');
  const [payments, reporting] = [await world.module('payments'), await world.module('reporting-api')];
  const cycle = await world.cycle();
  const theme = await makeTheme(world.db, cycle.id, { name: world.named('Growth') });
  const existingTitle = world.named('Export the backlog to CSV');
  await makeItem(world.db, { cycleId: cycle.id, title: existingTitle, requestorId: pm.id, departmentId: ops.id });
  const names: MessyNames = {
    sponsor: sponsor.name,
    department: ops.name,
    theme: theme.name,
    modules: [payments.name, reporting.name],
    existingTitle,
    tag: world.tag,
  };

  const page = await signedInAs(pm);
  await page.goto(`/cycles/${cycle.id}`);
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Import into ${cycle.name}` })).toBeVisible();
  const source = page.getByRole('form', { name: 'Source' });
  const file = source.getByLabel('Spreadsheet file (CSV or XLSX)');
  const preview = page.getByRole('region', { name: '3. Preview' });
  // The two rows the sheet gets wrong (no title, a title far too long), corrected in the preview.
  const fixTwoRows = async () => {
    for (const [row, title] of [
      [MISSING_TITLE_ROW, world.named('Named at last')],
      [LONG_TITLE_ROW, world.named('Short enough now')],
    ] as const) {
      await preview.getByRole('button', { name: `Edit row ${row}` }).click();
      const edit = preview.getByRole('form', { name: `Edit row ${row}` });
      await edit.getByLabel('Title').fill(title);
      await edit.getByRole('button', { name: `Save row ${row}` }).click();
      await expect(page.getByRole('status').filter({ hasText: `Row ${row} updated.` })).toBeVisible();
      await expect(preview.getByRole('row', { name: `Row ${row}`, exact: true }).getByText(title)).toBeVisible();
    }
  };

  // Over the size limit: said in the form, before anything is sent.
  await file.setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(1_000_001, 'a') });
  await source.getByRole('button', { name: 'Read rows' }).click();
  await expect(source.getByText('The file is larger than the limit of 1 MB (1,000,000 bytes).')).toBeVisible();

  // CSV with commas: the mapping is suggested from the headers' meaning.
  await file.setInputFiles({ name: 'messy.csv', mimeType: 'text/csv', buffer: Buffer.from(messyCsv(names), 'utf8') });
  await source.getByRole('button', { name: 'Read rows' }).click();
  const columns = page.getByRole('form', { name: 'Columns and options' });
  await expect(columns.getByRole('heading', { name: '2. Columns of messy.csv' })).toBeVisible();
  await expect(columns.getByLabel('Column “Exec. Sponsor (VP)”')).toHaveValue('sponsor');
  await expect(columns.getByLabel('Column “Team asking”')).toHaveValue('department');
  await expect(preview.getByText('2 of 40 rows have problems to fix.')).toBeVisible();

  // CSV with semicolons, saved as Windows-1252: read, and said so.
  const legacy = windows1252(messyCsv(names, ';'));
  await file.setInputFiles({ name: 'legacy.csv', mimeType: 'text/csv', buffer: legacy });
  await source.getByRole('button', { name: 'Read rows' }).click();
  await expect(columns.getByText(/read as Windows-1252/)).toBeVisible();
  await expect(columns.getByText('Columns are separated by semicolons.')).toBeVisible();
  await expect(
    preview.getByRole('row', { name: 'Row 4', exact: true }).getByText(`Zoë’s café – ${world.tag}`),
  ).toBeVisible();

  // A column the pm does not want: ignored, and the preview follows.
  await columns.getByLabel('Column “Details”').selectOption('Ignore');
  await columns.getByRole('button', { name: 'Update preview' }).click();
  await expect(columns.getByRole('status').filter({ hasText: 'Preview updated.' })).toBeVisible();
  await expect(preview.getByRole('columnheader', { name: 'Description' })).toHaveCount(0);

  // XLSX: the whole flow.
  await file.setInputFiles({ name: 'messy.xlsx', mimeType: XLSX_TYPE, buffer: await messyXlsx(names) });
  await source.getByRole('button', { name: 'Read rows' }).click();
  await expect(columns.getByRole('heading', { name: '2. Columns of messy.xlsx' })).toBeVisible();
  await expect(preview.getByText('2 of 40 rows have problems to fix.')).toBeVisible();
  const row1 = preview.getByRole('row', { name: 'Row 1', exact: true });
  await expect(
    preview
      .getByRole('row', { name: 'Row 24', exact: true })
      .getByText('Estimate “3-5 weeks” → 5 weeks (upper end of the range)'),
  ).toBeVisible();
  await expect(row1.getByText('Kind “NFR” → Non-functional')).toBeVisible();
  await expect(row1.getByText(`Sponsor “${sponsor.name} (Ops)” → ${sponsor.name}`)).toBeVisible();
  await expect(preview.getByRole('row', { name: 'Row 2', exact: true }).getByText('2 weeks')).toBeVisible(); // the formula's value
  await expect(
    preview.getByText('Sponsor “Bob External” is not a person in Quorum: kept as free text').first(),
  ).toBeVisible();
  await expect(
    preview.getByRole('row', { name: `Row ${MISSING_TITLE_ROW}`, exact: true }).getByText('Title is missing.'),
  ).toBeVisible();
  await expect(
    preview.getByRole('row', { name: `Row ${DUPLICATE_ROW}`, exact: true }).getByLabel('Skip row 40'),
  ).toBeChecked();
  await expect(
    preview.getByRole('row', { name: `Row ${EXISTING_ROW}`, exact: true }).getByText(/Same title as item #/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import rows' })).toHaveCount(0);

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // On a phone the preview scrolls inside its own box; the page itself does not scroll sideways.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  await page.setViewportSize(desktop);

  await fixTwoRows();
  await expect(preview.getByText('All 40 rows can be imported.')).toBeVisible();
  await page.getByRole('button', { name: 'Import rows' }).click();
  await expect(page.getByText('Imported 38 items, skipped 2.')).toBeVisible();

  await page.getByRole('link', { name: 'See them in the backlog' }).click();
  await expect(page.getByRole('heading', { name: `${cycle.name} backlog` })).toBeVisible();
  await expect(page.getByText(world.named('Named at last'))).toBeVisible();

  await page.goto(`/cycles/${cycle.id}/import`);
  const history = page.getByRole('region', { name: 'Imports into this cycle' });
  await history.getByRole('button', { name: 'Undo', exact: true }).click();
  await history.getByRole('button', { name: 'Yes, undo the import' }).click();
  await expect(history.getByText('Import undone: 38 items removed.')).toBeVisible();
  await expect(history.getByText(/^Undone /)).toBeVisible();

  // Imported again: the same workbook, its two rows corrected once more.
  await file.setInputFiles({ name: 'messy.xlsx', mimeType: XLSX_TYPE, buffer: await messyXlsx(names) });
  await source.getByRole('button', { name: 'Read rows' }).click();
  await expect(preview.getByText('2 of 40 rows have problems to fix.')).toBeVisible();
  await fixTwoRows();
  await page.getByRole('button', { name: 'Import rows' }).click();
  await expect(page.getByText('Imported 38 items, skipped 2.')).toBeVisible();

  // Again, pasted this time: two rows copied from a sheet.
  await source
    .getByLabel('Or paste rows copied from a spreadsheet')
    .fill(`Title\tSize\n${world.named('Pasted one')}\tS\n${world.named('Pasted two')}\t2 weeks\n`);
  await source.getByRole('button', { name: 'Read rows' }).click();
  await expect(preview.getByText('All 2 rows can be imported.')).toBeVisible();
  await page.getByRole('button', { name: 'Import rows' }).click();
  await expect(page.getByText('Imported 2 items.')).toBeVisible();
  await expect(history.getByRole('row')).toHaveCount(4);

  // The backlog exported, then imported into an empty cycle, gives the same items.
  await page.goto(`/cycles/${cycle.id}`);
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export the backlog as shown' }).getByRole('link', { name: 'Export XLSX' }).click(),
  ]);
  const empty = await world.cycle();
  await page.goto(`/cycles/${empty.id}/import`);
  await file.setInputFiles(await exported.path());
  await source.getByRole('button', { name: 'Read rows' }).click();
  await expect(columns.getByLabel('Column “Business benefit”')).toHaveValue('businessBenefit');
  // The new cycle has no themes yet: the pm lets the import create them.
  await columns.getByLabel('Create missing themes').check();
  await columns.getByRole('button', { name: 'Update preview' }).click();
  await expect(columns.getByRole('status').filter({ hasText: 'Preview updated.' })).toBeVisible();
  await expect(preview.getByText('All 41 rows can be imported.')).toBeVisible();
  await page.getByRole('button', { name: 'Import rows' }).click();
  await expect(page.getByText('Imported 41 items.')).toBeVisible();
  expect(await itemsOf(world.db, empty.id)).toEqual(await itemsOf(world.db, cycle.id));
});
