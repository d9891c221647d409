'use client';
import { byDepartment } from '@/lib/realtime/presence';
import type { LiveState } from '@/lib/live-meeting/state.server';

/** Who has the meeting open right now, by department (kept current by the stream's presence notices). */
export function PresencePanel({ state }: { state: LiveState }) {
  const present = state.room.present;
  return (
    <section aria-labelledby="presence-heading" className="space-y-1">
      <h2 id="presence-heading" className="text-sm font-semibold">
        Connected now ({present.length})
      </h2>
      {present.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nobody else has the meeting open.</p>
      ) : (
        <ul aria-label="Connected now, by department" className="space-y-1 text-sm">
          {byDepartment(present).map((group) => (
            <li key={group.departmentName} className="wrap-anywhere">
              <span aria-hidden="true" className="font-medium text-zinc-600 dark:text-zinc-400">
                {group.departmentName}:{' '}
              </span>
              <ul aria-label={group.departmentName} className="inline">
                {group.people.map((p, i) => (
                  <li key={p.userId} className="inline">
                    {i > 0 && ', '}
                    {p.name}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
