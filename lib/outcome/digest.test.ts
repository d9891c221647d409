import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { cycles, decisions, items, notifications, outbox, undecidedItems } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { meetingRowCounts } from '@/lib/meetings/test-helpers';
import { getRequest, listMyRequests } from '@/lib/requests/requests.server';
import { db } from '@/lib/testing/db';
import { previewOutcomeEmail, publishOutcome, outcomeAudienceSummary } from './publish.server';
import { endedMeeting } from './test-meeting';

/**
 * The meeting of test-meeting.ts with a fifth item never reached: rosa asked for a (accepted, below
 * the cut line, no reason), b (accepted above it, with a reason) and e (kept for a follow-up when the meeting ended).
 */
async function scene(opts: { followUp?: boolean } = {}) {
  const s = await endedMeeting({ undecided: true });
  const e = s.items[4];
  await db.update(items).set({ requestorId: s.rosa.id, sponsorId: null }).where(eq(items.id, e.id));
  await db
    .update(decisions)
    .set({ reason: 'Unblocks the enterprise deals' })
    .where(and(eq(decisions.meetingId, s.meeting.id), eq(decisions.itemId, s.b.id)));
  // Ending the meeting kept e for a follow-up; without that row it is a meeting ended before
  // undecided items were asked about.
  if (opts.followUp === false)
    await db
      .delete(undecidedItems)
      .where(and(eq(undecidedItems.meetingId, s.meeting.id), eq(undecidedItems.itemId, e.id)));
  return { ...s, e };
}

const mailTo = async (userId: number) => db.select().from(outbox).where(eq(outbox.toUserId, userId));

