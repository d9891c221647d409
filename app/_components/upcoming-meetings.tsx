import Link from '@/components/ui/link';
import { MeetingTime } from '@/components/meetings/meeting-time';
import { MeetingStatusBadge } from '@/components/meetings/meeting-status';
import type { UpcomingMeeting } from '@/lib/home/upcoming-meetings.server';

/** The home page's "Your next meetings": each meeting's time in the viewer's zone, named. */
export function UpcomingMeetings({ meetings, className }: { meetings: UpcomingMeeting[]; className: string }) {
  if (meetings.length === 0) return null;
  return (
    <section aria-labelledby="meetings-heading" className={className}>
      <h2 id="meetings-heading" className="text-base font-semibold">
        Your next meetings
      </h2>
      <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {meetings.map((m) => (
          <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-1.5">
            <span className="min-w-0 wrap-anywhere">
              <Link href={`/meetings/${m.id}`}>{m.title}</Link>{' '}
              <span className="text-zinc-600 dark:text-zinc-400">· {m.cycleName}</span>
              <br />
              <MeetingTime iso={m.scheduledAt} durationMinutes={m.durationMinutes} />
            </span>
            <MeetingStatusBadge status={m.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
