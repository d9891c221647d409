import { StatusBadge } from '@/components/ui/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { LANE_DEFINITIONS } from '@/lib/roadmap/lanes';
import type { Roadmap, RoadmapEntry, RoadmapPeriod, ThemeGroup } from '@/lib/roadmap/types';

const LANES = ['now', 'next', 'later'] as const;
/**
 * The most titles one list shows (a theme in a lane, a period, a cycle's deliveries); the rest is
 * counted. A company's roadmap can hold thousands of items: listed in full, the page grew past a
 * megabyte and its rendering, not the database, set the time of a read. The changelog lists every delivery.
 */
const SHOWN = 20;

type SectionProps = { roadmap: Roadmap; statuses: boolean };

/** Now, next and later, each by theme. */
export function LanesSection({ roadmap, statuses }: SectionProps) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {LANES.map((lane) => (
        <section
          key={lane}
          aria-labelledby={`lane-${lane}`}
          className="min-w-0 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
        >
          <h3 id={`lane-${lane}`} className="text-lg font-semibold">
            {LANE_DEFINITIONS[lane].title}
          </h3>
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{LANE_DEFINITIONS[lane].meaning}</p>
          <Themes groups={roadmap.lanes[lane]} statuses={statuses} />
        </section>
      ))}
    </div>
  );
}

/** The periods of the current and coming cycles' schedules. */
export function TimelineSection({ roadmap, statuses }: SectionProps) {
  return (
    <>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The periods of the current and coming cycles&rsquo; delivery schedules, as last published.
      </p>
      {roadmap.timeline.length === 0 ? (
        <EmptyState title="No schedule published yet" />
      ) : (
        roadmap.timeline.map((c) => (
          <section key={c.cycle} aria-label={`Timeline of ${c.cycle}`} className="space-y-2">
            <h3 className="font-semibold wrap-anywhere">{c.cycle}</h3>
            <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {c.periods.map((p) => (
                <li key={p.period.name} className="min-w-0 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                  <h4 className="font-medium wrap-anywhere">{p.period.name}</h4>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">{periodDates(p.period)}</p>
                  <Entries entries={p.entries} statuses={statuses} />
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
    </>
  );
}

/** What each recent cycle delivered, newest first. */
export function ShippedSection({ roadmap }: SectionProps) {
  return (
    <>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        In the current cycle and those that ended in the last three months; the changelog has every delivery.
      </p>
      {roadmap.shipped.length === 0 ? (
        <EmptyState title="Nothing delivered yet" />
      ) : (
        roadmap.shipped.map((c) => (
          <section key={c.cycle} aria-label={`Shipped in ${c.cycle}`}>
            <h3 className="font-semibold wrap-anywhere">{c.cycle}</h3>
            <ul className="mt-1 space-y-1">
              {c.entries.slice(0, SHOWN).map((e, n) => (
                <li key={n} className="text-sm wrap-anywhere">
                  <span className="font-medium">{e.title}</span>
                  {e.theme && <span className="text-zinc-600 dark:text-zinc-400"> · {e.theme}</span>}
                  {e.deliveredOn && (
                    <span className="text-zinc-600 dark:text-zinc-400"> · delivered {e.deliveredOn}</span>
                  )}
                </li>
              ))}
              <More count={c.entries.length - SHOWN} />
            </ul>
          </section>
        ))
      )}
    </>
  );
}

function periodDates(p: RoadmapPeriod): string {
  return p.startsOn && p.endsOn ? `${p.startsOn} to ${p.endsOn}` : 'Dates not set';
}

function Themes({ groups, statuses }: { groups: ThemeGroup[]; statuses: boolean }) {
  if (groups.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing here yet.</p>;
  return (
    <div className="space-y-3">
      {groups.map((g) => (
        <section key={g.theme} aria-label={g.theme}>
          <h4 className="text-sm font-semibold wrap-anywhere text-indigo-800 dark:text-indigo-300">{g.theme}</h4>
          <Entries entries={g.entries} statuses={statuses} withCycle />
        </section>
      ))}
    </div>
  );
}

function Entries({
  entries,
  statuses,
  withCycle,
}: {
  entries: RoadmapEntry[];
  statuses: boolean;
  withCycle?: boolean;
}) {
  return (
    <ul className="mt-1 space-y-1">
      {entries.slice(0, SHOWN).map((e, n) => (
        <li key={n} className="text-sm wrap-anywhere">
          <span>{e.title}</span>
          {withCycle && <span className="text-zinc-600 dark:text-zinc-400"> · {e.cycle.name}</span>}
          {statuses && (
            <>
              {' '}
              <StatusBadge status={e.status} />
            </>
          )}
        </li>
      ))}
      <More count={entries.length - SHOWN} />
    </ul>
  );
}

function More({ count }: { count: number }) {
  if (count <= 0) return null;
  return <li className="text-sm text-zinc-600 italic dark:text-zinc-400">and {count.toLocaleString('en')} more</li>;
}
