/**
 * Dates written by the server (validation messages, e-mails) cannot know the reader's time zone,
 * so they state UTC explicitly. Pure: safe for client components too.
 */
const utcFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "14 Mar 2027, 09:00 UTC". */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${utcFormat.format(date)} UTC`;
}

export function questionsClosedMessage(closeAt: string): string {
  return `Questions closed on ${formatUtc(closeAt)}: the meeting is close; raise it in the meeting instead.`;
}

/** Questions are open until (not including) the deadline. */
export function questionsOpen(closeAt: string, now: Date): boolean {
  return now.getTime() < new Date(closeAt).getTime();
}
