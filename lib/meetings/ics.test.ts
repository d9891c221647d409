import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildMeetingIcs, escapeText, foldLine, icsDateTime, meetingUid, type MeetingIcsInput } from './ics';

const input = (over: Partial<MeetingIcsInput> = {}): MeetingIcsInput => ({
  uid: meetingUid(7),
  title: 'Q1 prioritisation',
  description: 'Read the pre-read first.',
  location: 'Room 4',
  start: new Date('2027-01-14T15:00:00Z'),
  durationMinutes: 90,
  organizer: { name: 'Priya Patel', email: 'pm@quorum.test' },
  attendees: [
    { name: 'Liam Sales', email: 'leader.sales@quorum.test', role: 'voter' },
    { name: 'Olga Observer', email: 'olga@quorum.test', role: 'observer' },
  ],
  url: 'http://localhost:3000/meetings/7',
  sequence: 0,
  dtstamp: new Date('2026-12-01T09:30:00Z'),
  ...over,
});

function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  const vevent = component.getFirstSubcomponent('vevent')!;
  return { component, vevent, event: new ICAL.Event(vevent) };
}

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('buildMeetingIcs', () => {
  it('parses back to the same meeting, as a REQUEST with a stable UID', () => {
    const { component, vevent, event } = parse(buildMeetingIcs(input()));
    expect(component.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(component.getFirstPropertyValue('version')).toBe('2.0');
    expect(component.getFirstPropertyValue('prodid')).toContain('Quorum');
    expect(event.uid).toBe('meeting-7@quorum');
    expect(event.summary).toBe('Q1 prioritisation');
    expect(event.location).toBe('Room 4');
    expect(event.description).toBe('Read the pre-read first.');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-14T15:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-01-14T16:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('url')).toBe('http://localhost:3000/meetings/7');
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:pm@quorum.test');
    expect(organizer.getParameter('cn')).toBe('Priya Patel');
  });

  it('lists every attendee with a role and RSVP, observers as optional', () => {
    const { event } = parse(buildMeetingIcs(input()));
    const attendees = event.attendees.map((a) => ({
      to: a.getFirstValue(),
      cn: a.getParameter('cn'),
      role: a.getParameter('role'),
      rsvp: a.getParameter('rsvp'),
    }));
    expect(attendees).toEqual([
      { to: 'mailto:leader.sales@quorum.test', cn: 'Liam Sales', role: 'REQ-PARTICIPANT', rsvp: 'TRUE' },
      { to: 'mailto:olga@quorum.test', cn: 'Olga Observer', role: 'OPT-PARTICIPANT', rsvp: 'TRUE' },
    ]);
  });

  it('uses CRLF line endings and folds every line at 75 octets, multi-byte characters intact', () => {
    const long = input({
      title: 'Ünïcödé prioritisation — '.repeat(8),
      description: 'A long description, with commas; semicolons and ✓ marks. '.repeat(10),
      attendees: Array.from({ length: 5 }, (_, i) => ({
        name: `Someone With A Rather Long Name Number ${i}`,
        email: `someone.with.a.long.address.${i}@example.test`,
      })),
    });
    const ics = buildMeetingIcs(long);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    const { event } = parse(ics);
    expect(event.summary).toBe(long.title);
    expect(event.description).toBe(long.description);
    expect(event.attendees).toHaveLength(5);
  });

  it('round-trips a title with commas, semicolons, backslashes and newlines', () => {
    const title = 'Plan, decide; ship\\repeat\nSecond line';
    const { event } = parse(buildMeetingIcs(input({ title, location: 'Room 1; floor 2, east' })));
    expect(event.summary).toBe(title);
    expect(event.location).toBe('Room 1; floor 2, east');
  });

  it('keeps a name with a colon, comma or quote inside its parameter', () => {
    const { event } = parse(
      buildMeetingIcs(input({ attendees: [{ name: 'Doe, Jane: "JD"', email: 'jane@example.test' }] })),
    );
    expect(event.attendees[0].getParameter('cn')).toBe('Doe, Jane: JD');
    expect(event.attendees[0].getFirstValue()).toBe('mailto:jane@example.test');
  });
});

describe('ics helpers', () => {
  it('writes UTC date-times in the basic format', () => {
    expect(icsDateTime(new Date('2027-01-14T15:04:05.678Z'))).toBe('20270114T150405Z');
  });

  it('escapes TEXT', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('leaves short lines alone and folds long ones with a leading space', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const folded = foldLine(`DESCRIPTION:${'x'.repeat(200)}`).split('\r\n');
    expect(folded.map(octets).every((n) => n <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`DESCRIPTION:${'x'.repeat(200)}`);
  });
});