describe('outcome digests', () => {
  it('sends one e-mail per person covering all their items, grouped by fate, with every reason and the note first', async () => {
    const s = await scene();
    await publishOutcome(s.pm, s.cycle.id, { note: 'Thanks for a good cycle.\nQuestions to me.' });

    const rosaMail = await mailTo(s.rosa.id);
    expect(rosaMail).toHaveLength(1);
    const text = rosaMail[0].text;
    expect(rosaMail[0].subject).toContain('3 items of yours');
    // The note comes before anything else, signed by the pm.
    expect(text.indexOf(`A note from ${s.pm.name}:`)).toBeLessThan(text.indexOf('Accepted — above the cut line'));
    expect(text).toContain('Thanks for a good cycle.\nQuestions to me.');
    // Grouped in the fixed order, each group naming its count.
    const order = ['Accepted — above the cut line (1)', 'Accepted — below the cut line (1)', 'Not decided (1)'];
    expect(order.map((h) => text.indexOf(h))).toEqual([...order.map((h) => text.indexOf(h))].sort((x, y) => x - y));
    expect(order.every((h) => text.includes(h))).toBe(true);
    expect(text).not.toContain('Rejected (');
    // The reason of an accepted item is given, and its absence said plainly.
    expect(text).toContain('• Agenda item 2\n  Ranked 1 of 2.\n  Reason: Unblocks the enterprise deals');
    expect(text).toContain('• Agenda item 1\n  Ranked 2 of 2.\n  Reason: No reason recorded');
    expect(text).toContain('• Agenda item 5\n  Not reached in the meeting: kept for a follow-up meeting.');
    // Times in the recipient's zone (none chosen: UTC), with the zone named.
    expect(text).toMatch(/ended \w+ \d+ \w+ \d{4}, \d\d:\d\d UTC\./);
    expect(rosaMail[0].html).toContain('Accepted — below the cut line (1)');
    expect(rosaMail[0].html).toContain('Thanks for a good cycle.');

    // The sponsor of a hears about a only, as its sponsor.
    const [sponsorMail] = await mailTo(s.sponsor.id);
    expect(sponsorMail.text).toContain('• Agenda item 1 (you sponsor it)');
    expect(sponsorMail.text).not.toContain('Agenda item 2');
  });

  it('tells the requestor of an item not reached, with no disposition, that it stays on the backlog', async () => {
    const s = await scene({ followUp: false });
    await publishOutcome(s.pm, s.cycle.id);
    expect((await mailTo(s.rosa.id))[0].text).toContain(
      '• Agenda item 5\n  Not reached in the meeting: it stays on the backlog for a later meeting.',
    );
  });

  it('announces exactly as many people as it then notifies and e-mails, and the preview is the mail sent', async () => {
    const s = await scene();
    const summary = await outcomeAudienceSummary(s.pm, s.cycle.id);
    // rosa, sam, ted requested; the sponsor of a only sponsors; the deactivated sponsor of c is not counted.
    expect(summary).toEqual({
      people: 4,
      requestors: 3,
      sponsors: 1,
      text: 'Publishing notifies 4 people: 3 requestors, 1 sponsor.',
    });
    const before = await meetingRowCounts();
    const { audience, preview } = await previewOutcomeEmail(s.pm, s.cycle.id, { note: 'Hello all' });
    expect(await meetingRowCounts()).toEqual(before); // a preview writes and sends nothing
    expect(audience).toEqual(summary);
    expect(preview?.recipient).toBe(s.rosa.name); // the person with the most items

    const result = await publishOutcome(s.pm, s.cycle.id, { note: 'Hello all' });
    expect(result.people).toBe(summary!.people);
    const people = [s.rosa, s.sam, s.ted, s.sponsor, s.former, s.observer, s.pm, ...s.leaders].map((u) => u.id);
    const sent = await db.select().from(outbox).where(inArray(outbox.toUserId, people));
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'outcome.published'), inArray(notifications.userId, people)));
    expect(new Set(sent.map((m) => m.toUserId)).size).toBe(summary!.people);
    expect(sent).toHaveLength(summary!.people);
    expect(told).toHaveLength(summary!.people);
    const [rosaMail] = await mailTo(s.rosa.id);
    expect({ subject: rosaMail.subject, text: rosaMail.text, html: rosaMail.html }).toEqual({
      subject: preview!.subject,
      text: preview!.text,
      html: preview!.html,
    });
  });

  it('refuses a note that is too long, naming the field, and a preview or publish by a leader, writing nothing', async () => {
    const s = await scene();
    const before = await meetingRowCounts();
    const long = { note: 'x'.repeat(2001) };
    await expect(publishOutcome(s.pm, s.cycle.id, long)).rejects.toThrow(ValidationError);
    await expect(publishOutcome(s.pm, s.cycle.id, long)).rejects.toMatchObject({
      fieldErrors: { note: ['Personal note must be at most 2,000 characters.'] },
    });
    await expect(previewOutcomeEmail(s.pm, s.cycle.id, long)).rejects.toThrow(ValidationError);
    await expect(previewOutcomeEmail(s.leaders[0], s.cycle.id, {})).rejects.toThrow('product manager');
    expect(await meetingRowCounts()).toEqual(before);
  });
});

describe('"Accepted — below the cut line" on request pages', () => {
  it('is shown for the accepted item below the line once published, and stays as published', async () => {
    const s = await scene();
    const flags = async () =>
      Object.fromEntries((await listMyRequests(s.rosa)).map((r) => [r.id, [r.status, r.belowCut]]));
    expect((await flags())[s.a.id]).toEqual(['under_review', false]);
    await publishOutcome(s.pm, s.cycle.id);
    expect(await flags()).toMatchObject({
      [s.a.id]: ['accepted', true],
      [s.b.id]: ['accepted', false],
    });
    expect((await getRequest(s.rosa, s.a.id)).item.belowCut).toBe(true);
    expect((await getRequest(s.rosa, s.b.id)).item.belowCut).toBe(false);
    // A later change of capacity does not rewrite what the requestor was told.
    await db.update(cycles).set({ capacityWeeks: 100 }).where(eq(cycles.id, s.cycle.id));
    expect((await getRequest(s.rosa, s.a.id)).item.belowCut).toBe(true);
  });
});
