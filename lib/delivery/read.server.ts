import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { alias } from '@/db/alias';
import { db } from '@/db/client';
import { deliveryRecords, demoFeedback, demos, scheduleEntries, users } from '@/db/schema';
import { first } from '@/db/rows';
import { assertCan, can } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { getItemForViewer } from '@/lib/backlog/items.server';
import { visibleStatus } from '@/lib/backlog/visible-status.server';
import type { Executor } from '@/lib/events/log.server';
import { VERDICT_LABELS } from '@/lib/demos/schema';
import { requestorStage, stageSteps, type RequestorStage, type Step } from './stages';

export type DeliveryRecordView = {
  id: number;
  kind: 'milestone' | 'final';
  name: string;
  deliveredOn: string;
  releaseNotes: string;
  links: string[];
  recordedByName: string;
  undoneAt: string | null;
  undoneByName: string | null;
};

const undoer = alias(users, 'undoer');

/** An item's delivery records, oldest delivery first; undone ones included (the caller decides). */
export async function deliveryRecordsOf(tx: Executor, itemId: number): Promise<DeliveryRecordView[]> {
  const rows = await tx
    .select({
      id: deliveryRecords.id,
      kind: deliveryRecords.kind,
      name: deliveryRecords.name,
      deliveredOn: deliveryRecords.deliveredOn,
      releaseNotes: deliveryRecords.releaseNotes,
      links: deliveryRecords.links,
      recordedByName: users.name,
      undoneAt: deliveryRecords.undoneAt,
      undoneByName: undoer.name,
    })
    .from(deliveryRecords)
    .innerJoin(users, eq(users.id, deliveryRecords.recordedBy))
    .leftJoin(undoer, eq(undoer.id, deliveryRecords.undoneBy))
    .where(eq(deliveryRecords.itemId, itemId))
    .orderBy(asc(deliveryRecords.deliveredOn), asc(deliveryRecords.id));
  return rows;
}

/** What the item page shows and offers about delivery (backlog readers). */
export async function deliveryPanel(actor: ActingUser, itemId: number) {
  assertCan(actor, 'backlog.view');
  const item = await getItemForViewer(actor, itemId);
  const entry = first(
    await db
      .select({ kickoffOn: scheduleEntries.kickoffOn })
      .from(scheduleEntries)
      .where(eq(scheduleEntries.itemId, itemId)),
  );
  return {
    itemId: item.id,
    cycleId: item.cycleId,
    title: item.title,
    status: item.status,
    kickoffOn: entry?.kickoffOn ?? null,
    actualWeeks: item.actualWeeks,
    records: await deliveryRecordsOf(db, itemId),
    canRecord: can(actor, 'schedule.edit') && item.status === 'in_delivery',
    canUndo: can(actor, 'item.setStatus'),
  };
}
export type DeliveryPanel = Awaited<ReturnType<typeof deliveryPanel>>;

/**
 * How far a request has come, as its requestor may see it: the stepper and the deliveries that
 * stand. Nothing of delivery shows while the status is hidden (outcome or schedule not published).
 */
export async function requestProgress(
  actor: ActingUser,
  itemId: number,
): Promise<{ stage: RequestorStage | null; steps: Step[]; records: DeliveryRecordView[]; feedback: FeedbackView[] }> {
  const item = await getItemForViewer(actor, itemId);
  const view = await visibleStatus(actor, item);
  if (view.hidden === 'decision') return { stage: null, steps: stageSteps(null), records: [], feedback: [] };
  // With the schedule unpublished the requestor sees "accepted": decided, and nothing delivered yet.
  if (view.hidden === 'schedule') return { stage: 'decided', steps: stageSteps('decided'), records: [], feedback: [] };
  const standing = (await deliveryRecordsOf(db, itemId)).filter((r) => r.undoneAt === null);
  const feedback = await feedbackOf(itemId);
  const stage = requestorStage({
    status: view.status,
    milestones: standing.filter((r) => r.kind === 'milestone').length,
    feedback: feedback.length > 0,
  });
  // Records and feedback show once the item is on the schedule as the requestor sees it.
  const onItsWay = stage !== null && stage !== 'decided';
  return { stage, steps: stageSteps(stage), records: onItsWay ? standing : [], feedback: onItsWay ? feedback : [] };
}

export type FeedbackView = {
  id: number;
  verdict: string;
  comment: string;
  authorName: string;
  demoTitle: string;
  givenAt: string;
};

/** What the demos' attendees said of an item, newest first. */
async function feedbackOf(itemId: number): Promise<FeedbackView[]> {
  const rows = await db
    .select({
      id: demoFeedback.id,
      verdict: demoFeedback.verdict,
      comment: demoFeedback.comment,
      authorName: users.name,
      demoTitle: demos.title,
      givenAt: demoFeedback.createdAt,
    })
    .from(demoFeedback)
    .innerJoin(users, eq(users.id, demoFeedback.authorId))
    .innerJoin(demos, eq(demos.id, demoFeedback.demoId))
    .where(eq(demoFeedback.itemId, itemId))
    .orderBy(desc(demoFeedback.createdAt), desc(demoFeedback.id));
  return rows.map((r) => ({ ...r, verdict: VERDICT_LABELS[r.verdict] }));
}
