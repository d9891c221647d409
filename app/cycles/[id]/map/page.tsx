import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { mapState } from '@/lib/story-map/state.server';
import { LinkButton } from '@/components/ui/button';
import { StoryMap } from '@/components/story-map/story-map';

export const metadata: Metadata = { title: 'Story map · Quorum' };

/** A cycle's story map: the backbone, release slices and the items as cards, shaped live by the team. */
export default async function StoryMapPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('backlog.view');
  const cycleId = await routeId(params);
  const state = await readForPage(() => mapState(user, cycleId));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{state.cycleName} story map</h1>
        <LinkButton variant="secondary" href={`/cycles/${cycleId}`}>
          Backlog
        </LinkButton>
      </div>
      <StoryMap initial={state} />
    </div>
  );
}
