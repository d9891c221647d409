import { describe, expect, it } from 'vitest';
import { agendaItems, meetingPresence, meetings } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { meetingEventStream } from '@/lib/realtime/sse.server';
import { db, eventsOf } from '@/lib/testing/db';
import type { Publisher } from '@/lib/realtime/publisher';
import { presenceChannel, presenceTracker, presentIn } from './presence.server';
import { goToItem, startMeeting } from '@/lib/live-meeting/session.server';
import { liveState } from '@/lib/live-meeting/state.server';
import { PRESENCE_NOTICE, byDepartment, presenceOf } from './presence';

const BEAT = 15_000;
const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A publisher that only records what was announced. */
function recording() {
  const published: string[] = [];
  const publisher: Publisher = { publish: (channel) => void published.push(channel), subscribe: () => () => {} };
  return { publisher, published };
}

describe('presence', () => {
  it('counts each open stream while it is seen, one row per person, grouped by department', async () => {
    const s = await plannedMeeting();
    const rec = recording();
    const clock = T0;
    const track = (userId: number) =>
      presenceTracker(s.meeting.id, userId, { publisher: rec.publisher, beatMs: BEAT, now: () => clock });
    const eventsBefore = (await eventsOf('meeting', s.meeting.id)).length;
    const [sales, finance] = s.leaders;
    const salesTabs = [track(sales.id), track(sales.id)];
    const financeTab = track(finance.id);
    for (const t of [...salesTabs, financeTab]) await t.join();
    expect(rec.published).toEqual(Array(3).fill(presenceChannel(s.meeting.id)));

    const present = await presentIn(db, s.meeting.id, clock, BEAT);
    // Two tabs are one person.
    expect(present.map((p) => p.userId).sort()).toEqual([sales.id, finance.id].sort());
    const groups = byDepartment(present);
    expect(groups.map((g) => g.departmentName)).toEqual([s.departments.sales.name, s.departments.finance.name].sort());
    expect(groups.find((g) => g.departmentName === s.departments.finance.name)!.people).toEqual([
      { userId: finance.id, name: finance.name, departmentName: s.departments.finance.name },
    ]);

    // One sales tab closes: the other keeps them in the room. The last closes: gone, and announced.
    await salesTabs[0].leave();
    expect((await presentIn(db, s.meeting.id, clock, BEAT)).map((p) => p.userId)).toContain(sales.id);
    await salesTabs[1].leave();
    expect((await presentIn(db, s.meeting.id, clock, BEAT)).map((p) => p.userId)).toEqual([finance.id]);
    expect(rec.published).toHaveLength(5);

    // Presence is not a decision: nothing of it is in the meeting's event log.
    expect(await eventsOf('meeting', s.meeting.id)).toHaveLength(eventsBefore);
  });

  it('drops a connection not seen for more than two heartbeats, keeps one that beats', async () => {
    const s = await plannedMeeting();
    const rec = recording();
    let clock = T0;
    const opts = { publisher: rec.publisher, beatMs: BEAT, now: () => clock };
    const beating = presenceTracker(s.meeting.id, s.leaders[0].id, opts);
    const dead = presenceTracker(s.meeting.id, s.leaders[1].id, opts);
    await beating.join();
    await dead.join();
    for (let beat = 1; beat <= 3; beat++) {
      clock = at(beat * BEAT);
      await beating.beat();
    }
    const ids = async (now: Date) => (await presentIn(db, s.meeting.id, now, BEAT)).map((p) => p.userId);
    expect(await ids(at(2 * BEAT))).toEqual(expect.arrayContaining([s.leaders[0].id, s.leaders[1].id]));
    expect(await ids(at(2 * BEAT + 1))).toEqual([s.leaders[0].id]);

    // A stream that dies leaves its row behind; long after, the next one to join clears it away.
    clock = at(60 * BEAT);
    await presenceTracker(s.meeting.id, s.pm.id, opts).join();
    const rows = await db.select().from(meetingPresence).where(eq(meetingPresence.meetingId, s.meeting.id));
    expect(rows.map((r) => r.userId)).toEqual([s.pm.id]);
  });

  it('a stream that closes before its row is written leaves no row behind', async () => {
    const s = await plannedMeeting();
    const t = presenceTracker(s.meeting.id, s.leaders[0].id, { publisher: recording().publisher });
    void t.join();
    await t.leave();
    expect(await db.select().from(meetingPresence).where(eq(meetingPresence.meetingId, s.meeting.id))).toEqual([]);
  });

  it('reaches every open stream of the meeting as a message without an id, and liveState carries it', async () => {
    const s = await plannedMeeting();
    const first = new AbortController();
    const second = new AbortController();
    const open = (userId: number, signal: AbortSignal) =>
      reader(
        meetingEventStream({
          meetingId: s.meeting.id,
          lastEventId: 0,
          signal,
          presence: presenceTracker(s.meeting.id, userId),
        }),
      );
    const a = open(s.leaders[0].id, first.signal);
    await a.until((m) => presentIds(m)?.length === 1);
    const b = open(s.leaders[1].id, second.signal);
    await a.until((m) => presentIds(m)?.length === 2);
    await b.until((m) => presentIds(m)?.length === 2);
    // Not an event of the log: no `id:` that would move the page's Last-Event-ID.
    const notices = a.messages().filter((m) => presentIds(m) !== undefined);
    expect(notices.length).toBeGreaterThan(0);
    for (const m of notices) expect(m).not.toMatch(/^id: /m);
    const state = await liveState(s.pm, s.meeting.id);
    expect(state.room.present.map((p) => p.userId).sort()).toEqual([s.leaders[0].id, s.leaders[1].id].sort());

    second.abort();
    await a.until((m) => String(presentIds(m)) === String([s.leaders[0].id]));
    first.abort();
    await a.done;
    await expect.poll(async () => (await liveState(s.pm, s.meeting.id)).room.present).toEqual([]);
  });
});

