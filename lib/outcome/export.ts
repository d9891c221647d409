import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { formatMeetingTime, formatWeeks } from '@/lib/meetings/format';
import type { OutcomeDecision, OutcomeReport } from './types';
import type { CutLine } from '@/lib/ranking/order';
import type { Tally } from '@/lib/live-meeting/tally';
import { plural } from '@/lib/plural';

/**
 * The outcome's words, shared by the page, the CSV and the Markdown export, and the two
 * formatters. Pure (no database: type-only imports from ./types), so they are unit-tested on
 * their own and components may use the wording too.
 */

export const OUTCOME_WORD: Record<OutcomeDecision['outcome'], string> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  deferred: 'Deferred',
};

/** "3 fit, 5 accepted — 18 of 20 person-weeks": the same words as the live ranking board. */
export function cutLineSummary(cut: CutLine, capacityWeeks: number): string {
  return `${cut.fitCount} fit, ${cut.acceptedCount} accepted — ${formatWeeks(cut.fittingWeeks)} of ${formatWeeks(capacityWeeks)} person-weeks`;
}

/** The row drawn at the cut line, in words, so it is announced and printed and not only drawn. */
export function cutLineText(cut: CutLine, capacityWeeks: number): string {
  const below = cut.acceptedCount - cut.fitCount;
  const above = `the ${plural(cut.fitCount, 'item')} above ${cut.fitCount === 1 ? 'fits' : 'fit'}`;
  return (
    `Cut line: ${above} the capacity of ${formatWeeks(capacityWeeks)} person-weeks` +
    (below > 0 ? `; the ${plural(below, 'item')} below ${below === 1 ? 'does' : 'do'} not.` : '.')
  );
}

export function votesText(t: Tally): string {
  return `${t.counts.accept} accept, ${t.counts.reject} reject, ${t.counts.defer} defer`;
}

/** "Finance: 1 accept · Sales: 2 reject" — only the choices a department made. */
export function departmentVotesText(t: Tally): string {
  return t.byDepartment
    .filter((d) => d.voted > 0)
    .map((d) => {
      const parts = (['accept', 'reject', 'defer'] as const)
        .filter((c) => d.counts[c] > 0)
        .map((c) => `${d.counts[c]} ${c}`);
      return `${d.departmentName}: ${parts.join(', ')}`;
    })
    .join(' · ');
}

export function suggestedText(d: OutcomeDecision): string {
  if (d.suggested === null) return d.tally.total === 0 ? 'No votes' : 'A tie';
  return OUTCOME_WORD[d.suggested];
}

export function weeksText(weeks: number | null): string {
  return weeks === null ? 'Not estimated' : formatWeeks(weeks);
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

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

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Text a user wrote, shown literally: the characters that mean something inside a line (emphasis,
 * code, links, HTML, entities, table pipes, a heading's closing #) are backslash-escaped. User text
 * never starts a line here (it follows "- ", "### " or "| "), so line-start marks like "1." are safe
 * and stay readable in the raw file.
 */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#&]/g, '\\$&');
}

/** A table cell: escaped, and line breaks (which would end the row) become <br>. */
export function mdCell(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  if (typeof text === 'number') return formatWeeks(text);
  return mdText(text).replace(/\r\n|\r|\n/g, '<br>');
}

function mdTable(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

const when = (iso: string | null) => (iso ? formatMeetingTime(iso) : '—');

/** The same content as the outcome page, as one Markdown document (times in UTC, zone named). */
export function outcomeMarkdown(report: OutcomeReport): string {
  const { cycle, meeting, ranking } = report;
  const out: string[] = [`# ${mdText(cycle.name)} outcome`, ''];
  out.push(
    `- Meeting: ${mdText(meeting.title)}`,
    `- Held: ${when(meeting.startedAt ?? meeting.scheduledAt)} to ${when(meeting.endedAt)}`,
    `- Facilitator: ${mdText(meeting.facilitator)}`,
    `- Capacity: ${formatWeeks(cycle.capacityWeeks)} person-weeks`,
    `- ${report.published ? `Published on ${when(report.published.at)} by ${mdText(report.published.by)}` : 'Not published yet'}`,
    '',
    '## Prioritised list',
    '',
    `${mdText(ranking.summary)}.`,
    '',
  );
  if (ranking.items.length === 0) out.push('No items were accepted.');
  else {
    const rows = ranking.items.map((r) => [
      String(r.position),
      mdCell(r.title),
      mdCell(r.theme),
      mdCell(weeksText(r.weeks)),
      r.aboveCut ? 'Above' : 'Below',
    ]);
    rows.splice(ranking.cut.fitCount, 0, [
      '',
      `**${mdText(cutLineText(ranking.cut, cycle.capacityWeeks))}**`,
      '',
      '',
      '',
    ]);
    out.push(...mdTable(['#', 'Item', 'Theme', 'Person-weeks', 'Cut line'], rows));
  }

  out.push('', '## Key outcomes by theme');
  for (const theme of report.themes) {
    out.push('', `### ${mdText(theme.name)}`, '');
    if (theme.keyOutcome) out.push(`Key outcome: ${mdText(theme.keyOutcome)}`, '');
    const list = (label: string, names: string[]) =>
      out.push(`- ${label}: ${names.length ? names.join('; ') : 'none'}`);
    list(
      'Accepted',
      theme.accepted.map((r) => `${mdText(r.title)} (#${r.position}${r.aboveCut ? '' : ', below the cut line'})`),
    );
    list(
      'Rejected',
      theme.rejected.map((d) =>
        `${mdText(d.title)}${d.reason ? ` — ${mdText(d.reason)}` : ''}`.replace(/\r\n|\r|\n/g, ' '),
      ),
    );
    list(
      'Deferred',
      theme.deferred.map((d) => mdText(d.title)),
    );
  }

  out.push('', '## Decisions', '');
  if (report.decisions.length === 0) out.push('The meeting decided no items.');
  else {
    out.push(
      ...mdTable(
        [
          'Item',
          'Outcome',
          'Position',
          'Tally suggested',
          'Votes',
          'By department',
          'Reason',
          'Decision note',
          'Meeting notes',
        ],
        report.decisions.map((d) => [
          mdCell(d.title),
          OUTCOME_WORD[d.outcome],
          d.position === null ? '—' : `${d.position}${d.aboveCut ? '' : ' (below the cut line)'}`,
          suggestedText(d),
          votesText(d.tally),
          mdCell(departmentVotesText(d.tally)),
          mdCell(d.reason),
          mdCell(d.decisionNote),
          mdCell(d.notes),
        ]),
      ),
    );
  }
  if (report.undecided.length) out.push('', `Not decided: ${report.undecided.map((u) => mdText(u.title)).join('; ')}.`);

  out.push('', '## Attendance', '');
  if (report.attendance.length === 0) out.push('No attendees were recorded.');
  else {
    out.push(
      ...mdTable(
        ['Department', 'Attendee', 'Role', 'Voted'],
        report.attendance.flatMap((dept) =>
          dept.attendees.map((a) => [
            mdCell(dept.departmentName),
            mdCell(a.name),
            a.role === 'voter' ? 'Voter' : 'Observer',
            a.voted ? 'yes' : 'no',
          ]),
        ),
      ),
    );
  }
  return out.join('\n') + '\n';
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
