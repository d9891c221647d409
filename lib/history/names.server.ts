import 'server-only';
import { inArray } from 'drizzle-orm';
import { cycles, departments, meetings, modules, schedulePeriods, themes, users } from '@/db/schema';
import { db } from '@/db/client';
import type { Executor } from '@/lib/events/log.server';
import { smeNamesByEmail } from '@/lib/users/sme-names.server';
import { describeItemEvent, type HistoryEntry, type HistoryNames } from './item-history';

/**
 * The names an item's history needs, for the ids its own events carry: one query per kind of name,
 * whatever the number of events. The caller has already decided that the viewer may read these
 * events; the names are those of the item's own cycle, theme, people and so on.
 */
export function historyNames(tx: Executor, events: readonly { data: Record<string, unknown> }[]): HistoryNames {
  const ids = { people: new Set<number>(), departments: new Set<number>(), modules: new Set<number>() };
  const more = { themes: new Set<number>(), cycles: new Set<number>(), periods: new Set<number>() };
  const meetingIds = new Set<number>();
  const smes: string[] = [];
  const KEYS: Record<string, Set<number>> = {
    sponsorId: ids.people,
    requestorId: ids.people,
    ownerId: ids.people,
    departmentId: ids.departments,
    moduleIds: ids.modules,
    themeId: more.themes,
    cycleId: more.cycles,
    periodId: more.periods,
  };
  const add = (key: string, value: unknown) => {
    if (key === 'sme' && typeof value === 'string') smes.push(value);
    const set = KEYS[key];
    if (!set) return;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'number') set.add(v);
  };
  for (const { data } of events) {
    if (typeof data.meetingId === 'number') meetingIds.add(data.meetingId);
    for (const side of [data.before, data.after])
      if (side && typeof side === 'object') for (const [k, v] of Object.entries(side)) add(k, v);
    if (data.changes && typeof data.changes === 'object')
      for (const [k, c] of Object.entries(data.changes as Record<string, { from?: unknown; to?: unknown }>)) {
        add(k, c?.from);
        add(k, c?.to);
      }
  }
  return {
    people: byId(ids.people, (list) =>
      tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list)).all(),
    ),
    departments: byId(ids.departments, (list) =>
      tx
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(inArray(departments.id, list))
        .all(),
    ),
    modules: byId(ids.modules, (list) =>
      tx.select({ id: modules.id, name: modules.name }).from(modules).where(inArray(modules.id, list)).all(),
    ),
    themes: byId(more.themes, (list) =>
      tx.select({ id: themes.id, name: themes.name }).from(themes).where(inArray(themes.id, list)).all(),
    ),
    cycles: byId(more.cycles, (list) =>
      tx.select({ id: cycles.id, name: cycles.name }).from(cycles).where(inArray(cycles.id, list)).all(),
    ),
    periods: byId(more.periods, (list) =>
      tx
        .select({ id: schedulePeriods.id, name: schedulePeriods.name })
        .from(schedulePeriods)
        .where(inArray(schedulePeriods.id, list))
        .all(),
    ),
    meetings: byId(meetingIds, (list) =>
      tx.select({ id: meetings.id, name: meetings.title }).from(meetings).where(inArray(meetings.id, list)).all(),
    ),
    smes: smeNamesByEmail(tx, smes),
  };
}

/** One query for a set of ids; none for an empty set. */
function byId(ids: Set<number>, query: (ids: number[]) => { id: number; name: string }[]): Record<number, string> {
  return ids.size === 0 ? {} : Object.fromEntries(query([...ids]).map((r) => [r.id, r.name]));
}

/** The events (already filtered for the viewer) as sentences, oldest first. */
export function describeHistory(
  events: readonly { id: number; at: string; type: string; data: Record<string, unknown>; actorName: string | null }[],
  tx: Executor = db,
): HistoryEntry[] {
  const names = historyNames(tx, events);
  return events.map((e) => ({ id: e.id, at: e.at, actorName: e.actorName, ...describeItemEvent(e, names) }));
}
