import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { decisions, meetings, undecidedItems } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { countRows, db, eventsOf, readItem, validationErrorOf } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { createMeeting } from '@/lib/meetings/meetings.server';
import { meetingInput } from '@/lib/meetings/test-helpers';
import { setAgenda } from '@/lib/meetings/agenda.server';
import { recordDecision } from './decisions.server';
import { endMeeting, startMeeting } from './session.server';
import { runLiveCommand } from './commands.server';
import { first } from '@/db/rows';

const LIVE = { votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] } as const;

async function runningMeeting() {
  const s = await plannedMeeting({ items: 3 });
  await startMeeting(s.pm, s.meeting.id, LIVE);
  await recordDecision(s.pm, s.meeting.id, s.items[0].id, { outcome: 'accepted', note: 'Agreed.' });
  return { ...s, ids: s.items.map((i) => i.id) };
}

const counts = async () => ({
  decisions: await countRows('decisions'),
  undecided: await countRows('undecided_items'),
  events: await countRows('events'),
});

describe('ending with undecided items', () => {
  it('refuses a missing, extra, unknown, repeated or malformed disposition, naming the items and writing nothing', async () => {
    const { pm, meeting, ids } = await runningMeeting();
    const before = await counts();
    const missing = await validationErrorOf(() => endMeeting(pm, meeting.id));
    expect(missing.fieldErrors.undecided[0]).toBe(
      'Say what becomes of each undecided item before ending: "Agenda item 2", "Agenda item 3".',
    );
    const partial = await validationErrorOf(() =>
      endMeeting(pm, meeting.id, [{ itemId: ids[1], disposition: 'follow_up' }]),
    );
    expect(partial.fieldErrors.undecided[0]).toContain('"Agenda item 3"');
    const decided = await validationErrorOf(() =>
      endMeeting(pm, meeting.id, [
        { itemId: ids[0], disposition: 'follow_up' },
        { itemId: ids[1], disposition: 'follow_up' },
        { itemId: ids[2], disposition: 'follow_up' },
      ]),
    );
    expect(decided.fieldErrors.undecided[0]).toContain(`Item #${ids[0]} is not an undecided item`);
    const unknown = await validationErrorOf(() =>
      endMeeting(pm, meeting.id, [{ itemId: 999_999, disposition: 'next_cycle' }]),
    );
    expect(unknown.fieldErrors.undecided[0]).toContain('Item #999999 is not an undecided item');
    const twice = await validationErrorOf(() =>
      endMeeting(pm, meeting.id, [
        { itemId: ids[1], disposition: 'follow_up' },
        { itemId: ids[1], disposition: 'next_cycle' },
      ]),
    );
    expect(twice.fieldErrors.undecided[0]).toContain('listed twice');
    await expect(
      runLiveCommand(pm, meeting.id, { action: 'end', undecided: [{ itemId: ids[1], disposition: 'someday' }] }),
    ).rejects.toThrow(ValidationError);
    await expect(runLiveCommand(pm, meeting.id, { action: 'end', undecided: 'all' })).rejects.toThrow(
      'undecided must be a list',
    );
    expect(await counts()).toEqual(before);
    expect(first(await db.select().from(meetings).where(eq(meetings.id, meeting.id)))!.status).toBe('live');
  });

  it('defers next-cycle items with a decision, keeps follow-up items for a later agenda, and logs each', async () => {
    const { pm, meeting, ids, cycle } = await runningMeeting();
    await runLiveCommand(pm, meeting.id, {
      action: 'end',
      undecided: [
        { itemId: ids[1], disposition: 'next_cycle' },
        { itemId: ids[2], disposition: 'follow_up' },
      ],
    });
    const rows = await db.select().from(undecidedItems).where(eq(undecidedItems.meetingId, meeting.id));
    expect(rows.map((r) => [r.itemId, r.disposition, r.recordedBy]).sort()).toEqual(
      [
        [ids[1], 'next_cycle', pm.id],
        [ids[2], 'follow_up', pm.id],
      ].sort(),
    );
    const deferred = await db.select().from(decisions).where(eq(decisions.itemId, ids[1]));
    expect(deferred).toEqual([
      expect.objectContaining({
        outcome: 'deferred',
        reason: 'Not reached in Q1 prioritisation; deferred to the next cycle.',
      }),
    ]);
    expect((await readItem(ids[1])).status).toBe('deferred');
    expect((await readItem(ids[2])).status).toBe('curated');
    expect(await db.select().from(decisions).where(eq(decisions.itemId, ids[2]))).toEqual([]);
    const types = (await eventsOf('meeting', meeting.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'live.undecided_recorded')).toHaveLength(2);
    expect(types.at(-1)).toBe('live.ended');
    // The follow-up item can go on the next meeting's agenda.
    const next = await createMeeting(pm, cycle.id, meetingInput(pm.id, { title: 'Follow-up' }));
    expect(await setAgenda(pm, next.id, [ids[2]])).toEqual([ids[2]]);
  });

  it('ends a meeting with nothing undecided as before, with no list', async () => {
    const { pm, meeting, ids } = await runningMeeting();
    for (const id of ids.slice(1)) await recordDecision(pm, meeting.id, id, { outcome: 'accepted', note: 'Fine.' });
    expect((await endMeeting(pm, meeting.id)).status).toBe('closed');
    expect(await db.select().from(undecidedItems).where(eq(undecidedItems.meetingId, meeting.id))).toEqual([]);
  });
});
