import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { consentAgendaItems, decisions, meetingAttendees } from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { countRows, db, eventsOf, readItem, userWithRole } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { saveAgendaPlan } from '@/lib/meetings/agenda-plan.server';
import { acceptConsent, CONSENT_REASON, pullFromConsent } from './consent.server';
import { recordDecision } from './decisions.server';
import { pauseMeeting, startMeeting } from './session.server';
import { liveState } from './state.server';

const LIVE = { votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] } as const;

/** A meeting of four items, the last three on the consent agenda, with an observer. */
async function consentMeeting(start = true) {
  const s = await plannedMeeting({ items: 4 });
  const ids = s.items.map((i) => i.id);
  await saveAgendaPlan(s.pm, s.meeting.id, { itemIds: ids, consent: ids.slice(1), timeBoxes: {} });
  const observer = await userWithRole('leader');
  await db.insert(meetingAttendees).values({ meetingId: s.meeting.id, userId: observer.id, role: 'observer' });
  if (start) await startMeeting(s.pm, s.meeting.id, LIVE);
  return { ...s, ids, observer };
}

describe('the consent agenda, live', () => {
  it('lets a leader pull an item out, seen by everyone, then accepts the rest together, each logged', async () => {
    const { pm, leaders, meeting, ids, observer } = await consentMeeting();
    await pullFromConsent(leaders[0], meeting.id, ids[2]);
    const seen = (await liveState(observer, meeting.id)).preparation.consent;
    expect(seen.items.map((i) => i.itemId).sort()).toEqual([ids[1], ids[3]].sort());
    expect(seen.pulled).toEqual([{ itemId: ids[2], title: 'Agenda item 3', pulledBy: leaders[0].name }]);
    const pulledEvent = (await eventsOf('meeting', meeting.id)).find((e) => e.type === 'live.consent_pulled');
    expect(pulledEvent?.data).toEqual({ itemId: ids[2], by: leaders[0].id });

    expect((await acceptConsent(pm, meeting.id)).sort()).toEqual([ids[1], ids[3]].sort());
    const rows = await db.select().from(decisions).where(eq(decisions.meetingId, meeting.id));
    expect(rows.map((d) => [d.itemId, d.outcome, d.reason]).sort()).toEqual(
      [
        [ids[1], 'accepted', CONSENT_REASON],
        [ids[3], 'accepted', CONSENT_REASON],
      ].sort(),
    );
    expect((await readItem(ids[1])).status).toBe('accepted');
    expect((await readItem(ids[2])).status).toBe('curated'); // pulled: decided like any other item
    const types = (await eventsOf('meeting', meeting.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'live.decision_recorded')).toHaveLength(2);
    expect(types.at(-1)).toBe('live.consent_accepted');
    expect((await eventsOf('item', ids[3])).some((e) => e.type === 'item.status_changed')).toBe(true);
    expect((await liveState(observer, meeting.id)).preparation.consent.items).toEqual([]);
    // The block is empty now.
    await expect(acceptConsent(pm, meeting.id)).rejects.toThrow('The consent agenda is empty');
  });

  it('refuses an observer or a stranger pulling, a second pull, an item not in the block, and a paused meeting', async () => {
    const { leaders, meeting, ids, observer, pm } = await consentMeeting();
    await expect(pullFromConsent(observer, meeting.id, ids[1])).rejects.toThrow(ForbiddenError);
    await expect(pullFromConsent(await userWithRole('leader'), meeting.id, ids[1])).rejects.toThrow(ForbiddenError);
    await expect(pullFromConsent(leaders[0], meeting.id, ids[0])).rejects.toThrow(
      'This item is not on the consent agenda.',
    );
    await pullFromConsent(leaders[1], meeting.id, ids[1]);
    await expect(pullFromConsent(leaders[0], meeting.id, ids[1])).rejects.toThrow(ConflictError);
    await pauseMeeting(pm, meeting.id);
    await expect(pullFromConsent(leaders[0], meeting.id, ids[2])).rejects.toThrow('The meeting is paused.');
    await expect(acceptConsent(pm, meeting.id)).rejects.toThrow('The meeting is paused.');
  });

  it('refuses accepting when an item in the block was decided, before the start, or by anyone but the facilitator, writing nothing', async () => {
    const early = await consentMeeting(false);
    await expect(acceptConsent(early.pm, early.meeting.id)).rejects.toThrow(ValidationError);
    await expect(pullFromConsent(early.leaders[0], early.meeting.id, early.ids[1])).rejects.toThrow(
      'The meeting has not started yet.',
    );

    const { pm, leaders, meeting, ids } = await consentMeeting();
    await expect(acceptConsent(leaders[0], meeting.id)).rejects.toThrow(ForbiddenError);
    await recordDecision(pm, meeting.id, ids[3], { outcome: 'accepted', note: 'Clear enough.' });
    const before = { decisions: await countRows('decisions'), events: await countRows('events') };
    await expect(acceptConsent(pm, meeting.id)).rejects.toThrow(/Already decided in this meeting: "Agenda item 4"/);
    await expect(pullFromConsent(leaders[0], meeting.id, ids[3])).rejects.toThrow('already been decided');
    expect({ decisions: await countRows('decisions'), events: await countRows('events') }).toEqual(before);
    expect((await readItem(ids[1])).status).toBe('curated');
    const row = await db
      .select()
      .from(consentAgendaItems)
      .where(and(eq(consentAgendaItems.meetingId, meeting.id), eq(consentAgendaItems.itemId, ids[3])));
    expect(row[0].pulledAt).toBeNull();
  });
});
