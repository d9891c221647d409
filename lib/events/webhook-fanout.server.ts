import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  agendaItems,
  changeRequests,
  cycles,
  items,
  meetings,
  themes,
  users,
  webhookDeliveries,
  webhooks,
} from '@/db/schema';
import { first } from '@/db/rows';
import { appUrl } from '@/lib/app-url.server';
import { publicEventsFor, statusChangeOf, type PublicEvent } from './public-events';
import { webhookBody, type ItemInfo, type Named, type PublicData } from './webhook-payload';

export type LoggedEvent = {
  id: number;
  actorId: number | null;
  type: string;
  subjectId: number;
  data: Record<string, unknown>;
};

/**
 * The webhooks' outbox is filled here, inside the transaction that logs the event: a rolled-back
 * change enqueues nothing, and a committed one is never lost. Most events stand for no public
 * event and cost nothing; the others cost one query of the (small) webhooks table when nobody
 * subscribes. A query rather than a per-process cache, because on PostgreSQL several processes
 * share the work and a cache in one would not hear of a webhook added through another.
 * Returns how many deliveries were queued.
 */
export async function enqueueWebhookDeliveries(tx: Db, event: LoggedEvent): Promise<number> {
  const candidates = publicEventsFor(event.type, event.data);
  if (candidates.length === 0) return 0;
  const hooks = await tx
    .select({ id: webhooks.id, format: webhooks.format, eventTypes: webhooks.eventTypes })
    .from(webhooks)
    .where(eq(webhooks.active, true));
  if (hooks.length === 0) return 0;
  let options = candidates;
  if (event.type === 'item.status_changed' && options[0] === 'item.decided' && (await inLiveMeeting(tx, event)))
    options = options.slice(1); // the live.decision_recorded that follows announces the decision
  const data = new Map<PublicEvent, PublicData>();
  const createdAt = new Date().toISOString();
  let queued = 0;
  for (const hook of hooks) {
    const type = options.find((c) => hook.eventTypes.includes(c));
    if (!type) continue;
    if (!data.has(type)) data.set(type, await publicData(tx, type, event));
    const payload = { id: randomUUID(), type, createdAt, data: data.get(type)! };
    await tx.insert(webhookDeliveries).values({
      webhookId: hook.id,
      eventId: event.id,
      eventType: type,
      payload: webhookBody(hook.format, payload),
      nextAttemptAt: Date.now(),
      createdAt: Date.now(),
    });
    queued++;
  }
  return queued;
}

async function inLiveMeeting(tx: Db, event: LoggedEvent): Promise<boolean> {
  const row = first(
    await tx
      .select({ id: meetings.id })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(agendaItems.itemId, event.subjectId), eq(meetings.status, 'live')))
      .limit(1),
  );
  return row !== undefined;
}

async function named(tx: Db, table: typeof cycles | typeof themes, id: unknown): Promise<Named | null> {
  if (typeof id !== 'number') return null;
  return first(await tx.select({ id: table.id, name: table.name }).from(table).where(eq(table.id, id))) ?? null;
}

async function itemInfo(tx: Db, id: number): Promise<ItemInfo> {
  const row = first(
    await tx
      .select({
        id: items.id,
        title: items.title,
        status: items.status,
        cycleId: items.cycleId,
        themeId: items.themeId,
      })
      .from(items)
      .where(eq(items.id, id)),
  );
  if (!row) return { id, title: '', status: '', url: appUrl(`/items/${id}`), cycle: null, theme: null };
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    url: appUrl(`/items/${row.id}`),
    cycle: await named(tx, cycles, row.cycleId),
    theme: await named(tx, themes, row.themeId),
  };
}

/** What the receiver is told, names read in the same transaction, so they are as of the event. */
async function publicData(tx: Db, type: PublicEvent, e: LoggedEvent): Promise<PublicData> {
  const actor =
    e.actorId === null
      ? null
      : (first(await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, e.actorId))) ?? null);
  const d = e.data;
  switch (type) {
    case 'item.created':
    case 'request.submitted':
      return { actor, item: await itemInfo(tx, e.subjectId) };
    case 'item.status_changed': {
      const change = statusChangeOf(d);
      return { actor, item: await itemInfo(tx, e.subjectId), from: String(change?.from), to: String(change?.to) };
    }
    case 'item.decided': {
      if (e.type === 'live.decision_recorded') {
        const meeting = first(
          await tx.select({ id: meetings.id, name: meetings.title }).from(meetings).where(eq(meetings.id, e.subjectId)),
        );
        const item = await itemInfo(tx, Number(d.itemId));
        const reason = typeof d.reason === 'string' && d.reason !== '' ? d.reason : null;
        return { actor, item, decision: String(d.outcome), reason, meeting: meeting ?? null };
      }
      const item = await itemInfo(tx, e.subjectId);
      const reason = first(
        await tx.select({ reason: items.decisionReason }).from(items).where(eq(items.id, e.subjectId)),
      )?.reason;
      return { actor, item, decision: String(statusChangeOf(d)?.to), reason: reason ?? null, meeting: null };
    }
    case 'outcome.published': {
      const meeting = first(
        await tx.select({ id: meetings.id, name: meetings.title }).from(meetings).where(eq(meetings.id, e.subjectId)),
      );
      const cycle = await named(tx, cycles, d.cycleId);
      const url = cycle ? appUrl(`/cycles/${cycle.id}/outcome`) : undefined;
      return { actor, meeting: meeting ?? null, cycle, items: Number(d.items ?? 0), url };
    }
    case 'schedule.published':
      return {
        actor,
        cycle: await named(tx, cycles, e.subjectId),
        items: Number(d.items ?? 0),
        url: appUrl(`/cycles/${e.subjectId}/schedule`),
      };
    case 'change_request.decided': {
      const cr = first(
        await tx
          .select({ id: changeRequests.id, title: changeRequests.title, cycleId: changeRequests.cycleId })
          .from(changeRequests)
          .where(eq(changeRequests.id, e.subjectId)),
      );
      const decision = e.type === 'cr.approved' ? 'approved' : 'declined';
      const note = decision === 'approved' ? d.justification : d.reason;
      return {
        actor,
        cycle: await named(tx, cycles, cr?.cycleId),
        changeRequest: {
          id: e.subjectId,
          title: cr?.title ?? '',
          decision,
          url: appUrl(`/changes/${e.subjectId}`),
        },
        reason: typeof note === 'string' && note !== '' ? note : null,
      };
    }
    case 'cycle.created':
      return { actor, cycle: await named(tx, cycles, e.subjectId), url: appUrl(`/cycles/${e.subjectId}`) };
    case 'ping':
      return { actor, message: 'A test event from Quorum: this webhook works.' };
  }
}
