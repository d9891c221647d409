import { escapeText, foldLine, icsDateTime, type IcsPerson } from '@/lib/meetings/ics';

/**
 * A sprint demo as an iCalendar invitation (RFC 5545). REQUEST adds or updates it in the invitee's
 * calendar, CANCEL removes it; both carry the demo's UID and its current SEQUENCE, so a calendar
 * applies the newest copy and ignores older ones. Times are in UTC, as calendars expect: each
 * shows it in its owner's zone. Pure, so it is unit-tested by reading it back.
 */

export type DemoIcsInput = {
  method: 'REQUEST' | 'CANCEL';
  demoId: number;
  title: string;
  description: string;
  start: Date;
  durationMinutes: number;
  organizer: IcsPerson;
  attendees: IcsPerson[];
  url: string;
  sequence: number;
  dtstamp: Date;
};

/** Stable per demo, so an update or cancellation replaces the calendar entry instead of adding one. */
export const demoUid = (demoId: number) => `demo-${demoId}@quorum`;

const cn = (name: string) => `"${name.replace(/["\p{Cc}]/gu, '')}"`;
const mailto = (email: string) => `mailto:${email.replace(/[\s";:,<>\\]/g, '')}`;

export function buildDemoIcs(input: DemoIcsInput): string {
  const end = new Date(input.start.getTime() + input.durationMinutes * 60_000);
  const cancelled = input.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Quorum//Sprint demos//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    'BEGIN:VEVENT',
    `UID:${demoUid(input.demoId)}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${icsDateTime(input.dtstamp)}`,
    `DTSTART:${icsDateTime(input.start)}`,
    `DTEND:${icsDateTime(end)}`,
    `SUMMARY:${escapeText(input.title)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    `URL:${input.url}`,
    `ORGANIZER;CN=${cn(input.organizer.name)}:${mailto(input.organizer.email)}`,
    ...input.attendees.map(
      (a) =>
        `ATTENDEE;CN=${cn(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${cancelled ? 'FALSE' : 'TRUE'}:${mailto(a.email)}`,
    ),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
