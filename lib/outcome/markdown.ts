import { formatMeetingTime, formatWeeks, personWeeks } from '@/lib/meetings/format';
import type { OutcomeReport } from './types';
import { cutLineText, departmentVotesText, OUTCOME_WORD, suggestedText, votesText, weeksText } from './text';

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
    `- Capacity: ${personWeeks(cycle.capacityWeeks)}`,
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
