import Link from '@/components/ui/link';
import type { MeetingListEntry } from '@/lib/meetings/meetings.server';
import { formatDuration } from '@/lib/meetings/format';
import { MeetingTime } from './meeting-time';
import { MeetingStatusBadge, PrereadBadge } from './meeting-status';
import { ScrollBox } from '@/components/ui/scroll-box';

/** A cycle's meetings as a compact table: when, status and whether the pre-read went out. */
export function MeetingList({ meetings }: { meetings: MeetingListEntry[] }) {
  return (
    <ScrollBox
      label="Meetings"
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Meetings</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-3 py-2">
              Meeting
            </th>
            <th scope="col" className="px-3 py-2">
              When
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Pre-read
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Agenda
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Attendees
            </th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/70">
              <td className="px-3 py-2 font-medium">
                <Link href={`/meetings/${m.id}`}>{m.title}</Link>
              </td>
              <td className="px-3 py-2">
                <MeetingTime iso={m.scheduledAt} />
                <span className="text-zinc-500 dark:text-zinc-400">
                  {' '}
                  · {formatDuration(m.durationMinutes)}
                  {m.location ? ` · ${m.location}` : ''}
                </span>
              </td>
              <td className="px-3 py-2">
                <MeetingStatusBadge status={m.status} />
              </td>
              <td className="px-3 py-2">
                <PrereadBadge preread={m.preread} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {m.agendaCount} item{m.agendaCount === 1 ? '' : 's'}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{m.attendeeCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
