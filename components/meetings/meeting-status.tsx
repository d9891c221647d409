import { MEETING_STATUS_COLOUR } from '@/components/ui/status-colours';

/**
 * Meeting and pre-read states, each with a text label (never colour alone). Pre-read "late" uses
 * the deferred amber of the status colour language: a warning, not an error.
 */
const MEETING_STATUS: Record<string, { label: string; className: string }> = {
  scheduled: { label: 'Scheduled', className: MEETING_STATUS_COLOUR.scheduled },
  live: { label: 'Live', className: MEETING_STATUS_COLOUR.live },
  paused: { label: 'Paused', className: MEETING_STATUS_COLOUR.paused },
  closed: { label: 'Closed', className: MEETING_STATUS_COLOUR.closed },
};

const badge = 'inline-block rounded px-1.5 py-0.5 text-xs font-medium';

export function MeetingStatusBadge({ status }: { status: string }) {
  const s = MEETING_STATUS[status] ?? { label: status, className: MEETING_STATUS.closed.className };
  return <span className={`${badge} ${s.className}`}>{s.label}</span>;
}

export function PrereadBadge({ preread }: { preread: { late: boolean } | null }) {
  if (!preread)
    return (
      <span className={`${badge} bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300`}>
        Pre-read not sent yet
      </span>
    );
  return preread.late ? (
    <span className={`${badge} bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200`}>
      Pre-read sent late
    </span>
  ) : (
    <span className={`${badge} bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200`}>
      Pre-read sent
    </span>
  );
}