describe('the room in liveState', () => {
  it('carries the time boxes and when the current item began, which start and go-to-item set', async () => {
    const s = await plannedMeeting({ items: 3 });
    await db.update(agendaItems).set({ timeBoxMinutes: 30 }).where(eq(agendaItems.itemId, s.items[0].id));
    await db.update(meetings).set({ durationMinutes: 60 }).where(eq(meetings.id, s.meeting.id));
    const before = Date.now();
    await startMeeting(s.pm, s.meeting.id, {
      votesVisibility: 'hidden',
      weighted: false,
      confirm: ['no_preread', 'early'],
    });
    let state = await liveState(s.leaders[0], s.meeting.id);
    expect(state.room.timeBoxes.items.map((i) => i.minutes)).toEqual([30, 15, 15]);
    expect(state.room.timeBoxes).toMatchObject({ totalMinutes: 60, durationMinutes: 60, overMinutes: 0 });
    const started = Date.parse(state.room.currentItemSince!);
    expect(started).toBeGreaterThanOrEqual(before - 1000);

    await new Promise((r) => setTimeout(r, 5));
    await goToItem(s.pm, s.meeting.id, 'next', state.meeting.version);
    state = await liveState(s.leaders[0], s.meeting.id);
    expect(Date.parse(state.room.currentItemSince!)).toBeGreaterThan(started);
  });
});

describe('presenceOf', () => {
  it('reads a presence notice and nothing else', () => {
    const person = { userId: 3, name: 'Ada', departmentName: 'Sales' };
    expect(presenceOf({ type: PRESENCE_NOTICE, present: [person, { userId: 'x' }] })).toEqual([person]);
    expect(presenceOf({ type: 'live.vote_cast', present: [person] })).toBeNull();
    expect(presenceOf(null)).toBeNull();
  });
});

/** The user ids of a presence message, or undefined for any other message. */
function presentIds(message: string): number[] | undefined {
  const data = message.split('\n').find((line) => line.startsWith('data: '));
  return data ? presenceOf(JSON.parse(data.slice(6)))?.map((p) => p.userId) : undefined;
}

/** The messages of an SSE stream as they arrive. */
function reader(stream: ReadableStream<Uint8Array>) {
  const r = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const done = (async () => {
    for (;;) {
      const { value, done: end } = await r.read();
      if (end) return;
      text += decoder.decode(value, { stream: true });
    }
  })();
  const messages = () => text.split('\n\n').filter(Boolean);
  return {
    done,
    messages,
    async until(check: (last: string) => boolean) {
      await expect.poll(() => messages().some((m) => check(m)), { timeout: 3000, interval: 5 }).toBe(true);
    },
  };
}
