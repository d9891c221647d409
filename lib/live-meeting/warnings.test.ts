import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { meetings } from '@/db/schema';
import { distributePreread } from '@/lib/meetings/distribute.server';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { db, eventsOf, readItem, validationErrorOf } from '@/lib/testing/db';
import { runLiveCommand } from './commands.server';
import { recordDecision } from './decisions.server';
import { pauseMeeting, startMeeting } from './session.server';
import { castVote, revealVotes } from './votes.server';
import { hiddenVotesWarning, startWarnings, unconfirmed } from './warnings';
import { first } from '@/db/rows';

const MIN = 60_000;
const now = new Date('2027-03-01T09:00:00Z');

describe('startWarnings', () => {
  const base = { prereadSent: true, scheduledAt: '2027-03-01T09:30:00Z', startedAt: null, now };

  it('has nothing to say about a distributed pre-read and a meeting due within the hour', () => {
    expect(startWarnings(base)).toEqual([]);
    expect(startWarnings({ ...base, scheduledAt: '2027-03-01T08:00:00Z' })).toEqual([]); // late is fine
  });

  it('names a missing pre-read and how far ahead the meeting is', () => {
    expect(startWarnings({ ...base, prereadSent: false, scheduledAt: '2027-03-22T09:00:00Z' })).toEqual([
      {
        code: 'no_preread',
        message: 'No pre-read has been distributed: the attendees have not had the agenda to read.',
      },
      { code: 'early', message: 'The meeting is scheduled 21 days from now.' },
    ]);
    expect(startWarnings({ ...base, scheduledAt: '2027-03-01T12:00:00Z' }).map((w) => w.message)).toEqual([
      'The meeting is scheduled 3 hours from now.',
    ]);
  });

  it('does not warn again about a meeting that was started before', () => {
    expect(startWarnings({ ...base, prereadSent: false, startedAt: '2027-02-01T09:00:00Z' })).toEqual([]);
  });

  it('lists the warnings left unconfirmed', () => {
    const warnings = startWarnings({ ...base, prereadSent: false, scheduledAt: '2027-03-22T09:00:00Z' });
    expect(unconfirmed(warnings, ['early']).map((w) => w.code)).toEqual(['no_preread']);
    expect(unconfirmed(warnings, ['early', 'no_preread'])).toEqual([]);
  });
});

describe('hiddenVotesWarning', () => {
  it('warns only while the votes are hidden, saying how many voted', () => {
    expect(hiddenVotesWarning({ hidden: false, voted: 2, eligible: 3 })).toBeNull();
    expect(hiddenVotesWarning({ hidden: true, voted: 2, eligible: 3 })).toBe(
      'The votes on this item are still hidden (2 of 3 voters have voted): nobody has seen the tally. Recording the decision reveals them.',
    );
    expect(hiddenVotesWarning({ hidden: true, voted: 0, eligible: 1 })).toContain('(0 of 1 voter has voted)');
  });
});

