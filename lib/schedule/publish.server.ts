import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { items, meetingAttendees, meetings, schedulePublications, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { composeEmail } from '@/lib/notifications/email.server';
import { coPeopleOf } from '@/lib/backlog/co-people.server';
import { notify } from '@/lib/notifications/notify.server';
import { lastPublication, lastSnapshot, schedulePath } from './access.server';
import { formatDay } from './dates';
import { periodsOf } from './periods.server';
import { periodNames, scheduleItems } from './schedule.server';
import { changesSince, placeText, snapshotOf } from './snapshot';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * Publishing a cycle's delivery schedule (pm, admin). One transaction records what the schedule
 * shows (the next publication is compared with it), logs `schedule.published` on the cycle and
 * tells, once each, the requestors and sponsors of the scheduled items (and of items taken off
 * since the last publication) and the attendees and facilitators of the cycle's regular meetings
 * what changed, in-app and by e-mail. The publisher is not told about their own publication;
 * deactivated people are skipped. A refusal writes nothing.
 */

export const NOTHING_SCHEDULED = 'Nothing is scheduled yet: give at least one item a period before publishing.';
export const nothingChanged = (at: string) =>
  `Nothing has changed since the last publication on ${formatDay(at.slice(0, 10))}: there is nothing new to announce.`;

const IN_APP_LINES = 10;
const EMAIL_LINES = 50;

function capped(lines: string[], max: number, what = 'change'): string[] {
  if (lines.length <= max) return lines;
  const more = lines.length - max;
  return [...lines.slice(0, max), `…and ${more} more ${what}${more === 1 ? '' : 's'} on the schedule page.`];
}

/** The attendees and facilitators of the cycle's regular meetings. */
async function meetingPeople(tx: Executor, cycleId: number): Promise<number[]> {
  const regular = and(eq(meetings.cycleId, cycleId), eq(meetings.kind, 'regular'));
  const attendees = await tx
    .select({ id: meetingAttendees.userId })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(regular);
  const facilitators = await tx.select({ id: meetings.facilitatorId }).from(meetings).where(regular);
  return [...attendees, ...facilitators].map((r) => r.id);
}

export async function publishSchedule(
  actor: ActingUser,
  cycleId: number,
  now = new Date(),
): Promise<{ publicationId: number; summary: string[]; people: number }> {
  if (!can(actor, 'schedule.publish'))
    throw new ForbiddenError('Only a product manager or an admin can publish the schedule.');
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    const list = await scheduleItems(cycle);
    const snapshot = snapshotOf(list, periodNames(await periodsOf(tx, cycleId)));
    const last = await lastPublication(tx, cycleId);
    const previous = await lastSnapshot(tx, last?.id);
    const summary = changesSince(previous, snapshot);
    if (summary.length === 0) throw new ConflictError(last ? nothingChanged(last.at) : NOTHING_SCHEDULED);
    const publicationId = (
      await tx
        .insert(schedulePublications)
        .values({
          cycleId,
          publishedAt: now.toISOString(),
          publishedBy: actor.id,
          snapshot,
          summary,
        })
        .returning({ id: schedulePublications.id })
    )[0].id;

    // Each person's own items (requested or sponsored), to open their e-mail with.
    const scheduled = new Map(snapshot.map((s) => [s.itemId, s]));
    const theirs = new Map<number, string[]>();
    const stakeholders: number[] = [];
    // Co-requestors and co-sponsors (from merged duplicates) are told as the requestor and sponsor are.
    const co = await coPeopleOf(
      tx,
      list.map((i) => i.id),
    );
    for (const item of list) {
      const shown = scheduled.get(item.id);
      if (!shown) continue;
      const coIds = co.filter((c) => c.itemId === item.id).map((c) => c.userId);
      for (const id of new Set([item.requestorId, item.sponsorId, ...coIds])) {
        if (id === null) continue;
        stakeholders.push(id);
        const own = theirs.get(id) ?? [];
        own.push(`“${item.title}”: ${placeText(shown)}`);
        theirs.set(id, own);
      }
    }
    const removed = (previous ?? []).map((s) => s.itemId).filter((id) => !scheduled.has(id));
    if (removed.length) {
      for (const r of await tx
        .select({ requestorId: items.requestorId, sponsorId: items.sponsorId })
        .from(items)
        .where(inArray(items.id, removed))) {
        stakeholders.push(r.requestorId, ...(r.sponsorId === null ? [] : [r.sponsorId]));
      }
    }
    const candidates = [...new Set([...stakeholders, ...(await meetingPeople(tx, cycleId))])].filter(
      (id) => id !== actor.id,
    );
    const recipients =
      candidates.length === 0
        ? []
        : (
            await tx
              .select({ id: users.id })
              .from(users)
              .where(and(inArray(users.id, candidates), eq(users.active, true)))
          )
            .map((u) => u.id)
            .sort((a, b) => a - b);

    const path = schedulePath(cycleId);
    const heading = last
      ? `The ${cycle.name} delivery schedule changed`
      : `The ${cycle.name} delivery schedule is published`;
    await notify(tx, {
      userIds: recipients,
      kind: 'schedule.published',
      title: heading,
      body: capped(summary, IN_APP_LINES).join('\n'),
      link: path,
      email: (r) => {
        const own = theirs.get(r.id) ?? [];
        return composeEmail({
          cycleName: cycle.name,
          heading,
          lines: [
            ...(own.length ? ['Your items:', ...capped(own, EMAIL_LINES, 'item')] : []),
            last ? 'What changed since the last publication:' : 'What is published:',
            ...capped(summary, EMAIL_LINES),
          ],
          action: { label: 'Open the schedule', path },
        });
      },
    });
    await logEvent(tx, {
      actorId: actor.id,
      type: 'schedule.published',
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { publicationId, items: snapshot.length, summary, recipientIds: recipients },
    });
    return { publicationId, summary, people: recipients.length };
  });
}
