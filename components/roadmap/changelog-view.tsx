import { EmptyState } from '@/components/ui/empty-state';
import type { ChangelogGroup } from '@/lib/roadmap/changelog';

/** What was delivered, month by month, newest first. */
export function ChangelogView({ groups }: { groups: ChangelogGroup[] }) {
  if (groups.length === 0) return <EmptyState title="Nothing delivered yet" />;
  return (
    <div className="space-y-6">
      {groups.map((g) => (
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
