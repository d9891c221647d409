import Link from '@/components/ui/link';
import type { Need } from '@/lib/home/needs-now.server';
import { MeetingTime } from '@/components/meetings/meeting-time';

const DUE_WORD: Record<Need['kind'], string> = {
  live: '',
  decide: '',
  answer: '',
  preread: 'Meeting',
  respond: 'Respond by',
};

/** The home page's first card: what the person is waiting on, each with its link, or that nothing is. */
export function NeedsNow({ needs, className }: { needs: Need[]; className: string }) {
  return (
    <section aria-labelledby="needs-heading" className={className}>
      <h2 id="needs-heading" className="text-base font-semibold">
        Needs you now
      </h2>
      {needs.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Nothing needs you right now: no live meeting, pre-read, response or question is waiting on you.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {needs.map((n) => (
            <li key={n.key} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
              <Link href={n.href} className={n.kind === 'live' ? 'font-semibold' : undefined}>
                {n.text}
              </Link>
              {n.due && (
                <span className="text-zinc-600 dark:text-zinc-400">
                  {DUE_WORD[n.kind]} <MeetingTime iso={n.due} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
