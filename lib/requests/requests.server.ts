import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { cycles, decisions, departments, items, meetings, outcomePublications, users, type Item } from '@/db/schema';
import { assertCan, canWithdraw } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { parseOrThrow, requiredId } from '@/lib/validation';
import { ItemFieldsSchema, longText, title } from '@/lib/backlog/item-schema';
import { checkReferences } from '@/lib/backlog/references.server';
import { loadItem, patchItem, replaceModules } from '@/lib/backlog/items.server';
import { loadCycle } from '@/lib/backlog/list.server';
import { transitionError } from '@/lib/backlog/status-machine';
import type { ActingUser } from '@/lib/auth/acting-user';

export const RequestSchema = z.object({
  title,
  description: longText('Description', 10_000).refine((s) => s.length > 0, 'Describe what you need.'),
  businessBenefit: longText('Business benefit', 5_000),
  sponsorSuggestion: longText('Sponsor suggestion', 200),
  departmentId: requiredId('department'),
});

/** Anyone signed in may ask for work; the request waits in triage until a pm curates it. */
export function createRequest(actor: ActingUser, input: unknown): Item {
  assertCan(actor, 'request.create');
  const data = parseOrThrow(RequestSchema, input);
  return transaction((tx) => {
    const refErrors = checkReferences(tx, null, { departmentId: data.departmentId });
    if (Object.keys(refErrors).length) throw new ValidationError(refErrors);
    const at = new Date().toISOString();
    const item = tx
      .insert(items)
      .values({ ...data, requestorId: actor.id, status: 'submitted', kind: 'feature', createdAt: at, updatedAt: at })
      .returning()
      .get();
    logEvent(tx, {
      actorId: actor.id,
      type: 'request.submitted',
      subjectType: 'item',
      subjectId: item.id,
      data: { after: data },
    });
    return item;
  });
}

/** The actor's own requests only: this query filters by requestor on purpose. */
export function listMyRequests(actor: ActingUser) {
  const rows = db
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      decisionReason: items.decisionReason,
      createdAt: items.createdAt,
      updatedAt: items.updatedAt,
      cycleName: cycles.name,
    })
    .from(items)
    .leftJoin(cycles, eq(cycles.id, items.cycleId))
    .where(eq(items.requestorId, actor.id))
    .orderBy(desc(items.createdAt), desc(items.id))
    .all();
  const decided = decidingMeetings(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, decidedIn: decided.get(r.id) ?? null }));
}

/**
 * The meeting that decided each item (its latest decision), and the cycle's outcome page once that
 * meeting's outcome is published: before then a requestor may not open it (lib/outcome/report.server.ts).
 */
function decidingMeetings(itemIds: number[]): Map<number, { meetingTitle: string; outcomePath: string | null }> {
  if (itemIds.length === 0) return new Map();
  const rows = db
    .select({
      itemId: decisions.itemId,
      meetingTitle: meetings.title,
      cycleId: meetings.cycleId,
      publishedAt: outcomePublications.publishedAt,
    })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(outcomePublications, eq(outcomePublications.meetingId, decisions.meetingId))
    .where(inArray(decisions.itemId, itemIds))
    .orderBy(asc(decisions.decidedAt), asc(decisions.id))
    .all();
  // Oldest first, so a later decision on the same item replaces an earlier one.
  return new Map(
    rows.map((r) => [
      r.itemId,
      { meetingTitle: r.meetingTitle, outcomePath: r.publishedAt ? `/cycles/${r.cycleId}/outcome` : null },
    ]),
  );
}

export function withdrawRequest(actor: ActingUser, itemId: number): Item {
  return transaction((tx) => {
    const before = loadItem(tx, itemId);
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
export function listTriage(actor: ActingUser) {
  assertCan(actor, 'request.triage');
  return db
    .select({
      id: items.id,
      title: items.title,
      createdAt: items.createdAt,
      requestorName: users.name,
      departmentName: departments.name,
      sponsorSuggestion: items.sponsorSuggestion,
      businessBenefit: items.businessBenefit,
    })
    .from(items)
    .innerJoin(users, eq(users.id, items.requestorId))
    .innerJoin(departments, eq(departments.id, items.departmentId))
    .where(and(eq(items.status, 'submitted'), isNull(items.cycleId)))
    .orderBy(asc(items.createdAt))
    .all();
}

const TriageSchema = ItemFieldsSchema.extend({ cycleId: requiredId('cycle') });

/** The pm completes a request's fields and moves it into a cycle as a curated item. */
export function triageRequest(actor: ActingUser, itemId: number, input: unknown, version: number): Item {
  assertCan(actor, 'request.triage');
  const data = parseOrThrow(TriageSchema, input);
  return transaction((tx) => {
    const before = loadItem(tx, itemId);
    if (before.version !== version) throw new ConflictError('Someone else changed this request; reload and try again.');
    // Only new requests are triaged; a decided item is never pulled back through here.
    if (before.status !== 'submitted' || before.cycleId !== null) {
      throw new ValidationError(
        { status: ['This request has already been triaged or withdrawn.'] },
        'This request has already been triaged or withdrawn.',
      );
    }
    loadCycle(tx, data.cycleId);
    const refErrors = checkReferences(tx, data.cycleId, data);
    if (Object.keys(refErrors).length) throw new ValidationError(refErrors);
    const { estimate, moduleIds, ...rest } = data;
    const after = patchItem(tx, actor, before, { ...rest, ...estimate, status: 'curated' }, 'request.curated');
    // The patch above already moved the version: one triage is one step.
    replaceModules(tx, actor, itemId, moduleIds, { bumpVersion: false });
    return after;
  });
}
