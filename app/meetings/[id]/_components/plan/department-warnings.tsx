import { balanceNote, type BalanceAttendee, type DepartmentWarning } from '@/lib/meetings/balance';

/**
 * The department balance warnings as a polite live region: it is always rendered, so screen
 * readers announce a warning that appears as attendees are ticked.
 */
export function DepartmentWarnings({
  warnings,
  attendees,
  maxShare,
}: {
  warnings: DepartmentWarning[];
  attendees: BalanceAttendee[];
  maxShare: number;
}) {
  return (
    <div role="status" aria-label="Department warnings" className="text-sm">
      {warnings.length ? (
        <ul className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {warnings.map((w) => (
            <li key={`${w.kind}-${w.department.id}`}>
              <span aria-hidden="true">⚠ </span>
              {w.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">{balanceNote(attendees, maxShare)}</p>
      )}
    </div>
  );
}
