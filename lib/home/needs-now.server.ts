import 'server-only';
import { and, asc, eq, inArray, isNull, like, or } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  changeRequests,
  comments,
  emergencySessions,
  items,
  meetingAttendees,
  meetings,
  notifications,
  prereadReads,
  prereads,
  sessionInvitees,
  sessionResponses,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { changePath } from '@/lib/changes/common.server';
import { deadlinePassed } from '@/lib/changes/rule';
import { evaluateSession } from '@/lib/changes/sessions.server';
import { prereadPath } from '@/lib/meetings/preread-mail.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * What needs the person now, for the home page: each thing they are waiting on, with a link to do
 * it. Every role gets the same list, filled with what applies to them: a live meeting to join, a
 * pre-read to read before its meeting, an emergency-session response due, a question to answer (as
 * the sponsor or SME it was sent to), and for a pm a change request whose rule is met and needs a
 * decision. Only the person's own things are read, so no further permission check is needed, except
 * the pm's list, which is for those who may decide.
 */

export type Need = {
  kind: 'live' | 'preread' | 'respond' | 'answer' | 'decide';
  key: string;
  text: string;
  href: string;
  /** When it is due (ISO), shown in the viewer's zone; null when it is simply now. */
  due: string | null;
};

async function liveMeetings(actor: ActingUser): Promise<Need[]> {
  const attending = db
    .select({ id: meetingAttendees.meetingId })
    .from(meetingAttendees)
    .where(eq(meetingAttendees.userId, actor.id));
  const rows = await db
    .select({ id: meetings.id, title: meetings.title })
    .from(meetings)
    .where(
      and(
        inArray(meetings.status, ['live', 'paused']),
        // A pm may run any meeting; everyone else joins the ones they attend or facilitate.
        can(actor, 'meeting.manage')
          ? undefined
          : or(eq(meetings.facilitatorId, actor.id), inArray(meetings.id, attending)),
      ),
    )
    .orderBy(asc(meetings.scheduledAt));
  return rows.map((m) => ({
    kind: 'live',
    key: `live-${m.id}`,
    text: `${m.title} is live: join the meeting`,
    href: `/meetings/${m.id}`,
    due: null,
  }));
}

async function unreadPrereads(actor: ActingUser): Promise<Need[]> {
  const rows = await db
    .select({
      meetingId: meetings.id,
      title: meetings.title,
      scheduledAt: meetings.scheduledAt,
      readAt: prereadReads.readAt,
    })
    .from(prereads)
    .innerJoin(meetings, eq(meetings.id, prereads.meetingId))
    .innerJoin(
      meetingAttendees,
      and(eq(meetingAttendees.meetingId, meetings.id), eq(meetingAttendees.userId, actor.id)),
    )
    .leftJoin(prereadReads, and(eq(prereadReads.prereadId, prereads.id), eq(prereadReads.userId, actor.id)))
    .where(eq(meetings.status, 'scheduled'))
    .orderBy(asc(meetings.scheduledAt));
  return rows
    .filter((r) => r.readAt === null)
    .map((r) => ({
      kind: 'preread',
      key: `preread-${r.meetingId}`,
      text: `Read the pre-read for ${r.title} before the meeting`,
      href: prereadPath(r.meetingId),
      due: r.scheduledAt,
    }));
}

async function responsesDue(actor: ActingUser, now: Date): Promise<Need[]> {
  const rows = await db
    .select({ session: emergencySessions, title: changeRequests.title, responded: sessionResponses.at })
    .from(sessionInvitees)
    .innerJoin(emergencySessions, eq(emergencySessions.id, sessionInvitees.sessionId))
    .innerJoin(changeRequests, eq(changeRequests.id, emergencySessions.changeRequestId))
    .leftJoin(
      sessionResponses,
      and(eq(sessionResponses.sessionId, emergencySessions.id), eq(sessionResponses.userId, actor.id)),
    )
    .where(
      and(
        eq(sessionInvitees.userId, actor.id),
        eq(emergencySessions.status, 'open'),
        eq(changeRequests.status, 'in_session'),
      ),
    );
  return rows
    .filter((r) => r.responded === null && !deadlinePassed(r.session, now))
    .map((r) => ({
      kind: 'respond',
      key: `respond-${r.session.changeRequestId}`,
      text: `Respond to the emergency session on "${r.title}"`,
      href: changePath(r.session.changeRequestId),
      due: r.session.deadline,
    }));
}

/** Open questions the person was asked to answer (the notification's task says so) and has not answered. */
async function questionsToAnswer(actor: ActingUser): Promise<Need[]> {
  const asked = await db
    .select({ task: notifications.task, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), like(notifications.task, 'question:%')));
  const links = new Map(asked.map((a) => [Number(a.task!.slice('question:'.length)), a.link]));
  const ids = [...links.keys()].filter((id) => Number.isInteger(id));
  if (ids.length === 0) return [];
  const open = await db
    .select({ id: comments.id, title: items.title })
    .from(comments)
    .innerJoin(items, eq(items.id, comments.itemId))
    .where(and(inArray(comments.id, ids), eq(comments.kind, 'question'), isNull(comments.resolvedAt)))
    .orderBy(asc(comments.id));
  const answered = new Set(
    (
      await db
        .select({ parentId: comments.parentId })
        .from(comments)
        .where(and(inArray(comments.parentId, ids), eq(comments.kind, 'answer'), eq(comments.authorId, actor.id)))
    ).map((r) => r.parentId),
  );
  return open
    .filter((q) => !answered.has(q.id))
    .map((q) => ({
      kind: 'answer',
      key: `answer-${q.id}`,
      text: `Answer a question on "${q.title}"`,
      href: links.get(q.id)!,
      due: null,
    }));
}

async function toDecide(actor: ActingUser): Promise<Need[]> {
  if (!can(actor, 'change.decide')) return [];
  const rows = await db
    .select({ session: emergencySessions, cr: changeRequests })
    .from(changeRequests)
    .innerJoin(emergencySessions, eq(emergencySessions.changeRequestId, changeRequests.id))
    .where(eq(changeRequests.status, 'in_session'))
    .orderBy(asc(changeRequests.id));
  const out: Need[] = [];
  for (const { session, cr } of rows) {
    if (!(await evaluateSession(db, cr, session)).met) continue;
    out.push({
      kind: 'decide',
      key: `decide-${cr.id}`,
      text: `The rule is met: approve or decline "${cr.title}"`,
      href: changePath(cr.id),
      due: null,
    });
  }
  return out;
}

export async function needsNow(actor: ActingUser, now = new Date()): Promise<Need[]> {
  return [
    ...(await liveMeetings(actor)),
    ...(await toDecide(actor)),
    ...(await responsesDue(actor, now)),
    ...(await unreadPrereads(actor)),
    ...(await questionsToAnswer(actor)),
  ];
}
