import Link from '@/components/ui/link';
import type { Metadata } from 'next';

const TITLE = 'Page not found · Quorum';

/** The title of a path no route matches. */
export const metadata: Metadata = { title: TITLE };

/**
 * The 404 page. It also says its title as a React <title>, which React puts first in the head: a page
 * that calls notFound() has already given Next its own metadata ("Backlog · Quorum"), which would
 * otherwise name the tab.
 */
export default function NotFound() {
  return (
    <div className="mx-auto mt-16 max-w-lg text-center">
      <title>{TITLE}</title>
      <p className="text-sm font-semibold text-zinc-500 dark:text-zinc-400">404</p>
      <h1 className="mt-1 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">It may have been removed, or the link is wrong.</p>
      <p className="mt-6">
        <Link href="/">Go to your home page</Link>
      </p>
    </div>
  );
}