describe('startMeeting: the warnings need a confirmation', () => {
  const LIVE = { votesVisibility: 'live', weighted: false } as const;

  it('refuses to start without a pre-read and three weeks early, naming both and the field, and writes nothing', async () => {
    const { pm, meeting } = await plannedMeeting({ daysAhead: 21 });
    const before = (await eventsOf('meeting', meeting.id)).length;
    const error = await validationErrorOf(() => startMeeting(pm, meeting.id, LIVE));
    expect(error.fieldErrors.confirm).toEqual([
      'No pre-read has been distributed: the attendees have not had the agenda to read. The meeting is scheduled 21 days from now. Tick "Start anyway" to start it all the same.',
    ]);
    expect(error.message).toBe(error.fieldErrors.confirm[0]);
    // Confirming one warning is not confirming the other.
    expect(
      (await validationErrorOf(() => startMeeting(pm, meeting.id, { ...LIVE, confirm: ['early'] }))).fieldErrors
        .confirm,
    ).toEqual([expect.stringMatching(/^No pre-read has been distributed/)]);
    expect(first(await db.select().from(meetings).where(eq(meetings.id, meeting.id)))!.status).toBe('scheduled');
    expect(await eventsOf('meeting', meeting.id)).toHaveLength(before);
  });

  it('starts once confirmed, and records what was confirmed', async () => {
    const { pm, meeting } = await plannedMeeting({ daysAhead: 21 });
    expect((await startMeeting(pm, meeting.id, { ...LIVE, confirm: ['no_preread', 'early'] })).status).toBe('live');
    expect((await eventsOf('meeting', meeting.id)).at(-1)).toMatchObject({
      type: 'live.started',
      data: { confirmedWarnings: ['no_preread', 'early'] },
    });
  });

  it('needs no confirmation with the pre-read sent and the meeting due, nor to restart a paused one', async () => {
    const { pm, meeting } = await plannedMeeting({ daysAhead: 14 });
    await distributePreread(pm, meeting.id);
    await db
      .update(meetings)
      .set({ scheduledAt: new Date(Date.now() + 30 * MIN).toISOString() })
      .where(eq(meetings.id, meeting.id));
    const live = await startMeeting(pm, meeting.id, LIVE);
    expect((await eventsOf('meeting', meeting.id)).at(-1)!.data).toMatchObject({ confirmedWarnings: [] });
    await pauseMeeting(pm, meeting.id, live.version);
    expect((await startMeeting(pm, meeting.id, LIVE)).status).toBe('live');
  });

  it('is enforced through the live command too', async () => {
    const { pm, meeting } = await plannedMeeting({ daysAhead: 2 });
    await expect(runLiveCommand(pm, meeting.id, { action: 'start', ...LIVE })).rejects.toThrow(/Tick "Start anyway"/);
    await runLiveCommand(pm, meeting.id, { action: 'start', ...LIVE, confirm: ['no_preread', 'early'] });
    expect(first(await db.select().from(meetings).where(eq(meetings.id, meeting.id)))!.status).toBe('live');
  });
});

describe('recordDecision while the votes are hidden', () => {
  async function hiddenMeeting() {
    const setup = await plannedMeeting({ items: 2 });
    await startMeeting(setup.pm, setup.meeting.id, {
      votesVisibility: 'hidden',
      weighted: false,
      confirm: ['no_preread', 'early'],
    });
    const item = setup.items[0].id;
    await castVote(setup.leaders[0], setup.meeting.id, item, { choice: 'accept' });
    return { ...setup, item };
  }

  it('is refused without the confirmation, naming the field, and decides nothing', async () => {
    const { pm, meeting, item } = await hiddenMeeting();
    const error = await validationErrorOf(() => recordDecision(pm, meeting.id, item, { outcome: 'accepted' }));
    expect(error.fieldErrors).toEqual({
      confirmHiddenVotes: [
        'The votes on this item are still hidden (1 of 2 voters have voted): nobody has seen the tally. Recording the decision reveals them. Tick "Record the decision without revealing the votes first" to record it anyway.',
      ],
    });
    expect((await readItem(item)).status).toBe('curated');
    const command = { action: 'decide', itemId: item, outcome: 'accepted', reason: '', note: '' };
    await expect(runLiveCommand(pm, meeting.id, command)).rejects.toThrow(/still hidden/);
  });

  it('is recorded with the confirmation, or without one once the votes are revealed', async () => {
    const { pm, meeting, item, items } = await hiddenMeeting();
    await runLiveCommand(pm, meeting.id, {
      action: 'decide',
      itemId: item,
      outcome: 'accepted',
      reason: '',
      note: '',
      confirmHiddenVotes: true,
    });
    expect((await readItem(item)).status).toBe('accepted');
    await revealVotes(pm, meeting.id, items[1].id);
    await recordDecision(pm, meeting.id, items[1].id, { outcome: 'deferred', note: 'Nobody voted yet.' });
    expect((await readItem(items[1].id)).status).toBe('deferred');
  });
});
