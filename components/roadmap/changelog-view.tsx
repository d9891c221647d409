import { ViewSwitcher } from '@/components/ui/view-switcher';
import { EmptyState } from '@/components/ui/empty-state';
import type { ChangelogPage } from '@/lib/roadmap/changelog';

/** What was delivered in one quarter, month by month, newest first, with a way to the other quarters. */
export function ChangelogView({ page }: { page: ChangelogPage }) {
  if (page.quarter === null) return <EmptyState title="Nothing delivered yet" />;
  const shown = page.quarter;
  return (
    <div className="space-y-6">
      {(page.quarters.length > 1 || !page.quarters.some((q) => q.key === shown.key)) && (
        <ViewSwitcher
          label="Quarters"
          choices={page.quarters.map((q, n) => ({
            href: n === 0 ? '/roadmap/changelog' : `/roadmap/changelog?quarter=${q.key}`,
            text: q.label,
            current: q.key === shown.key,
          }))}
        />
      )}
      {page.groups.length === 0 && <EmptyState title={`Nothing delivered in ${shown.label}`} />}
      {page.groups.map((g) => (
        <section key={g.month} aria-labelledby={`month-${g.month}`}>
          <h2 id={`month-${g.month}`} className="text-lg font-semibold">
            {g.label}
          </h2>
          <ul className="mt-2 space-y-1">
            {g.entries.map((e, n) => (
              <li key={n} className="text-sm wrap-anywhere">
                <span className="text-zinc-600 tabular-nums dark:text-zinc-400">{e.deliveredOn}</span>{' '}
                <span className="font-medium">{e.title}</span>
                <span className="text-zinc-600 dark:text-zinc-400">
                  {e.theme ? ` · ${e.theme}` : ''} · {e.cycle.name}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
