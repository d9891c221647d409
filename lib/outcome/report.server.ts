import 'server-only';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { transaction } from '@/db/client';
import {
  agendaItems,
  decisions,
  meetingItemState,
  meetings,
  outcomePublications,
  users,
  type Cycle,
  type Meeting,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { loadCycle } from '@/lib/backlog/list.server';
import { ForbiddenError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { canSeeMeeting } from '@/lib/meetings/access.server';
import { settingsOf, votersOf, votesByItem } from '@/lib/live-meeting/core.server';
import { cutLineSummary } from '@/lib/outcome/text';
import { prioritisedRanking } from '@/lib/ranking/accepted.server';
import { nfrShareAboveCut } from '@/lib/capacity/nfr-share';
import { cutLine } from '@/lib/ranking/order';
import { tally } from '@/lib/live-meeting/tally';
import type { CycleOutcome, OutcomeCycle, OutcomeDecision, OutcomeReport, RankedOutcomeItem } from './types';
import type { ActingUser } from '@/lib/auth/acting-user';
import { attendanceOf, itemsInfo, peopleOf, themeOutcomes, undecidedItem } from './sections.server';
import { first } from '@/db/rows';

/**
 * The outcome of a cycle: what its latest ended regular meeting decided — the
 * prioritised list with the cut line, the key outcomes per theme, every decision with its reason,
 * notes and tally, and who attended — and whether it has been published.
 *
 * Who may read it (enforced here, for the page and the export alike):
 * - before it is published: whoever could follow the work that produced it — the backlog roles
 *   (`backlog.view`: admin, pm, leader, engineer) and the meeting's own people (`canSeeMeeting`:
 *   its attendees, whatever their role, and its facilitator). The tallies and notes are still a
 *   draft the pm may want to check before the company reads them.
 * - once published: every signed-in user. It is the company's published outcome, open to
 *   every role, and requestors are sent there to read their item's fate in context.
 * Anyone else gets `OutcomeNotPublishedError` (a 403 that says it is not published yet), also
 * when no meeting has ended: there is nothing published to read.
 *
 * The prioritised list is the cycle's accepted items as ranked now, with those that have gone on into
 * delivery (`prioritisedRanking`), so it
 * agrees with the live meeting's ranking board; ranking is only possible while a meeting is live,
 * so after the meeting ends it stays as the meeting left it.
 */

export const NOT_PUBLISHED =
  'The outcome of this cycle has not been published yet. You can read it here once a product manager publishes it.';

export class OutcomeNotPublishedError extends ForbiddenError {
  constructor() {
    super(NOT_PUBLISHED);
    this.name = 'OutcomeNotPublishedError';
  }
}

/** The cycle's latest ended regular meeting: its decisions are the cycle's outcome. */
export async function latestClosedMeeting(tx: Executor, cycleId: number): Promise<Meeting | undefined> {
  return first(
    await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.cycleId, cycleId), eq(meetings.kind, 'regular'), eq(meetings.status, 'closed')))
      .orderBy(desc(meetings.endedAt), desc(meetings.id))
      .limit(1),
  );
}

export async function publicationOf(tx: Executor, meetingId: number): Promise<{ at: string; by: string } | null> {
  const row = first(
    await tx
      .select({ at: outcomePublications.publishedAt, by: users.name })
      .from(outcomePublications)
      .innerJoin(users, eq(users.id, outcomePublications.publishedBy))
      .where(eq(outcomePublications.meetingId, meetingId)),
  );
  return row ?? null;
}

async function canReadUnpublished(tx: Executor, actor: ActingUser, meeting: Meeting | undefined): Promise<boolean> {
  return can(actor, 'backlog.view') || (meeting !== undefined && (await canSeeMeeting(tx, actor, meeting)));
}

/** The outcome page's content; see the rule above for who may read it. 404 for an unknown cycle. */
export async function cycleOutcome(actor: ActingUser, cycleId: number): Promise<CycleOutcome> {
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    const meeting = await latestClosedMeeting(tx, cycleId);
    const published = meeting ? await publicationOf(tx, meeting.id) : null;
    if (!published && !(await canReadUnpublished(tx, actor, meeting))) throw new OutcomeNotPublishedError();
    if (!meeting) {
      const pending =
        first(
          await tx
            .select({ id: meetings.id, title: meetings.title, status: meetings.status })
            .from(meetings)
            .where(and(eq(meetings.cycleId, cycleId), eq(meetings.kind, 'regular'), ne(meetings.status, 'closed')))
            .orderBy(asc(meetings.scheduledAt), asc(meetings.id))
            .limit(1),
        ) ?? null;
      return { state: 'none', cycle: cycleHead(cycle), canPublish: false, pending };
    }
    return {
      state: 'ready',
      ...(await buildOutcome(tx, cycle, meeting, published)),
      canPublish: can(actor, 'meeting.manage') && !published,
    };
  });
}

