import 'server-only';
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { cycles, departments, items, users, type Item } from '@/db/schema';
import { assertCan, can, canWithdraw } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { listEventsForSubject, logEvent } from '@/lib/events/log.server';
import { parseOrThrow, requiredId, singleLine } from '@/lib/validation';
import { ItemFieldsSchema, longText, title } from '@/lib/backlog/item-schema';
import { checkReferences } from '@/lib/backlog/references.server';
import { applySmePerson } from '@/lib/backlog/sme.server';
import { getItemForViewer, loadItem, moduleIdsOf, patchItem, replaceModules } from '@/lib/backlog/items.server';
import { loadCycle } from '@/lib/backlog/list.server';
import { transitionError } from '@/lib/backlog/status-machine';
import type { ActingUser } from '@/lib/auth/acting-user';
import { itemAsSeen, visibleHistory, visibleStatuses } from '@/lib/backlog/visible-status.server';
import { belowCutAtPublish } from '@/lib/outcome/below-cut.server';
import { coRequestedItemIds, isCoPerson } from '@/lib/backlog/co-people.server';

export const RequestSchema = z.object({
  title,
  description: longText('Description', 10_000).refine((s) => s.length > 0, 'Describe what you need.'),
  businessBenefit: longText('Business benefit', 5_000),
  sponsorSuggestion: singleLine('Sponsor suggestion', 200).default(''),
  departmentId: requiredId('department'),
});

/** Anyone signed in may ask for work; the request waits in triage until a pm curates it. */
export async function createRequest(actor: ActingUser, input: unknown): Promise<Item> {
  assertCan(actor, 'request.create');
  const data = parseOrThrow(RequestSchema, input);
  return transaction(async (tx) => {
    const refErrors = await checkReferences(tx, null, { departmentId: data.departmentId });
    if (Object.keys(refErrors).length) throw new ValidationError(refErrors);
    const at = new Date().toISOString();
    const item = (
      await tx
        .insert(items)
        .values({ ...data, requestorId: actor.id, status: 'submitted', kind: 'feature', createdAt: at, updatedAt: at })
        .returning()
    )[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'request.submitted',
      subjectType: 'item',
      subjectId: item.id,
      data: { after: data },
    });
    return item;
  });
}

/**
 * The actor's own requests only: this query filters by requestor on purpose (and the items their
 * requests were merged into, which they co-request). Status, reason and the
 * deciding meeting are as the actor may see them (visibleStatuses); the outcome page is linked once
 * that meeting's outcome is published: before then a requestor may not open it.
 */
const mineOrCoRequested = (userId: number, coRequested: number[]) =>
  coRequested.length
    ? or(eq(items.requestorId, userId), inArray(items.id, coRequested))
    : eq(items.requestorId, userId);

export async function listMyRequests(actor: ActingUser) {
  const rows = await db
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      decisionReason: items.decisionReason,
      cycleId: items.cycleId,
      createdAt: items.createdAt,
      updatedAt: items.updatedAt,
      cycleName: cycles.name,
    })
    .from(items)
    .leftJoin(cycles, eq(cycles.id, items.cycleId))
    .where(mineOrCoRequested(actor.id, await coRequestedItemIds(actor.id)))
    .orderBy(desc(items.createdAt), desc(items.id));
  const views = await visibleStatuses(actor, rows);
  const belowCut = await belowCutAtPublish(views);
  return rows.map((r) => {
    const view = views.get(r.id)!;
    const d = view.decidedIn;
    return {
      ...r,
      status: view.status,
      belowCut: belowCut.has(r.id),
      decisionReason: view.decisionReason,
      decidedIn: d
        ? { meetingTitle: d.meetingTitle, outcomePath: d.published ? `/cycles/${d.cycleId}/outcome` : null }
        : null,
    };
  });
}

/** One request for its page: status, reason and history as the actor may see them (visible-status.server.ts). */
export async function getRequest(actor: ActingUser, itemId: number) {
  const { view, ...item } = await itemAsSeen(actor, await getItemForViewer(actor, itemId));
  const showHistory =
    item.requestorId === actor.id || can(actor, 'history.view') || (await isCoPerson(db, itemId, actor.id));
  const belowCut = (await belowCutAtPublish(new Map([[itemId, view]]))).has(itemId);
  return {
    item: { ...item, belowCut },
    history: showHistory ? visibleHistory(view, await listEventsForSubject('item', itemId)) : null,
  };
}

export async function withdrawRequest(actor: ActingUser, itemId: number): Promise<Item> {
  return transaction(async (tx) => {
    const before = await loadItem(tx, itemId);
    if (!canWithdraw(actor, before)) {
      if (before.requestorId !== actor.id && actor.role !== 'pm' && actor.role !== 'admin') throw new ForbiddenError();
      throw new ValidationError(
        { status: [transitionError(before.status, 'withdrawn') ?? 'This request can no longer be withdrawn.'] },
        'This request has been decided and can no longer be withdrawn.',
      );
    }
    return patchItem(tx, actor, before, { status: 'withdrawn' }, 'item.status_changed');
  });
}

/** New requests waiting for a pm: submitted, not yet in a cycle. */
export async function listTriage(actor: ActingUser) {
  assertCan(actor, 'request.triage');
  return db
    .select({
      id: items.id,
      title: items.title,
      createdAt: items.createdAt,
      requestorId: items.requestorId,
      requestorName: users.name,
      departmentId: items.departmentId,
      departmentName: departments.name,
      sponsorSuggestion: items.sponsorSuggestion,
      businessBenefit: items.businessBenefit,
    })
    .from(items)
    .innerJoin(users, eq(users.id, items.requestorId))
    .innerJoin(departments, eq(departments.id, items.departmentId))
    .where(and(eq(items.status, 'submitted'), isNull(items.cycleId)))
    .orderBy(asc(items.createdAt));
}

const TriageSchema = ItemFieldsSchema.extend({ cycleId: requiredId('cycle') });

/** The pm completes a request's fields and moves it into a cycle as a curated item. */
export async function triageRequest(actor: ActingUser, itemId: number, input: unknown, version: number): Promise<Item> {
  assertCan(actor, 'request.triage');
  const data = parseOrThrow(TriageSchema, input);
  return transaction(async (tx) => {
    const before = await loadItem(tx, itemId);
    if (before.version !== version) throw new ConflictError('Someone else changed this request; reload and try again.');
    // Only new requests are triaged; a decided item is never pulled back through here.
    if (before.status !== 'submitted' || before.cycleId !== null) {
      throw new ValidationError(
        { status: ['This request has already been triaged or withdrawn.'] },
        'This request has already been triaged or withdrawn.',
      );
    }
    await loadCycle(tx, data.cycleId);
    const refErrors = {
      ...(await checkReferences(tx, data.cycleId, data, {
        departmentId: before.departmentId,
        moduleIds: await moduleIdsOf(tx, itemId),
      })),
      ...(await applySmePerson(tx, data)),
    };
    if (Object.keys(refErrors).length) throw new ValidationError(refErrors);
    const { estimate, moduleIds, ...rest } = data;
    const after = await patchItem(tx, actor, before, { ...rest, ...estimate, status: 'curated' }, 'request.curated');
    // The patch above already moved the version: one triage is one step.
    await replaceModules(tx, actor, itemId, moduleIds, { bumpVersion: false });
    return after;
  });
}
