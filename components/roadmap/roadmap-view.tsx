import Link from '@/components/ui/link';
import { ROADMAP_VIEWS, type RoadmapViewId } from '@/lib/roadmap/views';
import type { Roadmap } from '@/lib/roadmap/types';
import { LanesSection, ShippedSection, TimelineSection } from './roadmap-sections';

const SECTIONS = { lanes: LanesSection, timeline: TimelineSection, shipped: ShippedSection };

/**
 * The roadmap, one view at a time: now/next/later by theme, the timeline by period, or what shipped.
 * The same for signed-in readers and read-only links: it shows only what the entries hold. `statuses`
 * adds each item's status badge (signed-in readers); a link shows titles and themes only. `basePath`
 * is the page's own address, to which each view adds `?view=`.
 */
export function RoadmapView({
  roadmap,
  statuses,
  view,
  basePath,
}: {
  roadmap: Roadmap;
  statuses: boolean;
  view: RoadmapViewId;
  basePath: string;
}) {
  const Section = SECTIONS[view];
  const current = ROADMAP_VIEWS.find((v) => v.id === view)!;
  return (
    <div className="space-y-4">
      <nav aria-label="Roadmap views">
        <ul className="flex flex-wrap gap-2">
          {ROADMAP_VIEWS.map((v) => (
            <li key={v.id}>
              <Link
                href={v.id === 'lanes' ? basePath : `${basePath}?view=${v.id}`}
                aria-current={v.id === view ? 'page' : undefined}
                className="inline-block rounded-full border border-zinc-300 px-3 py-1 text-sm font-medium text-zinc-800 no-underline hover:bg-zinc-100 aria-[current=page]:border-indigo-700 aria-[current=page]:bg-indigo-700 aria-[current=page]:text-white dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:aria-[current=page]:border-indigo-300 dark:aria-[current=page]:bg-indigo-300 dark:aria-[current=page]:text-zinc-900"
              >
                {v.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="roadmap-view-heading" className="space-y-3">
        <h2 id="roadmap-view-heading" className="text-xl font-semibold">
          {current.title}
        </h2>
        <Section roadmap={roadmap} statuses={statuses} />
      </section>
    </div>
  );
}
