import { describe, expect, it } from 'vitest';
import { meetingAttendees, meetings } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { countRows, db, eventsOf, userWithRole } from '@/lib/testing/db';
import { startMeeting } from '@/lib/live-meeting/session.server';
import { liveState } from '@/lib/live-meeting/state.server';
import { plannedMeeting } from './test-helpers';
import { myStances, setStance, stanceCounts } from './stances.server';

async function withStances() {
  const s = await plannedMeeting({ items: 2 });
  const observer = await userWithRole('leader');
  await db.insert(meetingAttendees).values({ meetingId: s.meeting.id, userId: observer.id, role: 'observer' });
  return { ...s, observer, stranger: await userWithRole('leader'), admin: await userWithRole('admin') };
}

describe('setStance', () => {
  it('lets a voting leader mark, change and clear their own stance, logged on the leader', async () => {
    const { meeting, items, leaders } = await withStances();
    const [a] = leaders;
    expect(await setStance(a, meeting.id, { itemId: items[0].id, stance: 'lean_accept' })).toBe('lean_accept');
    expect(await setStance(a, meeting.id, { itemId: items[0].id, stance: 'unsure' })).toBe('unsure');
    await setStance(a, meeting.id, { itemId: items[1].id, stance: 'lean_reject' });
    expect((await myStances(a, meeting.id)).mine).toEqual({ [items[0].id]: 'unsure', [items[1].id]: 'lean_reject' });
    expect(await setStance(a, meeting.id, { itemId: items[1].id, stance: null })).toBeNull();
    expect(await myStances(a, meeting.id)).toEqual({ canMark: true, mine: { [items[0].id]: 'unsure' } });
    const logged = (await eventsOf('user', a.id)).filter((e) => e.type.startsWith('meeting.stance'));
    expect(logged.map((e) => e.type)).toEqual([
      'meeting.stance_marked',
      'meeting.stance_marked',
      'meeting.stance_marked',
      'meeting.stance_cleared',
    ]);
    // Nothing about a stance goes on the meeting, whose events every attendee's live stream receives.
    expect((await eventsOf('meeting', meeting.id)).some((e) => e.type.includes('stance'))).toBe(false);
  });

  it('refuses observers, strangers, the pm, an item off the agenda, a bad stance and an ended meeting, writing nothing', async () => {
    const { meeting, items, leaders, observer, stranger, pm } = await withStances();
    const before = await countRows('preread_stances');
    const mark = { itemId: items[0].id, stance: 'lean_accept' };
    for (const who of [observer, stranger, pm])
      await expect(setStance(who, meeting.id, mark)).rejects.toThrow(ForbiddenError);
    await expect(setStance(leaders[0], meeting.id, { itemId: 999_999, stance: 'unsure' })).rejects.toThrow(
      "This item is not on the meeting's agenda.",
    );
    const bad = setStance(leaders[0], meeting.id, { itemId: items[0].id, stance: 'maybe' });
    await expect(bad).rejects.toThrow(ValidationError);
    await expect(bad).rejects.toMatchObject({
      fieldErrors: { stance: ['Choose lean accept, lean reject or unsure.'] },
    });
    await db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, meeting.id));
    await expect(setStance(leaders[0], meeting.id, mark)).rejects.toThrow(ConflictError);
    expect(await countRows('preread_stances')).toBe(before);
    expect((await myStances(leaders[0], meeting.id)).canMark).toBe(false);
  });
});

describe('stance privacy', () => {
  it('shows counts only to the facilitator and pm/admin, and never who marked what', async () => {
    const { meeting, items, leaders, observer, pm, admin } = await withStances();
    await setStance(leaders[0], meeting.id, { itemId: items[0].id, stance: 'lean_accept' });
    await setStance(leaders[1], meeting.id, { itemId: items[0].id, stance: 'lean_reject' });
    const counts = { [items[0].id]: { leanAccept: 1, leanReject: 1, unsure: 0 } };
    expect(await stanceCounts(pm, meeting.id)).toEqual(counts);
    expect(await stanceCounts(admin, meeting.id)).toEqual(counts);
    expect(await stanceCounts(leaders[0], meeting.id)).toBeNull();
    expect(await stanceCounts(observer, meeting.id)).toBeNull();
    // A leader sees only their own.
    expect((await myStances(leaders[1], meeting.id)).mine).toEqual({ [items[0].id]: 'lean_reject' });
    expect(await myStances(observer, meeting.id)).toEqual({ canMark: false, mine: {} });
    await expect(stanceCounts(await userWithRole('leader'), meeting.id)).rejects.toThrow(ForbiddenError);
  });

  it('puts stance counts in the live state for the facilitator only, once the meeting has started', async () => {
    const { meeting, items, leaders, pm } = await withStances();
    await setStance(leaders[0], meeting.id, { itemId: items[1].id, stance: 'unsure' });
    expect((await liveState(pm, meeting.id)).preparation.stances).toBeNull();
    await startMeeting(pm, meeting.id, { votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] });
    const stances = (await liveState(pm, meeting.id)).preparation.stances;
    expect(stances).toEqual([
      expect.objectContaining({ itemId: items[1].id, counts: { leanAccept: 0, leanReject: 0, unsure: 1 } }),
    ]);
    expect(stances![0].contest.contested).toBe(true);
    expect((await liveState(leaders[0], meeting.id)).preparation.stances).toBeNull();
  });
});
