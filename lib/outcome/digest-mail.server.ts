import 'server-only';
import { escapeHtml as escape } from '@/lib/html';
import { formatMeetingTime } from '@/lib/meetings/format';
import { appUrl } from '@/lib/notifications/links.server';
import type { Email, Recipient } from '@/lib/notifications/notify.server';
import { plural } from '@/lib/plural';
import type { DigestEntry } from './audience.server';
import { FATE_LABEL, FATES, type Fate } from './fate';
import type { OutcomeReport } from './types';

/**
 * The one e-mail a person gets when an outcome is published: every item of theirs, grouped by
 * fate, each with the reason (accepted ones too: "why was mine accepted and not that one?" is the
 * question a digest should answer), and the pm's note at the top. Times are in the recipient's zone.
 */

export const NO_REASON = 'No reason recorded';

const DISPOSITION_TEXT = {
  next_cycle: 'Not reached in the meeting: moved to the next cycle.',
  follow_up: 'Not reached in the meeting: kept for a follow-up meeting.',
  none: 'Not reached in the meeting: it stays on the backlog for a later meeting.',
} as const;

export const outcomePath = (cycleId: number) => `/cycles/${cycleId}/outcome`;

export type DigestInput = {
  report: Pick<OutcomeReport, 'cycle' | 'meeting' | 'ranking'>;
  entries: DigestEntry[];
  note: string;
  /** Who published: the note is signed with their name. */
  publisher: string;
};

function itemLines(e: DigestEntry, total: number): string[] {
  const role = e.as === 'sponsor' ? ' (you sponsor it)' : '';
  const lines = [`${e.title}${role}`];
  if (e.fate === 'not_decided') {
    lines.push(DISPOSITION_TEXT[e.disposition ?? 'none']);
    return lines;
  }
  if (e.position !== null) lines.push(`Ranked ${e.position} of ${total}.`);
  if (e.disposition === 'next_cycle') lines.push(DISPOSITION_TEXT.next_cycle);
  lines.push(`Reason: ${e.reason.trim() || NO_REASON}`);
  return lines;
}

/** The fates present in `entries`, in digest order, each with its items. */
export function groupByFate(entries: DigestEntry[]): { fate: Fate; label: string; entries: DigestEntry[] }[] {
  return FATES.map((fate) => ({
    fate,
    label: FATE_LABEL[fate],
    entries: entries.filter((e) => e.fate === fate),
  })).filter((g) => g.entries.length > 0);
}

const VERB: Record<Fate, string> = {
  accepted_above: 'accepted',
  accepted_below: 'accepted — below the cut line',
  rejected: 'rejected',
  deferred: 'deferred',
  not_decided: 'not decided',
};

/** One line for the inbox: a lone item's fate and reason, else the count per fate ("2 accepted — above the cut line, 1 rejected"). */
export function digestSummary(entries: DigestEntry[]): string {
  if (entries.length === 1) {
    const [e] = entries;
    if (e.fate === 'not_decided') return DISPOSITION_TEXT[e.disposition ?? 'none'];
    return `${FATE_LABEL[e.fate]}. Reason: ${e.reason.trim() || NO_REASON}`;
  }
  return groupByFate(entries)
    .map((g) => `${g.entries.length} ${g.label.charAt(0).toLowerCase()}${g.label.slice(1)}`)
    .join(', ');
}

/** The subject and inbox title: a lone item by name, several as a count. */
export function digestHeading(input: Pick<DigestInput, 'report' | 'entries'>): string {
  const { entries } = input;
  if (entries.length === 1) {
    const [e] = entries;
    return e.as === 'requestor'
      ? `Your request "${e.title}" was ${VERB[e.fate]}`
      : `"${e.title}", which you sponsor, was ${VERB[e.fate]}`;
  }
  return `The outcome of ${input.report.meeting.title}: ${plural(entries.length, 'item')} of yours`;
}

export function composeDigest(input: DigestInput, recipient: Recipient): Email {
  const { report, entries, note } = input;
  const zone = recipient.timeZone ?? 'UTC';
  const heading = digestHeading(input);
  const ended = report.meeting.endedAt ?? report.meeting.scheduledAt;
  const intro = `${report.meeting.title} ended ${formatMeetingTime(ended, zone)}. Here is what became of the items you asked for or sponsor.`;
  const cut = report.ranking.summary;
  const url = appUrl(outcomePath(report.cycle.id));
  const groups = groupByFate(entries);
  const total = report.ranking.items.length;
  const noteLines = note.trim() ? [`A note from ${input.publisher}:`, note.trim(), ''] : [];

  const text = [
    heading,
    '',
    ...noteLines,
    intro,
    cut,
    '',
    ...groups.flatMap((g) => [
      `${g.label} (${g.entries.length})`,
      ...g.entries.flatMap((e) => itemLines(e, total).map((l, i) => (i === 0 ? `• ${l}` : `  ${l}`))),
      '',
    ]),
    `The whole outcome of ${report.cycle.name}: ${url}`,
    '',
    '— Quorum',
  ].join('\n');

  const htmlNote = note.trim()
    ? `<div style="border-left:4px solid #6366f1;padding:4px 12px;margin:12px 0"><p style="margin:0;font-weight:600">A note from ${escape(input.publisher)}</p><p style="white-space:pre-line">${escape(note.trim())}</p></div>`
    : '';
  const htmlGroups = groups
    .map(
      (g) =>
        `<h2 style="font-size:15px">${escape(g.label)} (${g.entries.length})</h2>\n<ul>${g.entries
          .map((e) => {
            const [first, ...rest] = itemLines(e, total);
            return `<li><strong>${escape(first)}</strong>${rest.map((l) => `<br>${escape(l)}`).join('')}</li>`;
          })
          .join('')}</ul>`,
    )
    .join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#18181b">
<h1 style="font-size:18px">${escape(heading)}</h1>
${htmlNote}
<p>${escape(intro)}</p>
<p>${escape(cut)}</p>
${htmlGroups}
<p><a href="${escape(url)}">Open the outcome of ${escape(report.cycle.name)}</a></p>
<p style="color:#71717a;font-size:12px">Quorum · ${escape(report.cycle.name)}</p>
</body></html>`;
  return { subject: `[Quorum · ${report.cycle.name}] ${heading}`, text, html };
}
