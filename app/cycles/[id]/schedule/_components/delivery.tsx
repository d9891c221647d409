'use client';
import { useFormStatus } from 'react-dom';
import { moveDeliveryAction } from '@/app/cycles/[id]/schedule/actions';
import { Button } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import { TRANSITIONS } from '@/lib/backlog/status-machine';
import { DELIVERY_MOVES, type DeliveryMove } from '@/lib/schedule/types';
import type { ScheduleRow } from '@/lib/schedule/wire';
import { useSchedule } from './context';
import { useCountedAction } from './use-counted-action';
import { DeliveryButtons } from '@/app/items/[id]/_components/delivery/delivery-buttons';

const MOVE_LABEL: Record<DeliveryMove, string> = {
  in_delivery: 'Start delivery',
  delivered: 'Mark delivered',
  scheduled: 'Back to scheduled',
};

/**
 * The delivery moves the status machine allows from a status (the server checks again); an accepted
 * item is scheduled by giving it a period. Delivered is not a plain move: it needs its record (the dialog).
 */
function movesFrom(status: ScheduleRow['status']): DeliveryMove[] {
  return status === 'accepted'
    ? []
    : DELIVERY_MOVES.filter((to) => to !== 'delivered' && TRANSITIONS[status].includes(to));
}

function MoveButton({ to, title }: { to: DeliveryMove; title: string }) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      name="to"
      value={to}
      variant={to === 'scheduled' ? 'ghost' : 'secondary'}
      disabled={pending}
      aria-disabled={pending}
      className="px-2 py-1 text-xs"
    >
      {MOVE_LABEL[to]}
      <span className="sr-only"> of {title}</span>
    </Button>
  );
}

/** The item's status with its colour and label, and (for schedule editors) the buttons that move delivery on. */
export function DeliveryCell({ row }: { row: ScheduleRow }) {
  const { view } = useSchedule();
  const [state, action] = useCountedAction(moveDeliveryAction);
  const moves = view.viewer.canEdit ? movesFrom(row.status) : [];
  return (
    <div className="space-y-1 whitespace-normal">
      <div className="flex flex-wrap items-center gap-1.5">
        <StatusBadge status={row.status} />
        {view.viewer.canEdit && row.status === 'in_delivery' && (
          <DeliveryButtons itemId={row.id} title={row.title} kickoffOn={row.kickoffOn} />
        )}
        {moves.length > 0 && (
          <form action={action} className="flex flex-wrap gap-1">
            <input type="hidden" name="cycleId" value={view.cycle.id} />
            <input type="hidden" name="itemId" value={row.id} />
            {moves.map((to) => (
              <MoveButton key={to} to={to} title={row.title} />
            ))}
          </form>
        )}
      </div>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
    </div>
  );
}
