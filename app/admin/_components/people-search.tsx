import Link from '@/components/ui/link';
import { plural } from '@/lib/plural';

const link = 'rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700';

/**
 * The search box and pager of Admin › People: a plain GET form and links, so they work before the
 * page's scripts load and every state has its own address.
 */
export function PeopleSearch({
  q,
  page,
  pages,
  total,
  problems,
}: {
  q: string;
  page: number;
  pages: number;
  total: number;
  problems: string[];
}) {
  const href = (to: number) => `/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) })}`;
  return (
    <div className="space-y-2">
      <form method="get" action="/admin" role="search" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          <span className="font-medium">Find people</span>
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={100}
            placeholder="Name or e-mail"
            className="w-72 max-w-full rounded-md border border-zinc-300 px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        <button type="submit" className={link}>
          Search
        </button>
        {q && (
          <Link href="/admin" className={link}>
            Show everyone
          </Link>
        )}
      </form>
      {problems.map((problem) => (
        <p key={problem} role="status" className="text-sm text-amber-800 dark:text-amber-200">
          {problem} Showing the first page instead.
        </p>
      ))}
      <nav aria-label="Pages of people" className="flex flex-wrap items-center gap-3 text-sm">
        <span role="status">
          {q ? `${plural(total, 'person', 'people')} found for “${q}”` : plural(total, 'person', 'people')}
          {pages > 1 && ` · page ${page} of ${pages}`}
        </span>
        {page > 1 && (
          <Link href={href(page - 1)} className={link}>
            Previous page
          </Link>
        )}
        {page < pages && (
          <Link href={href(page + 1)} className={link}>
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
