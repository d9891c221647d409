import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { readCsv, readXlsx } from '@/lib/export/test-helpers';
import { outcomeMarkdown } from '@/lib/outcome/markdown';
import { exportOutcome, NOT_DECIDED, OUTCOME_HEADER, outcomeTable, parseExportFormat } from './export';
import { decision, report } from './test-report';

describe('the outcome table', () => {
  it('lists every agenda item in rank order: ranked decisions, the other decisions, then the undecided', () => {
    const r = report();
    // A second accepted item ranked above the first, decided later in the agenda.
    r.decisions.push(
      decision({ itemId: 1, title: '=HYPERLINK("http://evil")', outcome: 'accepted', position: 2, aboveCut: true }),
    );
    r.decisions[0] = { ...r.decisions[0], position: 3 };
    const table = outcomeTable(r);
    expect(table.header).toEqual(OUTCOME_HEADER);
    expect(table.rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      [2, '=HYPERLINK("http://evil")', 'Accepted'],
      [3, 'SSO | partners', 'Accepted'],
      [null, 'Dark mode', 'Rejected'],
      [null, 'Audit log', 'Deferred'],
      [null, 'Offline mode', NOT_DECIDED],
    ]);
    expect(table.rows[1]).toEqual([
      3,
      'SSO | partners',
      'Growth',
      'Accepted',
      'yes',
      3,
      'Rosa',
      'Søren Ølstad',
      'Sales',
      '',
      '',
      'Line one\nLine, "two"',
      2,
      0,
      0,
    ]);
    expect(table.rows[4]).toEqual([
      null,
      'Offline mode',
      null,
      NOT_DECIDED,
      null,
      null,
      'Zoë',
      'a suggestion, "quoted"',
      'Finance',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('writes the same rows, guarded, to CSV and XLSX', async () => {
    const day = new Date('2026-11-26T12:00:00Z');
    const csv = await exportOutcome(report(), 'csv', day);
    expect(csv).toMatchObject({
      contentType: 'text/csv; charset=utf-8; header=present',
      filename: '2027-q1-outcome-2026-11-26.csv',
    });
    const parsed = readCsv(csv.body);
    expect(parsed[0]).toEqual([...OUTCOME_HEADER]);
    expect(parsed.slice(1).map((row) => [row[1], row[9], row[10]])).toEqual([
      ['SSO | partners', '', ''],
      ['Dark mode', "'-Not now, maybe later", ''],
      ['Audit log', '', "'@Finance to size it"],
      ['Offline mode', '', ''],
    ]);
    expect(parsed[4][7]).toBe('a suggestion, "quoted"');

    const xlsx = await exportOutcome(report(), 'xlsx', day);
    expect(xlsx.filename).toBe('2027-q1-outcome-2026-11-26.xlsx');
    const sheet = await readXlsx(xlsx.body);
    expect(sheet.name).toBe('Outcome');
    expect(sheet.getRow(3).getCell(10).value).toBe("'-Not now, maybe later");
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(5).getCell(2).value).toBe('Offline mode');
    expect(sheet.getRow(5).getCell(4).value).toBe(NOT_DECIDED);
  });
});

describe('the export request', () => {
  it('accepts csv, xlsx and md, and refuses anything else naming `format`', async () => {
    expect(parseExportFormat('csv')).toBe('csv');
    expect(parseExportFormat('xlsx')).toBe('xlsx');
    expect(parseExportFormat('md')).toBe('md');
    for (const bad of [null, undefined, '', 'CSV', 'xls', 'csv ']) {
      let error: unknown;
      try {
        parseExportFormat(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['format']);
      expect((error as ValidationError).message).toMatch(/format must be one of csv, xlsx, md/);
    }
    expect(await exportOutcome(report(), 'md', new Date('2026-11-26T00:00:00Z'))).toEqual({
      body: outcomeMarkdown(report()),
      contentType: 'text/markdown; charset=utf-8',
      filename: '2027-q1-outcome-2026-11-26.md',
    });
  });
});
