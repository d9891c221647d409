/**
 * The meeting as an iCalendar invitation (RFC 5545), attached to pre-read e-mails so leaders get
 * it into their calendars. Pure: no I/O, so it is unit-tested by parsing it back.
 */

export type IcsPerson = { name: string; email: string };

export type MeetingIcsInput = {
  /** Stable per meeting, so an update replaces the calendar entry instead of adding one. */
  uid: string;
  title: string;
  description: string;
  location: string;
  start: Date;
  durationMinutes: number;
  organizer: IcsPerson;
  attendees: (IcsPerson & { role?: 'voter' | 'observer' })[];
  url: string;
  /** Raised whenever the meeting changes, so calendar clients apply the newer copy. */
  sequence: number;
  dtstamp: Date;
};

/** Stable UID for a meeting's invitation. */
export const meetingUid = (meetingId: number) => `meeting-${meetingId}@quorum`;

/** YYYYMMDDTHHMMSSZ (UTC "form #2" of RFC 5545 §3.3.5). */
export function icsDateTime(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT values (§3.3.11): backslash, semicolon and comma escaped, newlines as \n. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A parameter value (§3.2): always quoted, since names may hold ',' ';' ':'. A DQUOTE cannot
 * appear in a quoted value at all, and control characters are not allowed, so both are dropped.
 */
function paramValue(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/["\u0000-\u001f\u007f]/g, '')}"`;
}

/** A mailto: address; anything that could break out of the line is removed. */
function mailto(email: string): string {
  return `mailto:${email.replace(/[\s";:,<>\\]/g, '')}`;
}

const encoder = new TextEncoder();

/**
 * Folds one content line at 75 octets (§3.1): continuation lines start with a space, which counts
 * toward their 75. Splits only between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

export function buildMeetingIcs(input: MeetingIcsInput): string {
  const end = new Date(input.start.getTime() + input.durationMinutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Quorum//Prioritisation meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${icsDateTime(input.dtstamp)}`,
    `DTSTART:${icsDateTime(input.start)}`,
    `DTEND:${icsDateTime(end)}`,
    `SUMMARY:${escapeText(input.title)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    ...(input.location ? [`LOCATION:${escapeText(input.location)}`] : []),
    `URL:${input.url}`,
    `ORGANIZER;CN=${paramValue(input.organizer.name)}:${mailto(input.organizer.email)}`,
    ...input.attendees.map((a) => {
      const role = a.role === 'observer' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT';
      return `ATTENDEE;CN=${paramValue(a.name)};ROLE=${role};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`;
    }),
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
