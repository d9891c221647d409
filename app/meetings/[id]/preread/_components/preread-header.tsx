import Link from '@/components/ui/link';
import { LocalTime } from '@/components/items/item-history';
import { MeetingTime } from '@/components/meetings/meeting-time';
import { PrintButton } from '@/components/ui/print-button';

type Props = {
  meeting: {
    title: string;
    scheduledAt: string;
    durationMinutes: number;
    location: string;
    facilitator: string;
    questionsCloseAt: string;
  };
  cycle: { id: number; name: string };
  sentAt: string;
  late: boolean;
  questionsOpen: boolean;
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-28 shrink-0 text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the meeting is, when (in the reader's zone, named), who runs it, and when this was sent. */
export function PrereadHeader({ meeting, cycle, sentAt, late, questionsOpen }: Props) {
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Pre-read · <Link href={`/cycles/${cycle.id}`}>{cycle.name}</Link>
          </p>
          <h1 className="text-2xl font-semibold wrap-anywhere">{meeting.title}</h1>
        </div>
        <PrintButton />
      </div>
      <dl className="space-y-1 text-sm wrap-anywhere">
        <Row label="When">
          <MeetingTime iso={meeting.scheduledAt} durationMinutes={meeting.durationMinutes} />
        </Row>
        <Row label="Facilitator">{meeting.facilitator || '—'}</Row>
        <Row label="Location">{meeting.location || 'Not set'}</Row>
        <Row label="Sent">
          Sent on <LocalTime iso={sentAt} />
          {late && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-400 dark:bg-amber-950 dark:text-amber-200">
              Sent late
            </span>
          )}
        </Row>
        <Row label="Questions">
          {questionsOpen ? 'Questions close on ' : 'Questions closed on '}
          <LocalTime iso={meeting.questionsCloseAt} />
        </Row>
      </dl>
    </header>
  );
}

/** Changes sent after the pre-read, oldest first: "Updated on …: Added X; Removed Y". */
export function PrereadUpdates({ updates }: { updates: { sentAt: string; summary: string[] }[] }) {
  if (updates.length === 0) return null;
  return (
    <section
      aria-labelledby="updates-heading"
      className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm dark:border-sky-900 dark:bg-sky-950/40"
    >
      <h2 id="updates-heading" className="text-base font-semibold">
        Updates since the pre-read
      </h2>
      <ul className="mt-1 space-y-1">
        {updates.map((u, i) => (
          <li key={i}>
            Updated on <LocalTime iso={u.sentAt} />: {u.summary.length ? u.summary.join('; ') : 'No changes listed'}
          </li>
        ))}
      </ul>
    </section>
  );
}
