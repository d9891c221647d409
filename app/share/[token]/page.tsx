import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { sharedRoadmap } from '@/lib/roadmap/shared.server';
import { RoadmapView } from '@/components/roadmap/roadmap-view';

// A link's page must not be indexed, and must not pass its address (the token) on to other sites.
export const metadata: Metadata = {
  title: 'Roadmap',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/**
 * A read-only roadmap link, without sign-in: titles, themes, periods and delivery days of the cycles
 * an admin shares. A revoked, guessed or malformed token is the ordinary 404 page.
 */
export default async function SharedRoadmapPage({ params }: { params: Promise<{ token: string }> }) {
  const roadmap = await sharedRoadmap((await params).token);
  if (!roadmap) notFound();
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Roadmap</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A read-only view of what has been decided and published.
        </p>
      </div>
      <RoadmapView roadmap={roadmap} statuses={false} />
    </div>
  );
}
