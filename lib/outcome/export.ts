import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import type { OutcomeReport } from './types';

import { OUTCOME_WORD } from './text';
import { outcomeMarkdown } from './markdown';

/**
 * One CSV field. Text starting with = + - @ (or a tab or carriage return) is what spreadsheets
 * run as a formula, so it gets a leading apostrophe (OWASP's advice); numbers are written as they
 * are. A field with a comma, a quote or a line break is quoted and its quotes doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 says, with a final line break. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADER = [
  'Position',
  'Title',
  'Theme',
  'Outcome',
  'Above cut line',
  'Person-weeks',
  'Reason',
  'Decision note',
  'Meeting notes',
  'Votes accept',
  'Votes reject',
  'Votes defer',
] as const;

/** One row per decided item, in agenda order; the position is the accepted item's place in the ranking. */
export function outcomeCsv(report: OutcomeReport): string {
  return toCsv([
    CSV_HEADER,
    ...report.decisions.map((d) => [
      d.position,
      d.title,
      d.theme ?? '',
      OUTCOME_WORD[d.outcome],
      d.aboveCut === null ? '' : d.aboveCut ? 'yes' : 'no',
      d.weeks,
      d.reason,
      d.decisionNote,
      d.notes,
      d.tally.counts.accept,
      d.tally.counts.reject,
      d.tally.counts.defer,
    ]),
  ]);
}

/** A download name from the cycle's name: letters, digits, dot, dash and underscore only. */
export function exportFilename(cycleName: string, extension: 'csv' | 'md'): string {
  const base =
    cycleName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '') || 'cycle';
  return `${base}-outcome.${extension}`;
}

export const FORMAT_MESSAGE = 'The format must be csv or md: add ?format=csv or ?format=md.';
const FormatSchema = z.enum(['csv', 'md']);
export type ExportFormat = z.infer<typeof FormatSchema>;

/** The `format` query parameter, or a ValidationError naming it (a 400 in the route). */
export function parseExportFormat(raw: string | null | undefined): ExportFormat {
  const parsed = FormatSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ format: [FORMAT_MESSAGE] }, FORMAT_MESSAGE);
  return parsed.data;
}

/** The download: body, type and file name. The CSV starts with a byte-order mark so Excel reads it as UTF-8. */
export function exportOutcome(
  report: OutcomeReport,
  format: ExportFormat,
): { body: string; contentType: string; filename: string } {
  return format === 'csv'
    ? {
        body: `\uFEFF${outcomeCsv(report)}`,
        contentType: 'text/csv; charset=utf-8; header=present',
        filename: exportFilename(report.cycle.name, 'csv'),
      }
    : {
        body: outcomeMarkdown(report),
        contentType: 'text/markdown; charset=utf-8',
        filename: exportFilename(report.cycle.name, 'md'),
      };
}
