import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDepartment, makeItem, makeModule, makeTheme, makeUser, type TestUser } from '@/db/factories';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { BACKLOG_HEADER, backlogExport } from './backlog.server';
import { renderTable } from './render';
import { readCsv, readXlsx, sheetRows } from './test-helpers';

/**
 * A cycle whose items carry the text an export must survive: non-ASCII names, quotes, commas, line
 * breaks and a title that a spreadsheet would run as a formula.
 */
let pm: TestUser;
let s: Awaited<ReturnType<typeof seed>>;

async function seed() {
  const cycle = await makeCycle(db, { name: `Q3 2026 Ünïcode ${Date.now()}` });
  const growth = await makeTheme(db, cycle.id, { name: 'Growth, "fast"' });
  const reliability = await makeTheme(db, cycle.id, { name: 'Reliability' });
  const nordic = await makeDepartment(db, `Søndergård ${Date.now()}`);
  const sales = await makeDepartment(db, `Sales ${Date.now()}`);
  const billing = await makeModule(db, `Billing ${Date.now()}`);
  const payments = await makeModule(db, `Zahlungs-Modul ${Date.now()}`);
  const requestor = await makeUser(db, { name: 'José Ñúñez', departmentId: nordic.id });
  const sponsor = await makeUser(db, { role: 'leader', name: 'Ægir "Ace" O’Brien, Jr.' });
  const base = { cycleId: cycle.id, requestorId: requestor.id };
  const formula = await makeItem(db, {
    ...base,
    title: '=HYPERLINK("http://evil")',
    description: 'Line one\nLine, "two"',
    businessBenefit: 'Saves €, lots',
    estimateSize: 'M',
    kind: 'feature',
    themeId: growth.id,
    departmentId: nordic.id,
    moduleIds: [payments.id, billing.id],
    sme: 'Ingrid Øster',
    sponsorId: sponsor.id,
  });
  const weeks = await makeItem(db, {
    ...base,
    title: 'Plain title',
    estimateWeeks: 2.5,
    kind: 'tech_debt',
    status: 'accepted',
    rank: 'a1',
    themeId: reliability.id,
    departmentId: sales.id,
    sponsorSuggestion: '-Maybe Finance',
  });
  await makeItem(db, { ...base, title: 'A private draft', status: 'draft', departmentId: sales.id });
  const third = await makeItem(db, {
    ...base,
    title: 'Third',
    kind: 'fix',
    status: 'accepted',
    rank: 'a0',
    departmentId: sales.id,
  });
  const growthFix = await makeItem(db, {
    ...base,
    title: 'Growth fix',
    kind: 'fix',
    estimateWeeks: 1,
    themeId: growth.id,
    departmentId: nordic.id,
  });
  return {
    cycle,
    growth,
    reliability,
    nordic,
    sales,
    billing,
    payments,
    requestor,
    sponsor,
    formula,
    weeks,
    third,
    growthFix,
  };
}

beforeAll(async () => {
  pm = await userWithRole('pm');
  s = await seed();
});

const exportOf = (query = '') => backlogExport(pm, s.cycle.id, new URLSearchParams(query));
const titles = async (query: string) => (await exportOf(query)).table.rows.map((r) => r[2]);

