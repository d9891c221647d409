import 'server-only';
import { affectedRows } from '@/db/rows';
import { and, eq, inArray } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { items, outcomePublications, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { personWeeks } from '@/lib/meetings/format';
import { composeEmail } from '@/lib/notifications/email.server';
import { appUrl } from '@/lib/notifications/links.server';
import { notify } from '@/lib/notifications/notify.server';
import { buildOutcome, latestClosedMeeting } from './report.server';
import type { OutcomeDecision, OutcomeReport } from './types';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * Publishing a cycle's outcome: pm/admin only, once per meeting. One
 * transaction records the publication, logs `outcome.published` on the meeting and tells every
 * decided item's requestor and sponsor its fate (in-app, and by e-mail unless they turned this
 * kind off; `notify` skips deactivated people). A refusal writes nothing.
 */

export const NO_MEETING_ENDED = 'No meeting of this cycle has ended yet: there is no outcome to publish.';
export const ALREADY_PUBLISHED = 'This outcome is already published; everyone concerned has been told.';

export const outcomePath = (cycleId: number) => `/cycles/${cycleId}/outcome`;

/** The fate of one item in a sentence, as its requestor and sponsor read it. */
export function fateText(d: OutcomeDecision, report: Pick<OutcomeReport, 'ranking' | 'cycle'>): string {
  const capacity = personWeeks(report.cycle.capacityWeeks);
  switch (d.outcome) {
    case 'accepted':
      if (d.position === null) return 'Accepted.';
      return (
        `Accepted, ranked ${d.position} of ${report.ranking.items.length}: ` +
        (d.aboveCut
          ? `above the cut line, it fits the capacity of ${capacity}.`
          : `below the cut line, it does not fit the capacity of ${capacity} unless items above it drop out.`)
      );
    case 'rejected':
      return `Rejected. Reason: ${d.reason}`;
    case 'deferred':
      return `Deferred to a later cycle.${d.reason ? ` Reason: ${d.reason}` : ''}`;
  }
}

async function notifyFate(
  tx: Executor,
  report: OutcomeReport,
  d: OutcomeDecision,
  to: { userId: number; as: 'requestor' | 'sponsor' },
): Promise<void> {
  const verb = d.outcome === 'accepted' ? 'accepted' : d.outcome === 'rejected' ? 'rejected' : 'deferred';
  const heading =
    to.as === 'requestor' ? `Your request "${d.title}" was ${verb}` : `"${d.title}", which you sponsor, was ${verb}`;
  const fate = fateText(d, report);
  const page = outcomePath(report.cycle.id);
  // The requestor goes to their request (status and reason); a sponsor to the item on the outcome page.
  const link = to.as === 'requestor' ? `/requests/${d.itemId}` : `${page}#decision-${d.itemId}`;
  await notify(tx, {
    userIds: [to.userId],
    kind: 'outcome.published',
    title: heading,
    body: fate,
    link,
    email: () =>
      composeEmail({
        cycleName: report.cycle.name,
        heading,
        lines: [
          fate,
          `Decided in ${report.meeting.title}.`,
          `The whole outcome of ${report.cycle.name}: ${appUrl(page)}`,
        ],
        action: { label: to.as === 'requestor' ? 'Open your request' : 'Open the outcome', path: link },
      }),
  });
}

/** Publishes the outcome of the cycle's latest ended meeting; returns how many items and people were told. */
export async function publishOutcome(
  actor: ActingUser,
  cycleId: number,
  now = new Date(),
): Promise<{ meetingId: number; items: number; people: number }> {
  if (!can(actor, 'meeting.manage'))
    throw new ForbiddenError('Only a product manager or an admin can publish the outcome.');
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    const meeting = await latestClosedMeeting(tx, cycleId);
    if (!meeting) throw new ConflictError(NO_MEETING_ENDED);
    // The primary key on meeting_id makes this the once-only gate, even for two racing requests.
    const inserted = await tx
      .insert(outcomePublications)
      .values({ meetingId: meeting.id, publishedAt: now.toISOString(), publishedBy: actor.id })
      .onConflictDoNothing();
    if (affectedRows(inserted) === 0) throw new ConflictError(ALREADY_PUBLISHED);

    const report = await buildOutcome(tx, cycle, meeting, null);
    const ids = report.decisions.map((d) => d.itemId);
    const people = new Map(
      (ids.length === 0
        ? []
        : await tx
            .select({ id: items.id, requestorId: items.requestorId, sponsorId: items.sponsorId })
            .from(items)
            .where(inArray(items.id, ids))
      ).map((r) => [r.id, r]),
    );
    // Deactivated people are not told (notify skips them too); counting only the active ones keeps
    // the event and the pm's confirmation truthful.
    const candidates = [
      ...new Set(
        [...people.values()].flatMap((p) => (p.sponsorId === null ? [p.requestorId] : [p.requestorId, p.sponsorId])),
      ),
    ];
    const active = new Set(
      candidates.length === 0
        ? []
        : (
            await tx
              .select({ id: users.id })
              .from(users)
              .where(and(inArray(users.id, candidates), eq(users.active, true)))
          ).map((u) => u.id),
    );
    const told = new Set<number>();
    const tell = async (d: OutcomeDecision, userId: number, as: 'requestor' | 'sponsor') => {
      if (!active.has(userId)) return;
      await notifyFate(tx, report, d, { userId, as });
      told.add(userId);
    };
    for (const d of report.decisions) {
      const p = people.get(d.itemId);
      if (!p) continue;
      await tell(d, p.requestorId, 'requestor');
      // A requestor who also sponsors the item is told once, as its requestor.
      if (p.sponsorId !== null && p.sponsorId !== p.requestorId) await tell(d, p.sponsorId, 'sponsor');
    }
    await logEvent(tx, {
      actorId: actor.id,
      type: 'outcome.published',
      subjectType: 'meeting',
      subjectId: meeting.id,
      data: { cycleId, items: ids.length, recipientIds: [...told].sort((a, b) => a - b) },
    });
    return { meetingId: meeting.id, items: ids.length, people: told.size };
  });
}
