'use client';
import Link from '@/components/ui/link';
import { Button } from '@/components/ui/button';
import type { CulledCardView } from '@/lib/story-map/types';

/** The same text on the server and in the browser, whatever their time zones. */
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** Cards left out of this cycle, with why, who and when; "Bring back" puts one where it was. */
export function CulledList({
  culled,
  canEdit,
  onRestore,
}: {
  culled: CulledCardView[];
  canEdit: boolean;
  onRestore: (card: CulledCardView) => void;
}) {
  return (
    <section aria-labelledby="culled-heading" className="space-y-2">
      <h2 id="culled-heading" className="text-lg font-semibold">
        Culled <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">(not this cycle)</span>
      </h2>
      {culled.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing culled.</p>
      ) : (
        <ul
          aria-label="Culled cards"
          className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        >
          {culled.map((c) => (
            <li key={c.itemId} aria-label={c.title} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <Link href={`/items/${c.itemId}`} className="font-medium break-words">
                {c.title}
              </Link>
              <span className="min-w-0 grow break-words text-zinc-700 dark:text-zinc-300">“{c.reason}”</span>
              <span className="text-zinc-600 dark:text-zinc-400">
                {c.culledBy}, {c.culledAt ? when(c.culledAt) : ''}
              </span>
              {canEdit && (
                <Button variant="secondary" className="px-2 py-0.5 text-xs" onClick={() => onRestore(c)}>
                  Bring back<span className="sr-only"> {c.title}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
