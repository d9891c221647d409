import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { events, type Item } from '@/db/schema';
import { assertCan, can } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { loadItem, patchItem } from '@/lib/backlog/items.server';
import { checkReferences } from '@/lib/backlog/references.server';
import { RequestSchema } from '@/lib/requests/requests.server';
import { parseOrThrow } from '@/lib/validation';
import { notifyDeclined, notifyInfoRequested } from './notify.server';

/**
 * Triage's answers to a new request besides moving it into a cycle: decline it with a reason (final:
 * a triage decline is not a meeting decision, so the requestor reads the reason at once), or send it
 * back with a question (needs information), which the requestor answers by editing and resubmitting.
 */

const REASON_MAX = 2_000;

const text = (label: string, required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(REASON_MAX, `${label} must be at most ${REASON_MAX.toLocaleString('en')} characters.`);

export const DeclineSchema = z.object({
  reason: text('The reason', 'Say why the request is declined: the requestor reads it.'),
  version: z.coerce.number({ error: 'This form is out of date.' }).int().positive(),
});

export const InfoRequestSchema = z.object({
  question: text('The question', 'Ask the requestor what you need to know.'),
  version: z.coerce.number({ error: 'This form is out of date.' }).int().positive(),
});

const stale = () => new ConflictError('Someone else changed this request; reload and try again.');

/** Only a new request waiting in triage (submitted, in no cycle) is declined or sent back here. */
async function loadUntriaged(tx: Executor, itemId: number, version: number): Promise<Item> {
  const item = await loadItem(tx, itemId);
  if (item.version !== version) throw stale();
  if (item.status !== 'submitted' || item.cycleId !== null) {
    const message = 'This request is no longer waiting for triage.';
    throw new ValidationError({ status: [message] }, message);
  }
  return item;
}

export async function declineRequest(actor: ActingUser, itemId: number, input: unknown): Promise<Item> {
  assertCan(actor, 'request.triage');
  const { reason, version } = parseOrThrow(DeclineSchema, input);
  return transaction(async (tx) => {
    const before = await loadUntriaged(tx, itemId, version);
    const after = await patchItem(
      tx,
      actor,
      before,
      { status: 'rejected', decisionReason: reason },
      'request.declined',
    );
    await notifyDeclined(tx, { actorId: actor.id, userIds: [before.requestorId], item: before, reason });
    return after;
  });
}

export async function askForInformation(actor: ActingUser, itemId: number, input: unknown): Promise<Item> {
  assertCan(actor, 'request.triage');
  const { question, version } = parseOrThrow(InfoRequestSchema, input);
  return transaction(async (tx) => {
    const before = await loadUntriaged(tx, itemId, version);
    const after = await patchItem(
      tx,
      actor,
      before,
      { status: 'needs_info', infoRequest: question },
      'request.info_requested',
    );
    await notifyInfoRequested(tx, { actorId: actor.id, userIds: [before.requestorId], item: before, question });
    return after;
  });
}

const ResubmitSchema = RequestSchema.extend({
  version: z.coerce.number({ error: 'This form is out of date.' }).int().positive(),
});

/** The requestor answers triage's question by editing the request; it goes back to triage as submitted. */
export async function resubmitRequest(actor: ActingUser, itemId: number, input: unknown): Promise<Item> {
  const { version, ...fields } = parseOrThrow(ResubmitSchema, input);
  return transaction(async (tx) => {
    const before = await loadItem(tx, itemId);
    if (before.requestorId !== actor.id && !can(actor, 'request.triage')) throw new ForbiddenError();
    if (before.version !== version) throw stale();
    if (before.status !== 'needs_info') {
      const message = 'This request is not waiting for more information.';
      throw new ValidationError({ status: [message] }, message);
    }
    const refErrors = await checkReferences(tx, null, { departmentId: fields.departmentId }, before);
    if (Object.keys(refErrors).length) throw new ValidationError(refErrors);
    return patchItem(tx, actor, before, { ...fields, status: 'submitted', infoRequest: null }, 'request.resubmitted');
  });
}

/** Which of these requests came back to triage after answering a question: triage marks them. */
export async function resubmittedIds(itemIds: number[]): Promise<Set<number>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: events.subjectId })
    .from(events)
    .where(
      and(eq(events.subjectType, 'item'), eq(events.type, 'request.resubmitted'), inArray(events.subjectId, itemIds)),
    );
  return new Set(rows.map((r) => r.id));
}
