import fs from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { makeItem } from '../db/factories';
import { expect, makeDelivery, makeQuarter, test } from './fixtures';

/** Clicks a download link and returns what arrived. */
async function download(page: Page, link: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return file;
}

async function csvRows(file: Download): Promise<string[][]> {
  const text = await fs.readFile(await file.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

async function xlsxRows(file: Download): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test('a pm exports the backlog as filtered on screen, to XLSX and CSV, formula-like text guarded', async ({
  world,
  signedInAs,
}) => {
  const quarter = await makeQuarter(world);
  const growth = quarter.themes['Grow self-serve revenue'];
  const sneaky = await makeItem(world.db, {
    cycleId: quarter.cycle.id,
    title: '=SUM(1+1) sneaky',
    kind: 'feature',
    themeId: growth.id,
    estimateSize: 'S',
    requestorId: quarter.rosa.id,
    departmentId: quarter.rosa.departmentId,
  });
  const expected = [...Object.values(quarter.items), sneaky]
    .filter((i) => i.themeId === growth.id && i.kind === 'feature')
    .map((i) => i.title);
  expect(expected).toHaveLength(5);

  const pm = await signedInAs('pm');
  await pm.goto(`/cycles/${quarter.cycle.id}`);
  const filters = pm.getByRole('search', { name: 'Backlog filters' });
  await filters.getByLabel('Theme', { exact: true }).selectOption({ label: growth.name });
  await filters.getByLabel('Kind', { exact: true }).selectOption({ label: 'Feature' });
  await expect(pm.getByText(`Showing 5 of ${Object.keys(quarter.items).length + 1} items`)).toBeVisible();

  const exports = pm.getByRole('group', { name: 'Export the backlog as shown' });
  const xlsx = await download(pm, exports.getByRole('link', { name: 'Export XLSX' }));
  expect(xlsx.suggestedFilename()).toMatch(/-backlog-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = await xlsxRows(xlsx);
  expect(sheet[0].slice(0, 3)).toEqual(['Id', 'Rank', 'Title']);
  expect(sheet.slice(1).map((r) => r[2])).toEqual(expected.map((t) => (t.startsWith('=') ? `'${t}` : t)));
  expect(sheet.slice(1).every((r) => r[8] === growth.name && r[6] === 'Feature')).toBe(true);

  const csv = await csvRows(await download(pm, exports.getByRole('link', { name: 'Export CSV' })));
  expect(csv.slice(1).map((r) => r[2])).toEqual(sheet.slice(1).map((r) => r[2]));
  expect(csv.at(-1)?.[2]).toBe("'=SUM(1+1) sneaky");
});

test('the schedule and the change requests download from their pages', async ({ world, signedInAs }) => {
  const delivery = await makeDelivery(world);
  const pm = await signedInAs(delivery.pm);
  await pm.goto(`/cycles/${delivery.cycle.id}/schedule`);
  const schedule = await csvRows(
    await download(
      pm,
      pm.getByRole('group', { name: 'Export the schedule' }).getByRole('link', { name: 'Export CSV' }),
    ),
  );
  expect(schedule.slice(1).map((r) => r[2])).toEqual(Object.keys(delivery.items).filter((t) => t !== 'Gift cards'));

  await pm.goto(`/cycles/${delivery.cycle.id}/changes`);
  const changes = await xlsxRows(
    await download(
      pm,
      pm.getByRole('group', { name: 'Export the change requests' }).getByRole('link', { name: 'Export XLSX' }),
    ),
  );
  expect(changes).toEqual([expect.arrayContaining(['Id', 'Title', 'Urgency', 'Status', 'Raised by', 'Outcome'])]);
});
