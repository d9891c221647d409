import Link from '@/components/ui/link';

/**
 * A row of links between versions of one page (its views, its years): the one shown is marked as
 * the current page, for sight and for screen readers.
 */
export function ViewSwitcher({
  label,
  choices,
}: {
  label: string;
  choices: { href: string; text: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        {choices.map((c) => (
          <li key={c.href}>
            <Link
              href={c.href}
              aria-current={c.current ? 'page' : undefined}
              className="inline-block rounded-full border border-zinc-300 px-3 py-1 text-sm font-medium text-zinc-800 no-underline hover:bg-zinc-100 aria-[current=page]:border-indigo-700 aria-[current=page]:bg-indigo-700 aria-[current=page]:text-white dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:aria-[current=page]:border-indigo-300 dark:aria-[current=page]:bg-indigo-300 dark:aria-[current=page]:text-zinc-900"
            >
              {c.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
