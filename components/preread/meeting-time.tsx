'use client';
import { useSyncExternalStore } from 'react';

const noop = () => () => {};
/** The viewer's zone once hydrated; UTC on the server, so both renders agree. */
const useTimeZone = () => useSyncExternalStore(noop, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => 'UTC');

/**
 * A meeting's date and time span in the viewer's time zone, with the zone named twice (its
 * abbreviation and its region), because leaders in several offices read the same pre-read.
 */
export function MeetingTime({ iso, durationMinutes }: { iso: string; durationMinutes: number }) {
  const timeZone = useTimeZone();
  const start = new Date(iso);
  if (Number.isNaN(start.getTime())) return <span>{iso}</span>;
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  const date = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(start);
  const time = (d: Date) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(d);
  const abbreviation = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(start)
    .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const zone = abbreviation === timeZone ? timeZone : `${abbreviation}, ${timeZone.replace(/_/g, ' ')}`;
  return <time dateTime={iso}>{date}, {time(start)}–{time(end)} ({zone})</time>;
}
