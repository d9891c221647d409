import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { sharedRoadmap } from '@/lib/roadmap/shared.server';
import { RoadmapQuerySchema } from '@/lib/roadmap/views';
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
export default async function SharedRoadmapPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const roadmap = await sharedRoadmap(token);
  if (!roadmap) notFound();
  const { view } = RoadmapQuerySchema.parse(await searchParams);
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Roadmap</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A read-only view of what has been decided and published.
        </p>
      </div>
      <RoadmapView roadmap={roadmap} statuses={false} view={view} basePath={`/share/${encodeURIComponent(token)}`} />
    </div>
  );
}
