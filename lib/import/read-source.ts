/**
 * Reads an uploaded CSV/XLSX file or pasted rows into a header and data rows of plain text, on the
 * server: the browser's idea of the file is never trusted. Formula cells give their cached result;
 * a formula is never evaluated, and never imported as text.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportSource } from '@/db/schema';
import { decodeText, fileError, sniffFile } from './decode';

import { FILE_TOO_LARGE, MAX_IMPORT_COLUMNS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from './limits';

export { MAX_IMPORT_COLUMNS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS };
/** A cell longer than this is cut; no item field holds more. */
const MAX_CELL_CHARS = 10_000;

export type SourceTable = {
  source: ImportSource;
  headers: string[];
  rows: string[][];
  /** The worksheets of a workbook, when there are several, and the one read. */
  sheets: string[];
  sheet: string;
  notes: string[];
};

/** An export writes a cell starting with = + - @ with a leading apostrophe so that no sheet runs it: drop that apostrophe. */
export function cleanCell(value: string): string {
  const text = value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** Splits a grid into the header (its first non-blank row) and its non-blank data rows, within the limits. */
export function toTable(grid: string[][], source: ImportSource, extra: Partial<SourceTable> = {}): SourceTable {
  const rows = grid.map((r) => r.map((c) => cleanCell(c ?? ''))).filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw fileError(source === 'paste' ? 'Nothing was pasted.' : 'The file has no rows.');
  const [head, ...data] = rows;
  if (data.length === 0) throw fileError('There is only a header row: add at least one row of items under it.');
  if (data.length > MAX_IMPORT_ROWS) {
    throw fileError(
      `There are ${data.length.toLocaleString('en')} rows: at most ${MAX_IMPORT_ROWS.toLocaleString('en')} can be imported at once. Split the sheet.`,
    );
  }
  const width = Math.max(...rows.map((r) => r.length));
  if (width > MAX_IMPORT_COLUMNS)
    throw fileError(`There are ${width} columns: at most ${MAX_IMPORT_COLUMNS} can be read.`);
  const headers = Array.from({ length: width }, (_, i) => head[i]?.trim() || `Column ${i + 1}`);
  const padded = data.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  return { source, headers, rows: padded, sheets: [], sheet: '', notes: [], ...extra };
}

/** Delimited text: comma, semicolon or tab, whichever the header line uses; quoted cells may hold either and line breaks. */
export function parseDelimited(text: string, source: ImportSource, notes: string[] = []): SourceTable {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = ['\t', ';', ','].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  const delimiter = best.n > 0 ? best.d : ',';
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: 'greedy' });
  const named = delimiter === '\t' ? 'tabs' : delimiter === ';' ? 'semicolons' : 'commas';
  const all = [...notes];
  if (delimiter !== ',') all.push(`Columns are separated by ${named}.`);
  return toTable(parsed.data, source, { notes: all });
}

type CellValue = ExcelJS.CellValue;

/** A cell as text: a formula's cached result, rich text joined, a date as YYYY-MM-DD, an error value empty. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date))
        ? ''
        : cellText(result as CellValue);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** The first worksheet of an XLSX workbook, or the one named `sheet`. */
export async function parseXlsx(bytes: Uint8Array, sheet?: string): Promise<SourceTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw fileError('This file could not be read as an Excel workbook (.xlsx): it is damaged or another kind of file.');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  if (sheets.length === 0) throw fileError('This file is not an Excel workbook (.xlsx): it has no worksheets.');
  const chosen = sheet ? workbook.worksheets.find((w) => w.name === sheet) : workbook.worksheets[0];
  if (!chosen) throw fileError(`The workbook has no worksheet named “${sheet}”.`);
  if (chosen.rowCount > MAX_IMPORT_ROWS + 100) {
    throw fileError(`The worksheet has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows: split it.`);
  }
  const grid: string[][] = [];
  chosen.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col <= MAX_IMPORT_COLUMNS + 1) cells[col - 1] = cellText(cell.value);
    });
    grid.push(Array.from(cells, (c) => c ?? ''));
  });
  const notes = sheets.length > 1 ? [`Read the worksheet “${chosen.name}” (the workbook has ${sheets.length}).`] : [];
  return toTable(grid, 'xlsx', { sheets, sheet: chosen.name, notes });
}

/** An uploaded file, by its content: a zip is read as a workbook, text as CSV. */
export async function readUpload(bytes: Uint8Array, sheet?: string): Promise<SourceTable> {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw fileError(FILE_TOO_LARGE);
  }
  if (sniffFile(bytes) === 'xlsx') return parseXlsx(bytes, sheet);
  const { text, note } = decodeText(bytes);
  return parseDelimited(text, 'csv', note ? [note] : []);
}

/** Rows pasted from a spreadsheet: tab-separated as it copies them, or comma/semicolon text. */
export function readPaste(text: string): SourceTable {
  if (text.length > MAX_IMPORT_FILE_BYTES) {
    throw fileError(
      `The pasted text is longer than the limit of ${MAX_IMPORT_FILE_BYTES.toLocaleString('en')} characters.`,
    );
  }
  return parseDelimited(text, 'paste');
}
