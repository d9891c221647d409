import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/** A CSV download read back as a spreadsheet would: after its byte-order mark, row by row. */
export function readCsv(body: string | Uint8Array): string[][] {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  if (!text.startsWith('\uFEFF')) throw new Error('The CSV does not start with a byte-order mark.');
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

/** The first sheet of an XLSX download. */
export async function readXlsx(body: string | Uint8Array): Promise<ExcelJS.Worksheet> {
  if (typeof body === 'string') throw new Error('An XLSX body is bytes.');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  return book.worksheets[0];
}

/** Every row of a sheet as plain values (null for an empty cell), the header row first. */
export function sheetRows(sheet: ExcelJS.Worksheet, width: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined ? null : (v as string | number));
    }
    rows.push(values);
  });
  return rows;
}
