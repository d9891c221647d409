import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { isInTransaction } from '@/db/handle';
import { appendEvent } from '@/db/event-chain';
import { events, users } from '@/db/schema';
import { enqueueWebhookDeliveries } from './webhook-fanout.server';

export type Executor = Db;

export type EventInput = {
  actorId: number | null;
  type: string;
  subjectType:
    | 'item'
    | 'cycle'
    | 'theme'
    | 'user'
    | 'meeting'
    | 'change_request'
    | 'sso_connection'
    | 'department'
    | 'module'
    | 'invitation'
    | 'import'
    | 'api_token'
    | 'webhook'
    | 'demo'
    | 'cycle_map'
    | 'roadmap_link';
  subjectId: number;
  data: Record<string, unknown>;
};

/**
 * Appends one audit row, hash-chained to the one before (db/event-chain.ts), and returns its id;
 * then queues it for the webhooks subscribed to its public event, in the same transaction.
 * Call it inside the same transaction as the change it records.
 */
export async function logEvent(tx: Executor, e: EventInput): Promise<number> {
  if (!isInTransaction(tx)) return tx.transaction((inner) => logEvent(inner, e));
  const id = await appendEvent(tx, e);
  await enqueueWebhookDeliveries(tx, { id, actorId: e.actorId, type: e.type, subjectId: e.subjectId, data: e.data });
  return id;
}

/** Field-by-field before/after of the keys that changed. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/** The history of one subject, oldest first. Callers authorize the subject first. */
export async function listEventsForSubject(subjectType: EventInput['subjectType'], subjectId: number) {
  return db
    .select({ id: events.id, at: events.at, type: events.type, data: events.data, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId)))
    .orderBy(asc(events.id));
}
