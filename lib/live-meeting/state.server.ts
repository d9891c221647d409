import 'server-only';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { transaction } from '@/db/client';
import {
  agendaItems,
  cycles,
  decisions,
  departments,
  events,
  items,
  meetingAttendees,
  meetingItemState,
  themes,
  users,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Executor } from '@/lib/events/log.server';
import { attendeeRole } from '@/lib/meetings/access.server';
import { isFacilitator, getLiveMeeting, prereadSent, settingsOf, votersOf, votesByItem } from './core.server';
import { acceptedRanking } from '@/lib/ranking/accepted.server';
import { cutLine } from '@/lib/ranking/order';
import { suggestedDecision, tally } from './tally';
import { startWarnings } from './warnings';
import { rankingsStateOf } from './rankings-state.server';
import { livePreparation } from './preparation.server';
import { roomOf } from './room.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

export type { HiddenVoter, ItemTally, LiveAttendee, LiveItem, LiveState, RankedItem, VisibleVote } from './state-types';
import type { LiveAttendee, LiveItem, LiveState } from './state-types';

async function rankingOf(tx: Executor, cycleId: number): Promise<LiveState['ranking']> {
  const ranked = await acceptedRanking(tx, cycleId);
  const cycle = first(
    await tx
      .select({ capacityWeeks: cycles.capacityWeeks, nfrTargetPercent: cycles.nfrTargetPercent })
      .from(cycles)
      .where(eq(cycles.id, cycleId)),
  );
  const capacityWeeks = cycle?.capacityWeeks ?? 0;
  const ids = ranked.map((r) => r.id);
  const names = new Map(
    ids.length === 0
      ? []
      : (
          await tx
            .select({ id: items.id, title: items.title, theme: themes.name, kind: items.kind })
            .from(items)
            .leftJoin(themes, eq(themes.id, items.themeId))
            .where(inArray(items.id, ids))
        ).map((r) => [r.id, r]),
  );
  return {
    capacityWeeks,
    items: ranked.map((r) => ({
      id: r.id,
      title: names.get(r.id)?.title ?? '',
      theme: names.get(r.id)?.theme ?? '',
      weeks: r.weeks,
      version: r.version,
      kind: names.get(r.id)?.kind ?? 'feature',
    })),
    cut: cutLine(ranked, capacityWeeks),
    nfrTargetPercent: cycle?.nfrTargetPercent ?? null,
  };
}

async function attendeesOf(tx: Executor, meetingId: number): Promise<LiveAttendee[]> {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      departmentId: departments.id,
      departmentName: departments.name,
      role: meetingAttendees.role,
    })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(departments.name), asc(users.name));
}

async function lastEventOf(tx: Executor, meetingId: number): Promise<number> {
  return (
    first(
      await tx
        .select({ id: max(events.id) })
        .from(events)
        .where(and(eq(events.subjectType, 'meeting'), eq(events.subjectId, meetingId))),
    )?.id ?? 0
  );
}

/** The whole current state, for the page, a reload or a reconnect. Votes are projected per the meeting's visibility. */
export async function liveState(viewer: ActingUser, meetingId: number): Promise<LiveState> {
  return transaction(async (tx) => {
    const meeting = await getLiveMeeting(tx, viewer, meetingId);
    const settings = await settingsOf(tx, meetingId);
    const rows = await tx
      .select({
        itemId: agendaItems.itemId,
        position: agendaItems.position,
        title: items.title,
        status: items.status,
        rank: items.rank,
        version: items.version,
      })
      .from(agendaItems)
      .innerJoin(items, eq(items.id, agendaItems.itemId))
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position), asc(agendaItems.itemId));
    const voters = await votersOf(tx, meetingId);
    const states = new Map(
      (await tx.select().from(meetingItemState).where(eq(meetingItemState.meetingId, meetingId))).map((s) => [
        s.itemId,
        s,
      ]),
    );
    const decided = new Map(
      (await tx.select().from(decisions).where(eq(decisions.meetingId, meetingId))).map((d) => [d.itemId, d]),
    );
    const allVotes = await votesByItem(tx, meetingId);
    const agenda = rows.map((row): LiveItem => {
      const state = states.get(row.itemId);
      const revealed = state?.revealed ?? false;
      const itemVotes = allVotes.get(row.itemId) ?? [];
      const mine = itemVotes.find((v) => v.userId === viewer.id);
      const t = tally(itemVotes, { voters });
      const d = decided.get(row.itemId);
      return {
        ...row,
        votingClosed: state?.votingClosed ?? false,
        revealed,
        notes: state?.notes ?? '',
        decision: d
          ? {
              outcome: d.outcome,
              reason: d.reason,
              notes: d.notes,
              suggested: d.suggested,
              decidedBy: d.decidedBy,
              decidedAt: d.decidedAt,
            }
          : null,
        tally:
          settings.votesVisibility === 'hidden' && !revealed
            ? {
                hidden: true,
                voted: t.turnout.voted,
                eligible: t.turnout.eligible,
                voters: itemVotes.map((v) => ({ userId: v.userId, name: v.name })),
              }
            : {
                hidden: false,
                tally: t,
                suggested: suggestedDecision(t, settings.weighted ? 'weighted' : 'plain'),
                votes: itemVotes.map((v) => ({
                  userId: v.userId,
                  name: v.name,
                  departmentName: v.departmentName,
                  choice: v.choice,
                  comment: v.comment,
                })),
              },
        myVote: mine ? { choice: mine.choice, comment: mine.comment } : null,
      };
    });
    const facilitatorName =
      first(await tx.select({ name: users.name }).from(users).where(eq(users.id, meeting.facilitatorId)))?.name ?? '';
    const facilitates = isFacilitator(viewer, meeting);
    const canManage = can(viewer, 'meeting.manage');
    const role = await attendeeRole(tx, meetingId, viewer.id);
    const ranking = await rankingOf(tx, meeting.cycleId);
    return {
      lastEventId: await lastEventOf(tx, meetingId),
      meeting: {
        facilitatorName,
        id: meeting.id,
        cycleId: meeting.cycleId,
        title: meeting.title,
        status: meeting.status,
        scheduledAt: meeting.scheduledAt,
        currentItemId: meeting.currentItemId,
        facilitatorId: meeting.facilitatorId,
        startedAt: meeting.startedAt,
        endedAt: meeting.endedAt,
        version: meeting.version,
      },
      startWarnings: startWarnings({
        prereadSent: await prereadSent(tx, meetingId),
        scheduledAt: meeting.scheduledAt,
        startedAt: meeting.startedAt,
        now: new Date(),
      }),
      settings,
      viewer: {
        id: viewer.id,
        isFacilitator: facilitates,
        role,
        canManage,
        canRank: facilitates || canManage,
      },
      attendees: await attendeesOf(tx, meetingId),
      agenda,
      ranking,
      rankings: await rankingsStateOf(tx, viewer, meeting, {
        role,
        voterCount: voters.length,
        rankingIds: ranking.items.map((i) => i.id),
      }),
      preparation: await livePreparation(tx, viewer, meeting),
      room: await roomOf(tx, meeting),
    };
  });
}
