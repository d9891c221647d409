import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { invalidUtf8Offset } from './decode';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS, readPaste, readUpload } from './read-source';

const utf8 = (s: string) => new TextEncoder().encode(s);
const messageOf = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading CSV', () => {
  it('reads UTF-8 with a BOM, quoted commas and line breaks, and non-ASCII names', async () => {
    const t = await readUpload(utf8('\uFEFFTitle,Notes\n"Pay, then ship","two\nlines"\nZoë’s café,\n'));
    expect(t.headers).toEqual(['Title', 'Notes']);
    expect(t.rows).toEqual([
      ['Pay, then ship', 'two\nlines'],
      ['Zoë’s café', ''],
    ]);
    expect(t.notes).toEqual([]);
  });

  it('detects semicolons and tabs', async () => {
    expect((await readUpload(utf8('Title;Size\nA, with comma;M\n'))).rows).toEqual([['A, with comma', 'M']]);
    expect(readPaste('Title\tSize\nA;b\tS\n').rows).toEqual([['A;b', 'S']]);
  });

  it('reads Windows-1252 and says so', async () => {
    const bytes = Uint8Array.from([...utf8('Title;Sponsor\nCaf'), 0xe9, 0x92, 0x96, ...utf8(';Ren'), 0xe9, 0x0a]);
    const t = await readUpload(bytes);
    expect(t.rows).toEqual([['Café’–', 'René']]);
    expect(t.notes[0]).toContain('Windows-1252');
  });

  it('refuses bytes that are neither UTF-8 nor text, naming the offset', async () => {
    const bytes = Uint8Array.from([...utf8('Title\nok\n'), 0x81, 0x00, 0x01]);
    expect(invalidUtf8Offset(bytes)).toBe(9);
    expect(await messageOf(readUpload(bytes))).toContain('not valid UTF-8 text (the byte at offset 9');
  });

  it('drops the apostrophe an export puts before = + - @', async () => {
    const t = await readUpload(utf8("Title,Notes\n'=SUM(A1),'-3 days\n'plain,x\n"));
    expect(t.rows).toEqual([
      ['=SUM(A1)', '-3 days'],
      ["'plain", 'x'],
    ]);
  });

  it('refuses an empty file, only a header, and files over the limits', async () => {
    expect(await messageOf(readUpload(new Uint8Array()))).toBe('The file is empty.');
    expect(await messageOf(readUpload(utf8('\n\n')))).toBe('The file has no rows.');
    expect(await messageOf(readUpload(utf8('Title,Size\n')))).toContain('only a header row');
    expect(await messageOf(readUpload(new Uint8Array(MAX_IMPORT_FILE_BYTES + 1).fill(65)))).toContain('limit of 1 MB');
    const many = 'Title\n' + Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Row ${i}`).join('\n');
    expect(await messageOf(readUpload(utf8(many)))).toContain('at most 5,000 can be imported');
  });

  it('refuses a PNG renamed .csv by its content', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]);
    expect(await messageOf(readUpload(png))).toBe('This file is a PNG image, not a CSV or XLSX spreadsheet.');
  });
});

describe('reading XLSX', () => {
  it('reads the first worksheet, with the cached value of a formula, never the formula', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Backlog');
      ws.addRow(['Title', 'Estimate', 'Sponsor']);
      ws.addRow(['Plain', 3, { richText: [{ text: 'Jane ' }, { text: 'Doe' }] }]);
      ws.getCell('B3').value = { formula: 'B2*2', result: 6 };
      ws.getCell('A3').value = 'Formula row';
      ws.getCell('C3').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
      wb.addWorksheet('Other').addRows([['x'], ['y']]);
    });
    const t = await readUpload(bytes);
    expect(t.source).toBe('xlsx');
    expect(t.sheets).toEqual(['Backlog', 'Other']);
    expect(t.rows).toEqual([
      ['Plain', '3', 'Jane Doe'],
      ['Formula row', '6', ''],
    ]);
    expect(t.notes[0]).toContain('“Backlog”');
    expect((await readUpload(bytes, 'Other')).headers).toEqual(['x']);
    expect(await messageOf(readUpload(bytes, 'Nope'))).toContain('no worksheet named “Nope”');
  });

  it('refuses a damaged workbook and a zip that is not one, with a clear message', async () => {
    const good = await workbook((wb) => wb.addWorksheet('A').addRow(['Title']));
    const broken = good.slice(0, 200);
    expect(await messageOf(readUpload(broken))).toContain('could not be read as an Excel workbook');
    const garbage = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await messageOf(readUpload(garbage))).toContain('could not be read as an Excel workbook');
  });
});
