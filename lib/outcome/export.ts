import { CSV_CONTENT_TYPE, toCsvFile } from '@/lib/export/csv';
import { exportFilename, parseFormat, type ExportFile } from '@/lib/export/file';
import type { Cell, ExportTable } from '@/lib/export/table';
import { toXlsxFile, XLSX_CONTENT_TYPE } from '@/lib/export/xlsx';
import type { OutcomeDecision, OutcomeReport, UndecidedItem } from './types';

import { OUTCOME_WORD } from './text';
import { outcomeMarkdown } from './markdown';

export const OUTCOME_HEADER = [
  'Rank',
  'Title',
  'Theme',
  'Outcome',
  'Above cut line',
  'Person-weeks',
  'Requestor',
  'Sponsor',
  'Department',
  'Reason',
  'Decision note',
  'Meeting notes',
  'Votes accept',
  'Votes reject',
  'Votes defer',
] as const;

export const NOT_DECIDED = 'Not decided';

/**
 * Every item the meeting had on its agenda, in rank order: the accepted items by their place in the
 * ranking (the rank column), then the other decisions in agenda order, then the items the meeting
 * did not decide, so nobody's item goes missing from the file.
 */
export function outcomeTable(report: OutcomeReport): ExportTable {
  const ranked = report.decisions
    .filter((d) => d.position !== null)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const others = report.decisions.filter((d) => d.position === null);
  const decided = (d: OutcomeDecision): Cell[] => [
    d.position,
    d.title,
    d.theme,
    OUTCOME_WORD[d.outcome],
    d.aboveCut === null ? null : d.aboveCut ? 'yes' : 'no',
    d.weeks,
    d.requestor,
    d.sponsor,
    d.department,
    d.reason,
    d.decisionNote,
    d.notes,
    d.tally.counts.accept,
    d.tally.counts.reject,
    d.tally.counts.defer,
  ];
  const undecided = (u: UndecidedItem): Cell[] => [
    null,
    u.title,
    u.theme,
    NOT_DECIDED,
    null,
    u.weeks,
    u.requestor,
    u.sponsor,
    u.department,
    null,
    null,
    null,
    null,
    null,
    null,
  ];
  return {
    header: OUTCOME_HEADER,
    rows: [...ranked.map(decided), ...others.map(decided), ...report.undecided.map(undecided)],
  };
}

export const OUTCOME_FORMATS = ['csv', 'xlsx', 'md'] as const;
export type OutcomeFormat = (typeof OUTCOME_FORMATS)[number];

/** The `format` query parameter, or a ValidationError naming it (a 400 in the route). */
export const parseExportFormat = (raw: string | null | undefined): OutcomeFormat => parseFormat(raw, OUTCOME_FORMATS);

/** The download: body, type and file name (the shared rules of lib/export: guarded cells, BOM, names). */
export async function exportOutcome(
  report: OutcomeReport,
  format: OutcomeFormat,
  day = new Date(),
): Promise<ExportFile> {
  const filename = exportFilename(report.cycle.name, 'outcome', day, format);
  switch (format) {
    case 'csv':
      return { body: toCsvFile(outcomeTable(report)), contentType: CSV_CONTENT_TYPE, filename };
    case 'xlsx':
      return { body: await toXlsxFile(outcomeTable(report), 'Outcome'), contentType: XLSX_CONTENT_TYPE, filename };
    case 'md':
      return { body: outcomeMarkdown(report), contentType: 'text/markdown; charset=utf-8', filename };
  }
}
