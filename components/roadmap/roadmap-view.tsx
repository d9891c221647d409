import { ViewSwitcher } from '@/components/ui/view-switcher';
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
      <ViewSwitcher
        label="Roadmap views"
        choices={ROADMAP_VIEWS.map((v) => ({
          href: v.id === 'lanes' ? basePath : `${basePath}?view=${v.id}`,
          text: v.title,
          current: v.id === view,
        }))}
      />
      <section aria-labelledby="roadmap-view-heading" className="space-y-3">
        <h2 id="roadmap-view-heading" className="text-xl font-semibold">
          {current.title}
        </h2>
        <Section roadmap={roadmap} statuses={statuses} />
      </section>
    </div>
  );
}
