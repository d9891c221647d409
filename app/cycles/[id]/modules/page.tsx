import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { cycleModulesView } from '@/lib/modules/by-module.server';
import { KIND_LABEL } from '@/lib/backlog/labels';
import { personWeeks, plural } from '@/lib/plural';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';

export const metadata: Metadata = { title: 'Backlog by module · Quorum' };
export const dynamic = 'force-dynamic';

/** The cycle's planned items by module, with each module's estimate; lib/ checks backlog.view. */
export default async function CycleModulesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('backlog.view');
  const cycleId = await routeId(params);
  const { cycle, groups } = await readForPage(() => cycleModulesView(user, cycleId));
  return (
    <div className="max-w-4xl space-y-6">
      <div className="min-w-0 wrap-anywhere">
        <p className="text-sm">
          <Link href={`/cycles/${cycle.id}`}>← Back to the {cycle.name} backlog</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{cycle.name} by module</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          The items planned for this cycle (not drafts, rejected, withdrawn, deferred or merged ones). An item that
          touches several modules is listed under each, so the module totals can add up to more than the cycle&apos;s.
        </p>
      </div>
      {groups.length === 0 ? (
        <EmptyState title="No planned items yet">Items of this cycle appear here, under their modules.</EmptyState>
      ) : (
        groups.map((g) => {
          const headingId = `module-${g.moduleId ?? 'none'}`;
          return (
            <section
              key={headingId}
              aria-labelledby={headingId}
              className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={headingId} className="text-lg font-semibold wrap-anywhere">
                  {g.name}
                </h2>
                <p className="text-sm tabular-nums text-zinc-700 dark:text-zinc-300">
                  {plural(g.items.length, 'item')} · {personWeeks(g.totalWeeks)}
                  {g.unestimated > 0 && `, ${g.unestimated} unestimated`}
                </p>
              </div>
              <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
                {g.items.map((item) => (
                  <li key={item.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 py-1.5">
                    <Link href={`/items/${item.id}`} className="min-w-0 font-medium wrap-anywhere">
                      {item.title}
                    </Link>
                    <StatusBadge status={item.status} />
                    <span className="text-zinc-600 dark:text-zinc-400">
                      {KIND_LABEL[item.kind]} ·{' '}
                      {item.effectiveWeeks === null ? 'not estimated' : personWeeks(item.effectiveWeeks)}
                    </span>
                    {item.alsoIn.length > 0 && (
                      <span className="text-zinc-600 dark:text-zinc-400">also in: {item.alsoIn.join(', ')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
