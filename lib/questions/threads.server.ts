import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { comments, departments, items, users, type Meeting } from '@/db/schema';

import type { Executor } from '@/lib/events/log.server';
import { canAnswerQuestion, canResolveQuestion, smeResolver } from './roles.server';
import type { ActingUser } from '@/lib/auth/acting-user';

export type ThreadAnswer = {
  id: number;
  authorName: string;
  authorDepartment: string;
  createdAt: string;
  body: string;
};
export type ThreadQuestion = ThreadAnswer & {
  resolved: boolean;
  resolvedAt: string | null;
  answers: ThreadAnswer[];
  /** For the viewer: may they answer (open question, and they answer for the item)? */
  canAnswer: boolean;
  canResolve: boolean;
};

/**
 * Every question asked on the meeting's pre-read about these items, oldest first, with its
 * answers and what the viewer may do with it. It does not check that the viewer may see the
 * meeting: the caller (openPreread) has done that. Four queries whatever the number of items.
 */
export async function listThreads(
  tx: Executor,
  meeting: Meeting,
  itemIds: number[],
  viewer: ActingUser,
): Promise<Record<number, ThreadQuestion[]>> {
  const out: Record<number, ThreadQuestion[]> = Object.fromEntries(itemIds.map((id) => [id, []]));
  if (itemIds.length === 0) return out;
  const rows = await tx
    .select({
      id: comments.id,
      itemId: comments.itemId,
      kind: comments.kind,
      parentId: comments.parentId,
      body: comments.body,
      createdAt: comments.createdAt,
      resolvedAt: comments.resolvedAt,
      authorName: users.name,
      authorDepartment: departments.name,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(comments.meetingId, meeting.id), inArray(comments.kind, ['question', 'answer'])))
    .orderBy(asc(comments.id));
  if (rows.length === 0) return out;

  const facts = new Map(
    (
      await tx
        .select({ id: items.id, sponsorId: items.sponsorId, sme: items.sme, smeUserId: items.smeUserId })
        .from(items)
        .where(inArray(items.id, itemIds))
    ).map((i) => [i.id, i]),
  );
  const resolveSme = await smeResolver(tx);
  const canResolve = canResolveQuestion(viewer, meeting);
  const byId = new Map<number, ThreadQuestion>();
  for (const r of rows) {
    const base = {
      id: r.id,
      authorName: r.authorName,
      authorDepartment: r.authorDepartment,
      createdAt: r.createdAt,
      body: r.body,
    };
    if (r.kind === 'question') {
      if (!(r.itemId in out)) continue;
      const item = facts.get(r.itemId);
      const open = r.resolvedAt === null;
      const question: ThreadQuestion = {
        ...base,
        resolved: !open,
        resolvedAt: r.resolvedAt,
        answers: [],
        canAnswer: open && item !== undefined && canAnswerQuestion(viewer, meeting, item, resolveSme),
        canResolve: open && canResolve,
      };
      byId.set(r.id, question);
      out[r.itemId].push(question);
    } else if (r.parentId !== null) {
      // Answers always come after their question (ids grow), so the parent is already known.
      byId.get(r.parentId)?.answers.push(base);
    }
  }
  return out;
}
