import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requireUser } from '@/lib/auth/session.server';
import { roadmapFor } from '@/lib/roadmap/read.server';
import { RoadmapQuerySchema } from '@/lib/roadmap/views';
import { RoadmapView } from '@/components/roadmap/roadmap-view';

export const metadata: Metadata = { title: 'Roadmap · Quorum' };

export default async function RoadmapPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { view } = RoadmapQuerySchema.parse(await searchParams);
  const roadmap = await roadmapFor(user);
  return (
    <div className="max-w-6xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Roadmap</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Only what has been published: decisions of meetings whose outcome is published, and delivery schedules as last
          published. Everyone sees the same roadmap.
        </p>
        <p className="text-sm">
          <Link href="/roadmap/changelog" className="text-indigo-700 underline dark:text-indigo-300">
            Changelog
          </Link>
        </p>
      </div>
      <RoadmapView roadmap={roadmap} statuses view={view} basePath="/roadmap" />
    </div>
  );
}
