import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { icsMethod } from '@/lib/notifications/worker.server';
import { buildDemoIcs, type DemoIcsInput } from './ics';

const input = (over: Partial<DemoIcsInput> = {}): DemoIcsInput => ({
  method: 'REQUEST',
  demoId: 12,
  title: 'Sprint 4 demo; checkout, search',
  description: 'Sprint demo.',
  start: new Date('2027-02-10T14:00:00Z'),
  durationMinutes: 45,
  organizer: { name: 'Priya "PM" Patel', email: 'pm@quorum.test' },
  attendees: [{ name: 'Rosa Requestor', email: 'rosa@quorum.test' }],
  url: 'http://localhost:3000/demos/12',
  sequence: 3,
  dtstamp: new Date('2027-02-01T09:00:00Z'),
  ...over,
});

const read = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { method: calendar.getFirstPropertyValue('method'), vevent, event: new ICAL.Event(vevent) };
};

describe('buildDemoIcs', () => {
  it('is a REQUEST with the demo’s UID, its SEQUENCE and the instant in UTC', () => {
    const ics = buildDemoIcs(input());
    const { method, event, vevent } = read(ics);
    expect(method).toBe('REQUEST');
    expect([event.uid, event.sequence, event.summary]).toEqual([
      'demo-12@quorum',
      3,
      'Sprint 4 demo; checkout, search',
    ]);
    expect(ics).toContain('\r\nDTSTART:20270210T140000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20270210T144500Z\r\n');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.organizer).toBe('mailto:pm@quorum.test');
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('is a CANCEL, marked cancelled, when the demo is cancelled; the worker sends it as such', () => {
    const ics = buildDemoIcs(input({ method: 'CANCEL', sequence: 4 }));
    const { method, event, vevent } = read(ics);
    expect([method, event.sequence, vevent.getFirstPropertyValue('status')]).toEqual(['CANCEL', 4, 'CANCELLED']);
    expect(icsMethod(ics)).toBe('CANCEL');
    expect(icsMethod(buildDemoIcs(input()))).toBe('REQUEST');
    expect(icsMethod('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')).toBe('REQUEST');
  });
});
