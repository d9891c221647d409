import Papa from 'papaparse';
import { guardTable, type ExportTable } from './table';

/**
 * A table as a CSV file: RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled), starting with a UTF-8 byte-order mark so Excel reads non-ASCII names correctly,
 * and ending with a line break. Formula-like text is guarded first (./table.ts); Papa's own
 * `escapeFormulae` is not used because its pattern misses text that goes on over a line break.
 */
export function toCsvFile(table: ExportTable): string {
  const guarded = guardTable(table);
  const body = Papa.unparse([[...guarded.header], ...guarded.rows.map((row) => row.map((cell) => cell ?? ''))], {
    newline: '\r\n',
    quotes: false,
  });
  return `\uFEFF${body}\r\n`;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
