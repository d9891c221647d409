import type { MeetingOverview } from '@/lib/meetings/meetings.server';
import { attendeesByDepartment } from '@/lib/meetings/balance';
import { formatWeeks } from '@/lib/meetings/format';
import { EmptyState } from '@/components/ui/empty-state';
import { AgendaSummaryView } from '@/components/meetings/agenda-summary';

/** The read-only overview attendees see: who attends, by department, and the agenda in order. */
export async function MeetingSummary({ overview }: { overview: MeetingOverview }) {
  const groups = attendeesByDepartment(overview.attendees);
  return (
    <div className="grid gap-6 grid-cols-1 lg:grid-cols-2">
      <section aria-labelledby="attendees-heading" className="space-y-2">
        <h2 id="attendees-heading" className="text-lg font-semibold">
          Attendees
        </h2>
        {groups.length === 0 ? (
          <EmptyState title="No attendees yet">The product manager picks the attendees.</EmptyState>
        ) : (
          <ul className="space-y-2 text-sm">
            {groups.map((g) => (
              <li key={g.departmentId}>
                <span className="font-medium">{g.departmentName}</span>
                <span className="text-zinc-500 dark:text-zinc-400">
                  {' '}
                  · {g.voters} voter{g.voters === 1 ? '' : 's'}
                  {g.observers ? `, ${g.observers} observer${g.observers === 1 ? '' : 's'}` : ''}
                </span>
                <ul className="ml-4">
                  {g.people.map((p) => (
                    <li key={p.userId}>
                      {p.name}
                      {p.role === 'observer' ? ' (observer)' : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="agenda-heading" className="space-y-2">
        <h2 id="agenda-heading" className="text-lg font-semibold">
          Agenda
        </h2>
        {overview.agenda.length === 0 ? (
          <EmptyState title="No agenda yet">
            The product manager sets the agenda before sending the pre-read.
          </EmptyState>
        ) : (
          <>
            <AgendaSummaryView summary={overview.summary} />
            <ol className="list-decimal space-y-1 pl-6 text-sm">
              {overview.agenda.map((i) => (
                <li key={i.id}>
                  {i.title}
                  <span className="text-zinc-500 dark:text-zinc-400">
                    {' '}
                    · {i.themeName ?? 'No theme'} ·{' '}
                    {i.effectiveWeeks === null ? 'not estimated' : `${formatWeeks(i.effectiveWeeks)} pw`}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
