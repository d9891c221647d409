import Link from '@/components/ui/link';
import type { MeetingOverview } from '@/lib/meetings/meetings.server';
import { formatDuration } from '@/lib/meetings/format';
import { MeetingTime } from './meeting-time';
import { PrereadBadge } from './meeting-status';

/**
 * Title, time in the viewer's zone (named), place, and the way to the pre-read once sent. The status
 * and the facilitator change during the meeting: the live part of the page shows those.
 */
export function MeetingHeader({ overview }: { overview: MeetingOverview }) {
  const { meeting, cycle, preread } = overview;
  return (
    <div className="space-y-2">
      <p className="text-sm">
        <Link href={`/cycles/${cycle.id}/meetings`}>← {cycle.name} meetings</Link>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="min-w-0 text-2xl font-semibold wrap-anywhere">{meeting.title}</h1>
        <PrereadBadge preread={preread} />
      </div>
      {/* A place is often a pasted video link: it breaks anywhere rather than widen the page. */}
      <dl
        data-meeting-details
        className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm wrap-anywhere sm:grid-cols-[auto_minmax(0,1fr)]"
      >
        <dt className="text-zinc-500 dark:text-zinc-400">When</dt>
        <dd>
          <MeetingTime iso={meeting.scheduledAt} /> · {formatDuration(meeting.durationMinutes)}
        </dd>
        {meeting.location && (
          <>
            <dt className="text-zinc-500 dark:text-zinc-400">Where</dt>
            <dd>{meeting.location}</dd>
          </>
        )}
        <dt className="text-zinc-500 dark:text-zinc-400">Questions close</dt>
        <dd>
          <MeetingTime iso={meeting.questionsCloseAt} />
        </dd>
      </dl>
      {preread && (
        <p className="text-sm">
          <Link href={`/meetings/${meeting.id}/preread`} className="font-medium">
            Open the pre-read
          </Link>
          {preread.late && <span className="ml-2 text-amber-800 dark:text-amber-300">(sent late)</span>}
        </p>
      )}
    </div>
  );
}
