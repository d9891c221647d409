import { can } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import type { Cycle } from '@/db/schema';
import { REVIEWABLE } from '@/lib/review/review';
import { LinkButton } from '@/components/ui/button';
import { CloseCycleForm } from './close-cycle-form';

/** On the cycle's page: its review once the outcome is published, and "Close the cycle…" for the pm. */
export function CycleReviewLinks({
  user,
  cycleId,
  cycle,
}: {
  user: ActingUser;
  cycleId: number;
  cycle: Pick<Cycle, 'name' | 'status'>;
}) {
  if (!REVIEWABLE.includes(cycle.status)) return null;
  return (
    <>
      <LinkButton variant="secondary" href={`/cycles/${cycleId}/review`}>
        Review
      </LinkButton>
      {cycle.status === 'published' && can(user, 'cycle.manage') && (
        <CloseCycleForm cycleId={cycleId} cycleName={cycle.name} />
      )}
    </>
  );
}
