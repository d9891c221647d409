import Link from '@/components/ui/link';
import { MeetingTime } from '@/components/meetings/meeting-time';

type DemoRow = {
  id: number;
  title: string;
  startsAt: string;
  durationMinutes: number;
  cancelledAt: string | null;
  presenterName: string;
};

/** A list of demos, each with its time in the viewer's zone and its presenter. */
export function DemoList({ heading, demos, empty }: { heading: string; demos: DemoRow[]; empty: string }) {
  const id = `demos-${heading.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {heading}
      </h2>
      {demos.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {demos.map((d) => (
            <li key={d.id} className="space-y-1 p-3">
              <Link href={`/demos/${d.id}`} className="font-medium break-words">
                {d.title}
              </Link>
              {d.cancelledAt && <span className="ml-2 text-sm text-red-700 dark:text-red-400">Cancelled</span>}
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                <MeetingTime iso={d.startsAt} durationMinutes={d.durationMinutes} /> · presented by {d.presenterName}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
