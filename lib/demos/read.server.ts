import 'server-only';
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { demoFeedback, demoInvitees, demoItems, demos, itemCoPeople, items, users } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan, can } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { assertCanSeeDemo, canRecord, isInvited, loadDemo } from './access.server';
import { eligibleItems } from './invitees.server';

/** A demo is past once it has ended. */
const endsAt = (d: { startsAt: string; durationMinutes: number }) =>
  Date.parse(d.startsAt) + d.durationMinutes * 60_000;

/**
 * A cycle's demos, upcoming first by date, then past ones newest first. Those who organise demos
 * see all; other backlog readers (leaders) see the ones they are invited to or present.
 */
export async function listDemos(actor: ActingUser, cycleId: number, now = new Date()) {
  assertCan(actor, 'backlog.view');
  const cycle = await loadCycle(db, cycleId);
  const all = can(actor, 'demo.manage');
  const mine = db.select({ id: demoInvitees.demoId }).from(demoInvitees).where(eq(demoInvitees.userId, actor.id));
  const rows = await db
    .select({
      id: demos.id,
      title: demos.title,
      startsAt: demos.startsAt,
      durationMinutes: demos.durationMinutes,
      cancelledAt: demos.cancelledAt,
      presenterName: users.name,
    })
    .from(demos)
    .innerJoin(users, eq(users.id, demos.presenterId))
    .where(
      and(eq(demos.cycleId, cycleId), all ? undefined : or(eq(demos.presenterId, actor.id), inArray(demos.id, mine))),
    )
    .orderBy(asc(demos.startsAt), asc(demos.id));
  const upcoming = rows.filter((d) => endsAt(d) > now.getTime());
  const past = rows.filter((d) => endsAt(d) <= now.getTime()).reverse();
  return { cycle: { id: cycle.id, name: cycle.name, status: cycle.status }, canManage: all, upcoming, past };
}

/** What the scheduling form offers: the items a demo may show, each with the people invited by default. */
export async function demoFormOptions(actor: ActingUser, cycleId: number) {
  assertCan(actor, 'demo.manage');
  const list = await eligibleItems(db, cycleId);
  const co = list.length
    ? await db
        .select({ itemId: itemCoPeople.itemId, userId: itemCoPeople.userId })
        .from(itemCoPeople)
        .where(
          inArray(
            itemCoPeople.itemId,
            list.map((i) => i.id),
          ),
        )
    : [];
  const people = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name), asc(users.id));
  const active = new Set(people.map((p) => p.id));
  return {
    items: list.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      people: [
        ...new Set([i.requestorId, i.sponsorId, ...co.filter((c) => c.itemId === i.id).map((c) => c.userId)]),
      ].filter((id): id is number => id !== null && active.has(id)),
    })),
    people,
  };
}

/**
 * One demo for its page. Organisers and the presenter see everyone's feedback; an invitee sees
 * their own, so nobody is swayed before saying what they think.
 */
export async function getDemo(actor: ActingUser, demoId: number, now = new Date()) {
  return transaction(async (tx) => {
    const demo = await loadDemo(tx, demoId);
    await assertCanSeeDemo(tx, actor, demo);
    const cycle = await loadCycle(tx, demo.cycleId);
    const presenter = (await tx.select({ name: users.name }).from(users).where(eq(users.id, demo.presenterId)))[0];
    const shownItems = await tx
      .select({
        itemId: demoItems.itemId,
        title: items.title,
        status: items.status,
        shownAt: demoItems.shownAt,
        stage: demoItems.stage,
        notes: demoItems.notes,
        links: demoItems.links,
      })
      .from(demoItems)
      .innerJoin(items, eq(items.id, demoItems.itemId))
      .where(eq(demoItems.demoId, demoId))
      .orderBy(asc(demoItems.position));
    const invitees = await tx
      .select({ id: users.id, name: users.name })
      .from(demoInvitees)
      .innerJoin(users, eq(users.id, demoInvitees.userId))
      .where(eq(demoInvitees.demoId, demoId))
      .orderBy(asc(users.name));
    const seesAll = can(actor, 'demo.manage') || demo.presenterId === actor.id;
    const feedback = await tx
      .select({
        id: demoFeedback.id,
        itemId: demoFeedback.itemId,
        authorId: demoFeedback.authorId,
        authorName: users.name,
        verdict: demoFeedback.verdict,
        comment: demoFeedback.comment,
        createdAt: demoFeedback.createdAt,
        requestItemId: demoFeedback.requestItemId,
      })
      .from(demoFeedback)
      .innerJoin(users, eq(users.id, demoFeedback.authorId))
      .where(and(eq(demoFeedback.demoId, demoId), seesAll ? undefined : eq(demoFeedback.authorId, actor.id)))
      .orderBy(desc(demoFeedback.createdAt), desc(demoFeedback.id));
    const open = !demo.cancelledAt && now.toISOString() <= demo.feedbackClosesAt;
    return {
      demo,
      cycle: { id: cycle.id, name: cycle.name },
      presenterName: presenter?.name ?? '',
      items: shownItems,
      invitees,
      feedback,
      feedbackOpen: open,
      can: {
        manage: can(actor, 'demo.manage') && !demo.cancelledAt,
        // Once it has started, a demo's time and list are history: only what was shown is recorded.
        change: can(actor, 'demo.manage') && !demo.cancelledAt && Date.parse(demo.startsAt) > now.getTime(),
        // …after which only its feedback window can still be moved.
        reopenFeedback: can(actor, 'demo.manage') && !demo.cancelledAt && Date.parse(demo.startsAt) <= now.getTime(),
        record: canRecord(actor, demo) && !demo.cancelledAt,
        giveFeedback: open && (can(actor, 'request.triage') || (await isInvited(tx, demoId, actor.id))),
        turnIntoRequest: can(actor, 'request.triage'),
      },
      actorId: actor.id,
    };
  });
}
export type DemoView = Awaited<ReturnType<typeof getDemo>>;
