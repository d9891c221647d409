import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requireUser } from '@/lib/auth/session.server';
import { changelogFor } from '@/lib/roadmap/read.server';
import { ChangelogView } from '@/components/roadmap/changelog-view';
import { buttonClass } from '@/components/ui/button';

export const metadata: Metadata = {
  title: 'Changelog · Quorum',
  alternates: { types: { 'application/atom+xml': '/roadmap/changelog.atom' } },
};

export default async function ChangelogPage() {
  const user = await requireUser();
  const groups = await changelogFor(user);
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
          What was delivered, by the month it shipped in. Only published decisions appear.
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
      <ChangelogView groups={groups} />
    </div>
  );
}
