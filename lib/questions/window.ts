/**
 * Dates written by the server (validation messages, e-mails) are in the reader's chosen zone, or in
 * UTC when they chose none (the server cannot know the browser's), always with the zone named.
 * Pure: safe for client components too.
 */
import { formatZoned } from '@/lib/time/format-zoned';

/** "14 Mar 2027, 09:00 UTC", or "14 Mar 2027, 10:00 Europe/Paris" for a reader who chose that zone. */
export function formatUtc(iso: string, timeZone: string | null = null): string {
  return formatZoned(iso, timeZone);
}

export function questionsClosedMessage(closeAt: string, timeZone: string | null = null): string {
  return `Questions closed on ${formatUtc(closeAt, timeZone)}: the meeting is close; raise it in the meeting instead.`;
}

/** Questions are open until (not including) the deadline. */
export function questionsOpen(closeAt: string, now: Date): boolean {
  return now.getTime() < new Date(closeAt).getTime();
}
