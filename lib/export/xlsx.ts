import ExcelJS from 'exceljs';
import { guardTable, type ExportTable } from './table';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Excel refuses sheet names over 31 characters or holding any of : \ / ? * [ ]. */
export function sheetNameOf(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return clean || 'Sheet1';
}

/** Wide enough for the longest line of the column's text, within sensible bounds. */
function widthOf(values: readonly (string | number | null)[]): number {
  const longest = Math.max(
    0,
    ...values.map((v) =>
      v === null
        ? 0
        : Math.max(
            ...String(v)
              .split('\n')
              .map((line) => line.length),
          ),
    ),
  );
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/**
 * A table as an XLSX workbook of one sheet: the header row bold and frozen, numbers as number cells,
 * text as plain string cells — never a formula — with formula-like text guarded exactly as in CSV
 * (line breaks become \n, the one line break a cell holds).
 */
export async function toXlsxFile(table: ExportTable, sheetName: string): Promise<Uint8Array> {
  const guarded = guardTable(table);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quorum';
  const sheet = workbook.addWorksheet(sheetNameOf(sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = guarded.header.map((header, i) => ({
    header,
    width: widthOf([header, ...guarded.rows.map((row) => row[i] ?? null)]),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of guarded.rows) {
    // A string value is always written as text by exceljs; only a { formula } object becomes one.
    // XML reads a carriage return back as a line feed, so line breaks are written as Excel keeps them: \n.
    sheet.addRow(
      row.map((cell) => (cell === '' ? null : typeof cell === 'string' ? cell.replace(/\r\n?/g, '\n') : cell)),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
