/**
 * Who is connected to a meeting's live stream, as the stream announces it. Pure (types and two
 * functions), for the browser too; presence.server.ts keeps the rows.
 */
export type PresentPerson = { userId: number; name: string; departmentName: string };

/**
 * A presence change as the stream sends it: a message without an `id:` (it is not an event of
 * the log, so it must not move the page's Last-Event-ID), carrying the whole room.
 */
export const PRESENCE_NOTICE = 'meeting.presence';
export type PresenceNotice = { type: typeof PRESENCE_NOTICE; present: PresentPerson[] };

/** The people of a presence notice, or null when `message` is not one. */
export function presenceOf(message: unknown): PresentPerson[] | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { type?: unknown; present?: unknown };
  if (m.type !== PRESENCE_NOTICE || !Array.isArray(m.present)) return null;
  return m.present.filter(
    (p): p is PresentPerson =>
      typeof p === 'object' &&
      p !== null &&
      Number.isInteger((p as PresentPerson).userId) &&
      typeof (p as PresentPerson).name === 'string' &&
      typeof (p as PresentPerson).departmentName === 'string',
  );
}

/** The present people grouped by department, departments in name order (as the server sorts them). */
export function byDepartment(present: readonly PresentPerson[]): { departmentName: string; people: PresentPerson[] }[] {
  const groups = new Map<string, PresentPerson[]>();
  for (const p of present) groups.set(p.departmentName, [...(groups.get(p.departmentName) ?? []), p]);
  return [...groups].map(([departmentName, people]) => ({ departmentName, people }));
}
