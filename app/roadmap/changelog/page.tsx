import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requireUser } from '@/lib/auth/session.server';
import { changelogFor } from '@/lib/roadmap/read.server';
import { changelogPage } from '@/lib/roadmap/changelog';
import { ChangelogQuerySchema } from '@/lib/roadmap/views';
import { FEED_ENTRIES } from '@/lib/roadmap/atom';
import { ChangelogView } from '@/components/roadmap/changelog-view';
import { buttonClass } from '@/components/ui/button';

export const metadata: Metadata = {
  title: 'Changelog · Quorum',
  alternates: { types: { 'application/atom+xml': '/roadmap/changelog.atom' } },
};

export default async function ChangelogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { quarter } = ChangelogQuerySchema.parse(await searchParams);
  const page = changelogPage(await changelogFor(user), quarter);
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/roadmap" className="text-indigo-700 underline dark:text-indigo-300">
            Roadmap
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Changelog</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          What was delivered, by the month it shipped in, a quarter at a time. Only published decisions appear. The
          Markdown download holds every quarter; the feed, the latest {FEED_ENTRIES} deliveries.
        </p>
      </div>
      <div role="group" aria-label="Export the changelog" className="flex flex-wrap gap-2">
        {/* Plain anchors: a download must not be prefetched or routed client-side. */}
        <a href="/roadmap/changelog/export" download className={buttonClass('secondary')}>
          Download Markdown
        </a>
        <a href="/roadmap/changelog.atom" className={buttonClass('secondary')}>
          Atom feed
        </a>
      </div>
      <ChangelogView page={page} />
    </div>
  );
}
