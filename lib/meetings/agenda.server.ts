import 'server-only';
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { agendaItems, consentAgendaItems, departments, items, themes, type Cycle, type Meeting } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { estimateText } from '@/lib/backlog/detail.server';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { loadCycle } from '@/lib/backlog/list.server';
import { ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { loadMeeting } from './access.server';
import { agendaExtras } from './agenda-extras.server';
import { firstModules } from '@/lib/modules/by-module.server';
import { summariseAgenda, type AgendaSummary } from './agenda-order';
import { assertMeetingEditable, logMeetingEvent } from './guards.server';
import { AgendaSchema } from './schema';
import { agendaItemIds } from './snapshot.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { scoringSummary } from '@/lib/scoring/backlog-scores.server';
import { thisCycleItemIds } from '@/lib/meetings/map-slice.server';

export { defaultAgendaOrder, summariseAgenda } from './agenda-order';

export type AgendaRow = {
  id: number;
  title: string;
  status: (typeof items.$inferSelect)['status'];
  kind: (typeof items.$inferSelect)['kind'];
  themeId: number | null;
  themeName: string | null;
  departmentId: number;
  departmentName: string;
  estimate: string;
  effectiveWeeks: number | null;
};

async function agendaRows(tx: Executor, cycle: Cycle, where: SQL | undefined): Promise<AgendaRow[]> {
  return (
    await tx
      .select({
        id: items.id,
        title: items.title,
        status: items.status,
        kind: items.kind,
        themeId: items.themeId,
        themeName: themes.name,
        departmentId: items.departmentId,
        departmentName: departments.name,
        estimateSize: items.estimateSize,
        estimateWeeks: items.estimateWeeks,
      })
      .from(items)
      .leftJoin(themes, eq(themes.id, items.themeId))
      .innerJoin(departments, eq(departments.id, items.departmentId))
      .where(where)
      .orderBy(asc(items.id))
  ).map(({ estimateSize, estimateWeeks, ...r }) => ({
    ...r,
    estimate: estimateText({ estimateSize, estimateWeeks }),
    effectiveWeeks: effectiveWeeks({ estimateSize, estimateWeeks }, cycle.sizeWeeks),
  }));
}

export async function cycleThemes(tx: Executor, cycleId: number) {
  return tx
    .select({ id: themes.id, name: themes.name, position: themes.position })
    .from(themes)
    .where(eq(themes.cycleId, cycleId))
    .orderBy(asc(themes.position));
}

/** The meeting's agenda in order, with what the overview and the warnings need. Callers authorize. */
export async function loadAgenda(tx: Executor, meeting: Meeting, cycle: Cycle): Promise<AgendaRow[]> {
  const ids = await agendaItemIds(tx, meeting.id);
  if (ids.length === 0) return [];
  const byId = new Map((await agendaRows(tx, cycle, inArray(items.id, ids))).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Total estimate of the agenda against the cycle's capacity, overall and per theme. Callers authorize. */
export async function agendaSummary(tx: Executor, meeting: Meeting): Promise<AgendaSummary> {
  const cycle = await loadCycle(tx, meeting.cycleId);
  return summariseAgenda(await loadAgenda(tx, meeting, cycle), await cycleThemes(tx, cycle.id), cycle.capacityWeeks);
}

/**
 * For the agenda editor: the cycle's curated items (the candidates), plus anything already on the
 * agenda that is no longer curated, so the pm can see it and take it off.
 */
export async function getAgendaEditor(actor: ActingUser, meetingId: number) {
  assertCan(actor, 'meeting.manage');
  const meeting = await loadMeeting(db, meetingId);
  const cycle = await loadCycle(db, meeting.cycleId);
  const included = await agendaItemIds(db, meetingId);
  const onAgenda = included.length ? inArray(items.id, included) : undefined;
  const candidates = await agendaRows(
    db,
    cycle,
    and(eq(items.cycleId, cycle.id), or(eq(items.status, 'curated'), onAgenda)),
  );
  return {
    meetingId,
    closed: meeting.status === 'closed',
    capacityWeeks: cycle.capacityWeeks,
    nfrTargetPercent: cycle.nfrTargetPercent,
    themes: await cycleThemes(db, cycle.id),
    candidates,
    firstModules: await firstModules(
      db,
      candidates.map((c) => c.id),
    ),
    included,
    onMapThisCycle: await thisCycleItemIds(db, cycle.id),
    ...(await agendaExtras(db, meeting)),
    ...(await scoringSummary(db, cycle.id)),
  };
}
export type AgendaEditorData = Awaited<ReturnType<typeof getAgendaEditor>>;

/**
 * Replaces the agenda with `itemIds`, in that order. Only curated items of the meeting's cycle
 * may go on it; every refused item is named, so the pm can fix them all at once.
 */
export async function setAgenda(actor: ActingUser, meetingId: number, input: unknown): Promise<number[]> {
  assertCan(actor, 'meeting.manage');
  const ids = [...new Set(parseOrThrow(AgendaSchema, input))];
  return transaction(async (tx) => replaceAgenda(tx, actor, await loadMeeting(tx, meetingId), ids));
}

/**
 * The agenda write inside a caller's transaction (the caller has checked meeting.manage). Items
 * that stay keep their time boxes; items taken off leave the consent agenda too.
 */
export async function replaceAgenda(
  tx: Executor,
  actor: ActingUser,
  meeting: Meeting,
  ids: number[],
): Promise<number[]> {
  const meetingId = meeting.id;
  assertMeetingEditable(meeting);
  const found = ids.length
    ? await tx
        .select({ id: items.id, title: items.title, status: items.status, cycleId: items.cycleId })
        .from(items)
        .where(inArray(items.id, ids))
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const errors = ids.flatMap((id) => {
    const item = byId.get(id);
    if (!item) return [`Item #${id} does not exist.`];
    if (item.cycleId !== meeting.cycleId) return [`"${item.title}" is not in this meeting's cycle.`];
    if (item.status !== 'curated')
      return [
        `"${item.title}" is ${STATUS_LABEL[item.status].toLowerCase()}, not curated: only curated items can go on the agenda.`,
      ];
    return [];
  });
  if (errors.length)
    throw new ValidationError(
      { agenda: errors },
      errors.length === 1 ? errors[0] : 'Some items cannot go on the agenda.',
    );

  const before = await agendaItemIds(tx, meetingId);
  if (before.length === ids.length && before.every((id, n) => ids[n] === id)) return ids;
  const boxes = new Map(
    (
      await tx
        .select({ itemId: agendaItems.itemId, minutes: agendaItems.timeBoxMinutes })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
    ).map((r) => [r.itemId, r.minutes]),
  );
  await tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  if (ids.length)
    await tx
      .insert(agendaItems)
      .values(
        ids.map((itemId, position) => ({ meetingId, itemId, position, timeBoxMinutes: boxes.get(itemId) ?? null })),
      );
  const gone = before.filter((id) => !ids.includes(id));
  if (gone.length)
    await tx
      .delete(consentAgendaItems)
      .where(and(eq(consentAgendaItems.meetingId, meetingId), inArray(consentAgendaItems.itemId, gone)));
  await logMeetingEvent(tx, actor.id, meeting, 'meeting.agenda_set', { before, after: ids });
  return ids;
}
