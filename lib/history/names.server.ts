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
export async function historyNames(
  tx: Executor,
  events: readonly { data: Record<string, unknown> }[],
): Promise<HistoryNames> {
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
    people: await byId(ids.people, async (list) =>
      tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list)),
    ),
    departments: await byId(ids.departments, async (list) =>
      tx.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, list)),
    ),
    modules: await byId(ids.modules, async (list) =>
      tx.select({ id: modules.id, name: modules.name }).from(modules).where(inArray(modules.id, list)),
    ),
    themes: await byId(more.themes, async (list) =>
      tx.select({ id: themes.id, name: themes.name }).from(themes).where(inArray(themes.id, list)),
    ),
    cycles: await byId(more.cycles, async (list) =>
      tx.select({ id: cycles.id, name: cycles.name }).from(cycles).where(inArray(cycles.id, list)),
    ),
    periods: await byId(more.periods, async (list) =>
      tx
        .select({ id: schedulePeriods.id, name: schedulePeriods.name })
        .from(schedulePeriods)
        .where(inArray(schedulePeriods.id, list)),
    ),
    meetings: await byId(meetingIds, async (list) =>
      tx.select({ id: meetings.id, name: meetings.title }).from(meetings).where(inArray(meetings.id, list)),
    ),
    smes: await smeNamesByEmail(tx, smes),
  };
}

/** One query for a set of ids; none for an empty set. */
async function byId(
  ids: Set<number>,
  query: (ids: number[]) => Promise<{ id: number; name: string }[]>,
): Promise<Record<number, string>> {
  return ids.size === 0 ? {} : Object.fromEntries((await query([...ids])).map((r) => [r.id, r.name]));
}

/** The events (already filtered for the viewer) as sentences, oldest first. */
export async function describeHistory(
  events: readonly { id: number; at: string; type: string; data: Record<string, unknown>; actorName: string | null }[],
  tx: Executor = db,
): Promise<HistoryEntry[]> {
  const names = await historyNames(tx, events);
  return events.map((e) => ({ id: e.id, at: e.at, actorName: e.actorName, ...describeItemEvent(e, names) }));
}
