import 'server-only';
import { affectedRows } from '@/db/rows';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { transaction } from '@/db/client';
import { outcomePublications, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { notify, type Email } from '@/lib/notifications/notify.server';
import { parseOrThrow } from '@/lib/validation';
import { longText } from '@/lib/backlog/item-schema';
import { audienceText, outcomeAudience, type Audience, type DigestEntry } from './audience.server';
import { composeDigest, digestHeading, digestSummary, outcomePath } from './digest-mail.server';
import { buildOutcome, latestClosedMeeting } from './report.server';
import type { OutcomeReport } from './types';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * Publishing a cycle's outcome: pm/admin only, once per meeting. One transaction records the
 * publication (with the pm's note), logs `outcome.published` on the meeting and sends each person
 * concerned ONE digest of all their items (audience.server.ts decides who; digest-mail.server.ts
 * writes it). In-app it is one notification per person too, matching the e-mail: five
 * notifications for five items buried the one that mattered. A refusal writes nothing.
 */

export const NO_MEETING_ENDED = 'No meeting of this cycle has ended yet: there is no outcome to publish.';
export const ALREADY_PUBLISHED = 'This outcome is already published; everyone concerned has been told.';
export const NOTE_MAX = 2000;

export { outcomePath };

export const PublishSchema = z.object({ note: longText('Personal note', NOTE_MAX) });

type Prepared = { report: OutcomeReport; audience: Audience; publisher: string };

async function prepare(tx: Executor, actor: ActingUser, cycleId: number): Promise<Prepared> {
  if (!can(actor, 'meeting.manage'))
    throw new ForbiddenError('Only a product manager or an admin can publish the outcome.');
  const cycle = await loadCycle(tx, cycleId);
  const meeting = await latestClosedMeeting(tx, cycleId);
  if (!meeting) throw new ConflictError(NO_MEETING_ENDED);
  const report = await buildOutcome(tx, cycle, meeting, null);
  return { report, audience: await outcomeAudience(tx, report), publisher: actor.name };
}

/** Where a person's notification leads: a lone request of theirs to its page, anything else to the outcome. */
function linkFor(report: OutcomeReport, entries: DigestEntry[]): string {
  if (entries.length === 1 && entries[0].as === 'requestor') return `/requests/${entries[0].itemId}`;
  return outcomePath(report.cycle.id);
}

export type OutcomeAudienceSummary = { people: number; requestors: number; sponsors: number; text: string };

const summaryOf = (a: Audience): OutcomeAudienceSummary => ({
  people: a.recipients.size,
  requestors: a.requestors,
  sponsors: a.sponsors,
  text: audienceText(a),
});

/** How many people publishing would notify, for the confirmation; null when there is nothing to publish. */
export async function outcomeAudienceSummary(
  actor: ActingUser,
  cycleId: number,
): Promise<OutcomeAudienceSummary | null> {
  return transaction(async (tx) => {
    try {
      return summaryOf((await prepare(tx, actor, cycleId)).audience);
    } catch (error) {
      if (error instanceof ConflictError) return null;
      throw error;
    }
  });
}

export type MailPreview = { recipient: string; subject: string; text: string; html: string } | null;

/**
 * Exactly what one recipient would be sent with this note, without sending or writing anything:
 * the person with the most items, so the preview shows as much of the digest as possible.
 */
export async function previewOutcomeEmail(
  actor: ActingUser,
  cycleId: number,
  input: unknown,
): Promise<{ audience: OutcomeAudienceSummary; preview: MailPreview }> {
  const { note } = parseOrThrow(PublishSchema, input);
  return transaction(async (tx) => {
    const { report, audience, publisher } = await prepare(tx, actor, cycleId);
    const [sampleId, entries] = [...audience.recipients.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    if (sampleId === undefined) return { audience: summaryOf(audience), preview: null };
    const r = first(
      await tx
        .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
        .from(users)
        .where(eq(users.id, sampleId)),
    )!;
    const mail: Email = composeDigest({ report, entries: entries!, note, publisher }, r);
    return { audience: summaryOf(audience), preview: { recipient: r.name, ...mail } };
  });
}

/** Publishes the outcome of the cycle's latest ended meeting; returns how many items and people were told. */
export async function publishOutcome(
  actor: ActingUser,
  cycleId: number,
  input: unknown = {},
  now = new Date(),
): Promise<{ meetingId: number; items: number; people: number; requestors: number; sponsors: number }> {
  const { note } = parseOrThrow(PublishSchema, input);
  return transaction(async (tx) => {
    const { report, audience, publisher } = await prepare(tx, actor, cycleId);
    // The primary key on meeting_id makes this the once-only gate, even for two racing requests.
    const inserted = await tx
      .insert(outcomePublications)
      .values({ meetingId: report.meeting.id, publishedAt: now.toISOString(), publishedBy: actor.id, note })
      .onConflictDoNothing();
    if (affectedRows(inserted) === 0) throw new ConflictError(ALREADY_PUBLISHED);

    for (const [userId, entries] of audience.recipients) {
      const digest = { report, entries, note, publisher };
      await notify(tx, {
        userIds: [userId],
        kind: 'outcome.published',
        title: digestHeading(digest),
        body: digestSummary(entries),
        link: linkFor(report, entries),
        email: (r) => composeDigest(digest, r),
      });
    }
    const recipientIds = [...audience.recipients.keys()].sort((a, b) => a - b);
    await logEvent(tx, {
      actorId: actor.id,
      type: 'outcome.published',
      subjectType: 'meeting',
      subjectId: report.meeting.id,
      data: {
        cycleId,
        items: report.decisions.length,
        undecided: report.undecided.length,
        recipientIds,
        requestors: audience.requestors,
        sponsors: audience.sponsors,
        // The cut line as published: request pages name these "Accepted — below the cut line" from now on.
        belowCutItemIds: report.decisions.filter((d) => d.aboveCut === false).map((d) => d.itemId),
      },
    });
    return {
      meetingId: report.meeting.id,
      items: report.decisions.length,
      people: recipientIds.length,
      requestors: audience.requestors,
      sponsors: audience.sponsors,
    };
  });
}