const cycleHead = (c: Cycle): OutcomeCycle => ({ id: c.id, name: c.name, capacityWeeks: c.capacityWeeks });

/** The whole report of one ended meeting. No permission check: callers authorize first. */
export async function buildOutcome(
  tx: Executor,
  cycle: Cycle,
  meeting: Meeting,
  published: OutcomeReport['published'],
): Promise<OutcomeReport> {
  const ranked = await prioritisedRanking(tx, cycle.id);
  const cut = cutLine(ranked, cycle.capacityWeeks);
  const rows = await tx
    .select({
      decision: decisions,
      decidedBy: users.name,
      notes: meetingItemState.notes,
    })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.decidedBy))
    .leftJoin(
      agendaItems,
      and(eq(agendaItems.meetingId, decisions.meetingId), eq(agendaItems.itemId, decisions.itemId)),
    )
    .leftJoin(
      meetingItemState,
      and(eq(meetingItemState.meetingId, decisions.meetingId), eq(meetingItemState.itemId, decisions.itemId)),
    )
    .where(eq(decisions.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position), asc(decisions.decidedAt), asc(decisions.id));
  const agenda = (
    await tx
      .select({ itemId: agendaItems.itemId })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agendaItems.position), asc(agendaItems.itemId))
  ).map((r) => r.itemId);

  const ids = [...new Set([...ranked.map((r) => r.id), ...agenda, ...rows.map((r) => r.decision.itemId)])];
  const info = await itemsInfo(tx, ids);

  const rankedItems = ranked.map((r, index): RankedOutcomeItem => ({
    itemId: r.id,
    position: index + 1,
    title: info.get(r.id)?.title ?? '',
    theme: info.get(r.id)?.theme ?? null,
    weeks: r.weeks,
    aboveCut: index < cut.fitCount,
  }));
  const byItem = new Map(rankedItems.map((r) => [r.itemId, r]));

  // The tally is recomputed from the votes: voting on an item closes when it is decided, so this
  // is the tally the facilitator saw when recording the decision.
  const voters = await votersOf(tx, meeting.id);
  const allVotes = await votesByItem(tx, meeting.id);
  const decided = rows.map(({ decision: d, decidedBy, notes }): OutcomeDecision => {
    const item = info.get(d.itemId);
    const place = d.outcome === 'accepted' ? byItem.get(d.itemId) : undefined;
    return {
      itemId: d.itemId,
      title: item?.title ?? '',
      theme: item?.theme ?? null,
      themeId: item?.themeId ?? null,
      ...peopleOf(item),
      weeks: item ? effectiveWeeks(item, cycle.sizeWeeks) : null,
      outcome: d.outcome,
      reason: d.reason,
      decisionNote: d.notes,
      notes: notes ?? '',
      suggested: d.suggested,
      tally: tally(allVotes.get(d.itemId) ?? [], { voters }),
      position: place?.position ?? null,
      aboveCut: place?.aboveCut ?? null,
      decidedBy,
      decidedAt: d.decidedAt,
    };
  });
  const decidedIds = new Set(decided.map((d) => d.itemId));

  const facilitator =
    first(await tx.select({ name: users.name }).from(users).where(eq(users.id, meeting.facilitatorId)))?.name ?? '';
  return {
    cycle: cycleHead(cycle),
    meeting: {
      id: meeting.id,
      title: meeting.title,
      scheduledAt: meeting.scheduledAt,
      facilitator,
      startedAt: meeting.startedAt,
      endedAt: meeting.endedAt,
      weighted: (await settingsOf(tx, meeting.id)).weighted,
    },
    ranking: { items: rankedItems, cut, summary: cutLineSummary(cut, cycle.capacityWeeks) },
    nfr: nfrShareAboveCut(
      ranked.map((r) => ({ kind: info.get(r.id)?.kind ?? 'feature', weeks: r.weeks })),
      cycle.capacityWeeks,
      cycle.nfrTargetPercent,
    ),
    themes: await themeOutcomes(tx, cycle.id, rankedItems, decided, (id) => info.get(id)?.themeId ?? null),
    decisions: decided,
    undecided: agenda.filter((id) => !decidedIds.has(id)).map((id) => undecidedItem(id, info.get(id), cycle.sizeWeeks)),
    attendance: await attendanceOf(tx, meeting.id, new Set([...allVotes.values()].flat().map((v) => v.userId))),
    published,
  };
}
