import { describe, expect, it, vi } from 'vitest';
import { followUpAll } from '@/lib/live-meeting/test-ending';
import { eq } from 'drizzle-orm';
import { meetingAttendees, meetings } from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { meetingChannel, publisher } from '@/lib/realtime/publisher.server';
import { db, eventsOf, userWithRole } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import {
  ALREADY_ENDED,
  endMeeting,
  goToItem,
  handOver,
  MEETING_CHANGED,
  pauseMeeting,
  resumeMeeting,
  startMeeting,
  takeOver,
} from './session.server';
import { liveState } from './state.server';
import { first } from '@/db/rows';

const LIVE = { votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] } as const;

async function liveMeeting(items = 3) {
  const setup = await plannedMeeting({ items });
  const observer = await userWithRole('leader');
  await db.insert(meetingAttendees).values({ meetingId: setup.meeting.id, userId: observer.id, role: 'observer' });
  const stranger = await userWithRole('leader');
  const admin = await userWithRole('admin');
  return { ...setup, observer, stranger, admin };
}

/**
 * The event ids `fn` publishes on the meeting's channel. Read from the publish calls, not from a
 * subscription: on PostgreSQL a subscriber hears of them a moment later, through NOTIFY.
 */
async function published(meetingId: number, fn: () => Promise<unknown>): Promise<number[]> {
  const publish = vi.spyOn(publisher, 'publish');
  try {
    await fn();
    return publish.mock.calls.filter(([channel]) => channel === meetingChannel(meetingId)).map(([, id]) => id);
  } finally {
    publish.mockRestore();
  }
}

describe('startMeeting', () => {
  it('goes live on the first agenda item, stores the settings, writes one event and publishes it after commit', async () => {
    const { pm, meeting, items } = await liveMeeting();
    let after!: Awaited<ReturnType<typeof startMeeting>>;
    const ids = await published(meeting.id, async () => {
      after = await startMeeting(pm, meeting.id, {
        votesVisibility: 'hidden',
        weighted: true,
        confirm: ['no_preread', 'early'],
      });
    });
    expect(after).toMatchObject({ status: 'live', currentItemId: items[0].id, version: meeting.version + 1 });
    expect(after.startedAt).not.toBeNull();
    const evs = (await eventsOf('meeting', meeting.id)).filter((e) => e.type.startsWith('live.'));
    expect(evs.map((e) => e.type)).toEqual(['live.started']);
    expect(ids).toEqual([evs[0].id]);
    expect((await liveState(pm, meeting.id)).settings).toEqual({ votesVisibility: 'hidden', weighted: true });
  });

  it.each([
    ['the facilitator', 'pm', true],
    ['an admin (meeting.manage)', 'admin', true],
    ['a voting leader', 'leader', false],
    ['an observer', 'observer', false],
    ['a non-attendee', 'stranger', false],
  ] as const)('%s may start: %s', async (_label, who, allowed) => {
    const s = await liveMeeting();
    const actor = who === 'leader' ? s.leaders[0] : s[who];
    if (allowed) expect((await startMeeting(actor, s.meeting.id, LIVE)).status).toBe('live');
    else await expect(startMeeting(actor, s.meeting.id, LIVE)).rejects.toThrow(ForbiddenError);
  });

  it('refuses a live or closed meeting, bad settings, and an empty agenda', async () => {
    const { pm, meeting } = await liveMeeting();
    await expect(startMeeting(pm, meeting.id, { votesVisibility: 'secret', weighted: false })).rejects.toThrow(
      ValidationError,
    );
    await startMeeting(pm, meeting.id, LIVE);
    await expect(startMeeting(pm, meeting.id, LIVE)).rejects.toThrow('The meeting is already live.');
    await endMeeting(pm, meeting.id, await followUpAll(meeting.id));
    await expect(startMeeting(pm, meeting.id, LIVE)).rejects.toThrow(ALREADY_ENDED);
    const empty = await plannedMeeting({ items: 0 });
    await expect(startMeeting(empty.pm, empty.meeting.id, LIVE)).rejects.toThrow(
      'Put items on the agenda before starting the meeting.',
    );
  });
});

describe('goToItem', () => {
  it('moves next, previous and to any agenda item, bumping the version each time', async () => {
    const { pm, meeting, items } = await liveMeeting();
    let m = await startMeeting(pm, meeting.id, LIVE);
    m = await goToItem(pm, meeting.id, 'next', m.version);
    expect(m.currentItemId).toBe(items[1].id);
    m = await goToItem(pm, meeting.id, items[2].id, m.version);
    expect(m.currentItemId).toBe(items[2].id);
    await expect(goToItem(pm, meeting.id, 'next', m.version)).rejects.toThrow('This is the last item on the agenda.');
    m = await goToItem(pm, meeting.id, 'previous', m.version);
    expect(m.currentItemId).toBe(items[1].id);
    expect((await liveState(pm, meeting.id)).meeting).toMatchObject({
      currentItemId: items[1].id,
      version: m.version,
    });
    expect((await eventsOf('meeting', meeting.id)).filter((e) => e.type === 'live.item_changed')).toHaveLength(3);
  });

  it('refuses an item off the agenda, a paused meeting, and anyone but the facilitator', async () => {
    const { pm, admin, leaders, meeting } = await liveMeeting();
    let m = await startMeeting(pm, meeting.id, LIVE);
    await expect(goToItem(pm, meeting.id, 999_999, m.version)).rejects.toThrow(ValidationError);
    await expect(goToItem(leaders[0], meeting.id, 'next', m.version)).rejects.toThrow(ForbiddenError);
    await expect(goToItem(admin, meeting.id, 'next', m.version)).rejects.toThrow(ForbiddenError);
    m = await pauseMeeting(pm, meeting.id);
    await expect(goToItem(pm, meeting.id, 'next', m.version)).rejects.toThrow('The meeting is paused.');
  });

  it('refuses a stale facilitator action after a hand-over race with a ConflictError, writing nothing', async () => {
    const { pm, leaders, meeting, items } = await liveMeeting();
    const seen = (await startMeeting(pm, meeting.id, LIVE)).version; // both screens show this version
    await handOver(pm, meeting.id, leaders[0].id, seen);
    const count = (await eventsOf('meeting', meeting.id)).length;
    // The old facilitator's click, sent before they saw the hand-over:
    await expect(goToItem(pm, meeting.id, 'next', seen)).rejects.toThrow(MEETING_CHANGED);
    // The new facilitator acting on the version from before the hand-over is stale too:
    await expect(goToItem(leaders[0], meeting.id, 'next', seen)).rejects.toThrow(ConflictError);
    expect(await eventsOf('meeting', meeting.id)).toHaveLength(count);
    const now = (await liveState(leaders[0], meeting.id)).meeting;
    expect(now).toMatchObject({ facilitatorId: leaders[0].id, currentItemId: items[0].id });
    expect((await goToItem(leaders[0], meeting.id, 'next', now.version)).currentItemId).toBe(items[1].id);
  });
});