describe('backlogExport', () => {
  it('writes every field, in CSV and XLSX alike, and reads back the same (formula text guarded)', async () => {
    const { cycleName, table } = await exportOf();
    expect(cycleName).toBe(s.cycle.name);
    const expected = [
      [...BACKLOG_HEADER],
      [
        String(s.formula.id),
        '',
        `'=HYPERLINK("http://evil")`,
        'Line one\nLine, "two"',
        'Saves €, lots',
        'M',
        'Feature',
        'Curated',
        'Growth, "fast"',
        s.nordic.name,
        `${s.billing.name}; ${s.payments.name}`,
        'Ingrid Øster',
        'Ægir "Ace" O’Brien, Jr.',
        'José Ñúñez',
        s.cycle.name,
      ],
      [
        String(s.weeks.id),
        '2',
        'Plain title',
        '',
        '',
        '2.5 weeks',
        'Tech debt',
        'Accepted',
        'Reliability',
        s.sales.name,
        '',
        '',
        "'-Maybe Finance",
        'José Ñúñez',
        s.cycle.name,
      ],
      [
        String(s.third.id),
        '1',
        'Third',
        '',
        '',
        '',
        'Fix',
        'Accepted',
        '',
        s.sales.name,
        '',
        '',
        '',
        'José Ñúñez',
        s.cycle.name,
      ],
      [
        String(s.growthFix.id),
        '',
        'Growth fix',
        '',
        '',
        '1 week',
        'Fix',
        'Curated',
        'Growth, "fast"',
        s.nordic.name,
        '',
        '',
        '',
        'José Ñúñez',
        s.cycle.name,
      ],
    ];
    const csv = await renderTable(table, 'csv', { cycleName, what: 'backlog', sheetName: 'Backlog' });
    expect(csv.filename).toMatch(/^q3-2026-unicode-\d+-backlog-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readCsv(csv.body)).toEqual(expected);

    const xlsx = await renderTable(table, 'xlsx', { cycleName, what: 'backlog', sheetName: 'Backlog' });
    const rows = sheetRows(await readXlsx(xlsx.body), BACKLOG_HEADER.length);
    // Ids and ranks are number cells; empty cells are empty.
    expect(rows[1][0]).toBe(s.formula.id);
    expect(rows[2][1]).toBe(2);
    expect(rows.map((r) => r.map((v) => (v === null ? '' : String(v))))).toEqual(expected);
  });

  it('holds exactly the rows the table shows for the view: filters, search and sort', async () => {
    expect(await titles(`theme=${s.growth.id}&kind=feature`)).toEqual(['=HYPERLINK("http://evil")']);
    expect(await titles(`theme=${s.growth.id}`)).toEqual(['=HYPERLINK("http://evil")', 'Growth fix']);
    expect(await titles('theme=none')).toEqual(['Third']);
    expect(await titles(`module=${s.billing.id}`)).toEqual(['=HYPERLINK("http://evil")']);
    expect(await titles('module=none&status=accepted')).toEqual(['Plain title', 'Third']);
    expect(await titles(`dept=${s.sales.id}&sort=-title`)).toEqual(['Third', 'Plain title']);
    // The search matches any column's text but the estimate, whatever the case.
    expect(await titles('q=SØNDERGÅRD')).toEqual(['=HYPERLINK("http://evil")', 'Growth fix']);
    expect(await titles('q=ingrid')).toEqual(['=HYPERLINK("http://evil")']);
    expect(await titles('q=2.5')).toEqual([]);
    // Unestimated items sort last in either direction; ties keep id order.
    expect(await titles('sort=estimate')).toEqual(['Growth fix', 'Plain title', '=HYPERLINK("http://evil")', 'Third']);
    expect(await titles('sort=-estimate')).toEqual(['=HYPERLINK("http://evil")', 'Plain title', 'Growth fix', 'Third']);
    expect(await titles('sort=status')).toEqual(['=HYPERLINK("http://evil")', 'Growth fix', 'Plain title', 'Third']);
    expect(await titles('sort=theme&group=theme&hide=sme,sponsor')).toEqual([
      '=HYPERLINK("http://evil")',
      'Growth fix',
      'Plain title',
      'Third',
    ]);
  });

  it('writes only the header for an empty result', async () => {
    expect((await exportOf('q=nothing-matches-this')).table.rows).toEqual([]);
    const empty = await makeCycle(db);
    expect((await backlogExport(pm, empty.id, new URLSearchParams())).table.rows).toEqual([]);
  });

  it('refuses bad view parameters with a 400 naming them, an unknown cycle with a 404, a requestor with a 403', async () => {
    const other = await makeCycle(db);
    const foreignTheme = await makeTheme(db, other.id);
    for (const [query, field] of [
      ['kind=bogus', 'kind'],
      ['status=Draft', 'status'],
      ['theme=abc', 'theme'],
      [`theme=${foreignTheme.id}`, 'theme'],
      ['dept=999999', 'dept'],
      ['module=0', 'module'],
      ['sort=colour', 'sort'],
      ['group=sponsor', 'group'],
      ['hide=title,nope', 'hide'],
      ['kind=fix&kind=feature', 'kind'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      const error = await exportOf(query).catch((e: unknown) => e);
      expect(error, query).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
      expect((error as ValidationError).message).toContain(`"${field}"`);
    }
    await expect(backlogExport(pm, 99_999_999, new URLSearchParams())).rejects.toThrow(NotFoundError);
    await expect(backlogExport(s.requestor, s.cycle.id, new URLSearchParams())).rejects.toThrow(ForbiddenError);
  });
});
