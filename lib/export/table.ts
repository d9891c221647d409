/**
 * What every export writes: a header and rows of cells. Pure, so the same table becomes a CSV or an
 * XLSX file (./csv.ts, ./xlsx.ts) and tests can check it without a file format in the way.
 */

export type Cell = string | number | null;

export type ExportTable = {
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
};

/**
 * Text a spreadsheet would run as a formula when the file is opened: starting with = + - or @, or
 * with a tab or carriage return (which some spreadsheets strip before looking for the others).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as the file holds it. Formula-like text gets a leading apostrophe (OWASP's advice for CSV
 * injection), in CSV and XLSX alike, so both formats read back the same; numbers, negative ones
 * included, stay numbers; null is an empty cell.
 */
export function guardCell(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Every cell of the table guarded (the header too: a custom header could start with "="). */
export function guardTable(table: ExportTable): ExportTable {
  return {
    header: table.header.map((h) => String(guardCell(h))),
    rows: table.rows.map((row) => row.map(guardCell)),
  };
}