describe('pause, resume, hand over, take over', () => {
  it('pauses and resumes where it was', async () => {
    const { pm, meeting, items } = await liveMeeting();
    const m = await startMeeting(pm, meeting.id, LIVE);
    await goToItem(pm, meeting.id, 'next', m.version);
    expect((await pauseMeeting(pm, meeting.id)).status).toBe('paused');
    await expect(pauseMeeting(pm, meeting.id)).rejects.toThrow('The meeting is paused.');
    expect(await resumeMeeting(pm, meeting.id)).toMatchObject({ status: 'live', currentItemId: items[1].id });
    await expect(resumeMeeting(pm, meeting.id)).rejects.toThrow('The meeting is already live.');
    expect((await eventsOf('meeting', meeting.id)).map((e) => e.type).filter((t) => t.startsWith('live.'))).toEqual([
      'live.started',
      'live.item_changed',
      'live.paused',
      'live.resumed',
    ]);
  });

  it('hands over only to another active attendee', async () => {
    const { pm, leaders, observer, stranger, meeting } = await liveMeeting();
    await startMeeting(pm, meeting.id, LIVE);
    for (const target of [stranger.id, pm.id, 999_999]) {
      await expect(handOver(pm, meeting.id, target)).rejects.toThrow(
        'Hand the facilitation to another active attendee of this meeting.',
      );
    }
    await expect(handOver(leaders[0], meeting.id, leaders[1].id)).rejects.toThrow(ForbiddenError);
    expect((await handOver(pm, meeting.id, observer.id)).facilitatorId).toBe(observer.id);
    await expect(pauseMeeting(pm, meeting.id)).rejects.toThrow(ForbiddenError); // no longer the facilitator
    expect((await pauseMeeting(observer, meeting.id)).status).toBe('paused');
  });

  it.each([
    ['pm', true],
    ['admin', true],
    ['leader', false],
    ['engineer', false],
  ] as const)('%s may take over: %s', async (role, allowed) => {
    const { pm, meeting } = await liveMeeting();
    await startMeeting(pm, meeting.id, LIVE);
    const actor = await userWithRole(role);
    if (allowed) {
      expect((await takeOver(actor, meeting.id)).facilitatorId).toBe(actor.id);
      expect((await eventsOf('meeting', meeting.id)).at(-1)).toMatchObject({
        type: 'live.taken_over',
        data: { from: pm.id, to: actor.id },
      });
    } else {
      await expect(takeOver(actor, meeting.id)).rejects.toThrow(ForbiddenError);
    }
  });
});

describe('endMeeting', () => {
  it('closes a live or paused meeting once; a second end is a ConflictError', async () => {
    const { pm, meeting } = await liveMeeting();
    await expect(endMeeting(pm, meeting.id)).rejects.toThrow('The meeting has not started yet.');
    await startMeeting(pm, meeting.id, LIVE);
    await pauseMeeting(pm, meeting.id);
    const closed = await endMeeting(pm, meeting.id, await followUpAll(meeting.id));
    expect(closed.status).toBe('closed');
    expect(closed.endedAt).not.toBeNull();
    const count = (await eventsOf('meeting', meeting.id)).length;
    await expect(endMeeting(pm, meeting.id)).rejects.toThrow(ConflictError);
    await expect(endMeeting(pm, meeting.id)).rejects.toThrow(ALREADY_ENDED);
    expect(await eventsOf('meeting', meeting.id)).toHaveLength(count);
    const admin = await userWithRole('admin');
    await expect(takeOver(admin, meeting.id)).rejects.toThrow(ALREADY_ENDED);
    expect(first(await db.select().from(meetings).where(eq(meetings.id, meeting.id)))!.status).toBe('closed');
  });
});

describe('liveState', () => {
  it('is refused to non-attendees and shows the viewer role', async () => {
    const { pm, leaders, observer, stranger, meeting } = await liveMeeting();
    await startMeeting(pm, meeting.id, LIVE);
    await expect(liveState(stranger, meeting.id)).rejects.toThrow(ForbiddenError);
    expect((await liveState(pm, meeting.id)).viewer).toMatchObject({ isFacilitator: true, role: null });
    expect((await liveState(leaders[0], meeting.id)).viewer).toMatchObject({ isFacilitator: false, role: 'voter' });
    expect((await liveState(observer, meeting.id)).viewer.role).toBe('observer');
    expect((await liveState(pm, meeting.id)).agenda).toHaveLength(3);
  });
});
