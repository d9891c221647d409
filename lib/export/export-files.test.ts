import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { toCsvFile } from './csv';
import { contentDisposition, exportFilename, fileResponse, parseFormat, TABLE_FORMATS } from './file';
import { guardCell, type ExportTable } from './table';
import { readCsv, readXlsx, sheetRows } from './test-helpers';
import { sheetNameOf, toXlsxFile } from './xlsx';

const AWKWARD: ExportTable = {
  header: ['Text', 'Number'],
  rows: [
    ['=SUM(A1:A2)', 1],
    ['+1', -2],
    ['-2', 2.5],
    ['@cmd', 0],
    ['\tx', null],
    ['\rcr', null],
    ['=1,2', null],
    ['a=b', null],
    ['say "hi", then\r\nleave', null],
    ['Ærøskøbing – 東京', null],
    ['', null],
  ],
};

describe('guardCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rcr', "'\rcr"],
    ['=a\nb', "'=a\nb"],
    ['a=b', 'a=b'],
    [' =x', ' =x'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(guardCell(input)).toBe(expected);
  });

  it('leaves numbers (negative ones too) and empty cells alone', () => {
    expect(guardCell(-1)).toBe(-1);
    expect(guardCell(2.5)).toBe(2.5);
    expect(guardCell(null)).toBeNull();
  });
});

describe('toCsvFile', () => {
  it('writes a BOM, CRLF rows, quotes where needed, and guards formula-like text', () => {
    const csv = toCsvFile(AWKWARD);
    expect(csv.startsWith('\uFEFFText,Number\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(1, 9)).toEqual([
      "'=SUM(A1:A2),1",
      "'+1,-2",
      "'-2,2.5",
      "'@cmd,0",
      "'\tx,",
      `"'\rcr",`,
      `"'=1,2",`,
      'a=b,',
    ]);
    expect(csv).toContain('"say ""hi"", then\r\nleave",\r\n');
    expect(readCsv(csv).slice(1)).toEqual(
      AWKWARD.rows.map(([text, n]) => [guardCell(text), n === null ? '' : String(n)]),
    );
  });

  it('writes only the header for an empty table', () => {
    expect(toCsvFile({ header: ['A', 'B'], rows: [] })).toBe('\uFEFFA,B\r\n');
  });
});

describe('toXlsxFile', () => {
  it('writes numbers as numbers, text as plain strings (never formulas), guarded like CSV, with a bold frozen header', async () => {
    const sheet = await readXlsx(await toXlsxFile(AWKWARD, 'Q3: backlog/[draft]'));
    expect(sheet.name).toBe('Q3 backlog draft');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const rows = sheetRows(sheet, 2);
    expect(rows[0]).toEqual(['Text', 'Number']);
    expect(rows.slice(1)).toEqual(
      AWKWARD.rows.map(([text, n]) => [text === '' ? null : (guardCell(text) as string).replace(/\r\n?/g, '\n'), n]),
    );
    for (let r = 2; r <= rows.length; r++) {
      const text = sheet.getRow(r).getCell(1);
      expect(text.formula).toBeUndefined();
      if (text.value !== null) expect(typeof text.value).toBe('string');
    }
    expect(sheet.getRow(3).getCell(2).value).toBe(-2);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('say "hi", then'.length);
    expect(sheet.getColumn(2).width).toBeLessThanOrEqual(60);
  });

  it('writes only the header for an empty table', async () => {
    const sheet = await readXlsx(await toXlsxFile({ header: ['A', 'B'], rows: [] }, 'Empty'));
    expect(sheetRows(sheet, 2)).toEqual([['A', 'B']]);
  });

  it('makes a sheet name Excel accepts', () => {
    expect(sheetNameOf('a'.repeat(40))).toHaveLength(31);
    expect(sheetNameOf('[]:*?/\\')).toBe('Sheet1');
  });
});

describe('file names and the response', () => {
  const day = new Date('2026-11-26T23:30:00Z');

  it('names the file after the cycle, what it holds and the day', () => {
    expect(exportFilename('Q3 2026', 'backlog', day, 'xlsx')).toBe('q3-2026-backlog-2026-11-26.xlsx');
    expect(exportFilename('Été "2027"/Q3\r\n', 'schedule', day, 'csv')).toBe('ete-2027-q3-schedule-2026-11-26.csv');
    expect(exportFilename('???', 'outcome', day, 'md')).toBe('cycle-outcome-2026-11-26.md');
  });

  it('gives both filename and filename*', () => {
    expect(contentDisposition('q3-backlog.csv')).toBe(
      `attachment; filename="q3-backlog.csv"; filename*=UTF-8''q3-backlog.csv`,
    );
    expect(contentDisposition('é "x".csv')).toBe(
      `attachment; filename="_ _x_.csv"; filename*=UTF-8''%C3%A9%20%22x%22.csv`,
    );
    const response = fileResponse({ body: 'a', contentType: 'text/csv', filename: 'a.csv' });
    expect(response.headers.get('content-disposition')).toContain('filename*=');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('accepts the listed formats and refuses anything else, naming `format`', () => {
    expect(parseFormat('xlsx', TABLE_FORMATS)).toBe('xlsx');
    for (const bad of [null, '', 'XLSX', 'md', 'csv ']) {
      let error: unknown;
      try {
        parseFormat(bad, TABLE_FORMATS);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['format']);
      expect((error as ValidationError).message).toMatch(/^The format must be one of csv, xlsx/);
    }
  });
});
