import type { ThemeOutcome } from '@/lib/outcome/types';
import { StatusBadge } from '@/components/ui/status-badge';
import * as s from './table-styles';

function Group({
  status,
  children,
  count,
}: {
  status: 'accepted' | 'rejected' | 'deferred';
  count: number;
  children: React.ReactNode;
}) {
  return (
    <div>
      <h4 className="flex items-center gap-1 text-sm font-medium">
        <StatusBadge status={status} /> <span className="tabular-nums">({count})</span>
      </h4>
      {count === 0 ? (
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">None</p>
      ) : (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">{children}</ul>
      )}
    </div>
  );
}

/** Each theme's key outcome, and what the meeting did with its items. */
export function ThemeOutcomes({ themes }: { themes: ThemeOutcome[] }) {
  return (
    <section aria-labelledby="themes-heading" className={s.section}>
      <h2 id="themes-heading" className="text-lg font-semibold">
        Key outcomes by theme
      </h2>
      {themes.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">This cycle has no themes.</p>}
      <div className="grid gap-3 grid-cols-1 md:grid-cols-2">
        {themes.map((theme) => (
          <article
            key={theme.id ?? 'none'}
            aria-labelledby={`theme-${theme.id ?? 'none'}`}
            className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4 break-inside-avoid dark:border-zinc-800 dark:bg-zinc-900"
          >
            <h3 id={`theme-${theme.id ?? 'none'}`} className="font-semibold">
              {theme.name}
            </h3>
            {theme.keyOutcome && (
              <p className="text-sm">
                <span className="font-medium">Key outcome:</span> {theme.keyOutcome}
              </p>
            )}
            {theme.metric && (
              <p className="text-sm">
                <span className="font-medium">Measured by:</span> {theme.metric}
              </p>
            )}
            <div className="grid gap-2 grid-cols-1 sm:grid-cols-3">
              <Group status="accepted" count={theme.accepted.length}>
                {theme.accepted.map((r) => (
                  <li key={r.itemId}>
                    {r.title}{' '}
                    <span className="text-zinc-500 dark:text-zinc-400">
                      (#{r.position}
                      {r.aboveCut ? '' : ', below the cut line'})
                    </span>
                  </li>
                ))}
              </Group>
              <Group status="rejected" count={theme.rejected.length}>
                {theme.rejected.map((d) => (
                  <li key={d.itemId}>
                    {d.title}
                    {d.reason && <span className="text-zinc-500 dark:text-zinc-400"> — {d.reason}</span>}
                  </li>
                ))}
              </Group>
              <Group status="deferred" count={theme.deferred.length}>
                {theme.deferred.map((d) => (
                  <li key={d.itemId}>{d.title}</li>
                ))}
              </Group>
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
