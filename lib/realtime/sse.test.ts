import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/testing/db';
import { logEvent } from '@/lib/events/log.server';
import { meetingChannel, publisher, type Publisher } from './publisher.server';
import { meetingEventStream } from './sse.server';

/**
 * The real publisher, counting live subscriptions so a test can see that abort unsubscribed: by
 * default those to the meeting's events; `presence:` counts those to its room (who is connected).
 */
function countingPublisher() {
  const listeners = new Map<string, number>();
  const kind = (channel: string) => channel.split(':')[0];
  const bump = (channel: string, by: number) => listeners.set(kind(channel), (listeners.get(kind(channel)) ?? 0) + by);
  const wrapped: Publisher = {
    publish: (channel, id) => publisher.publish(channel, id),
    subscribe: (channel, listener) => {
      bump(channel, 1);
      const off = publisher.subscribe(channel, listener);
      return () => {
        bump(channel, -1);
        off();
      };
    },
  };
  return { publisher: wrapped, listeners: (of = 'meeting') => listeners.get(of) ?? 0 };
}

type Message = { id?: number; event?: string; data?: Record<string, unknown>; comment?: string; retry?: number };

/** Reads SSE messages from a stream as they arrive. */
function sseReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const messages: Message[] = [];
  let done = false;
  const parse = (block: string): Message => {
    const m: Message = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(': ')) m.comment = line.slice(2);
      else if (line.startsWith('id: ')) m.id = Number(line.slice(4));
      else if (line.startsWith('event: ')) m.event = line.slice(7);
      else if (line.startsWith('data: ')) m.data = JSON.parse(line.slice(6));
      else if (line.startsWith('retry: ')) m.retry = Number(line.slice(7));
    }
    return m;
  };
  const pump = (async () => {
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) {
        done = true;
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        messages.push(parse(buffer.slice(0, at)));
        buffer = buffer.slice(at + 2);
      }
    }
  })();
  const until = async (check: () => boolean, ms = 2000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out; got ${JSON.stringify(messages)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { messages, events: () => messages.filter((m) => m.id !== undefined), isDone: () => done, until, pump };
}

const log = (meetingId: number, type: string, data: Record<string, unknown> = {}) =>
  logEvent(db, { actorId: null, type, subjectType: 'meeting', subjectId: meetingId, data });

const aborts: AbortController[] = [];
afterEach(() => {
  for (const a of aborts.splice(0)) a.abort();
});
const controller = () => {
  const a = new AbortController();
  aborts.push(a);
  return a;
};

describe('meetingEventStream', () => {
  it('replays after lastEventId, then sends live events in order, without duplicates, and stops on abort', async () => {
    const m = 301;
    const e1 = await log(m, 'live.started');
    const e2 = await log(m, 'live.item_opened', { itemId: 1 });
    await log(302, 'live.started'); // another meeting
    const e3 = await log(m, 'live.vote_cast', { itemId: 1, userId: 5, choice: 'yes', hidden: true });

    const pub = countingPublisher();
    const abort = controller();
    const s = sseReader(
      meetingEventStream({ meetingId: m, lastEventId: e1, signal: abort.signal, publisher: pub.publisher }),
    );

    await s.until(() => s.events().length === 2);
    expect(s.messages[0]).toEqual({ retry: 2000 });
    expect(s.events().map((x) => [x.id, x.data?.type])).toEqual([
      [e2, 'live.item_opened'],
      [e3, 'live.vote_cast'],
    ]);
    expect(s.events()[1].data).toEqual({
      id: e3,
      type: 'live.vote_cast',
      at: expect.any(String),
      data: { itemId: 1, hidden: true, userId: 5 },
    });
    expect(pub.listeners()).toBe(1);
    expect(pub.listeners('presence')).toBe(1);

    // Two commits, one wake-up (with the older id), then a repeated and a stale wake-up.
    const e4 = await log(m, 'live.votes_revealed', { itemId: 1 });
    const e5 = await log(m, 'live.item_opened', { itemId: 2 });
    publisher.publish(meetingChannel(m), e4);
    publisher.publish(meetingChannel(m), e5);
    publisher.publish(meetingChannel(m), e2);
    publisher.publish(meetingChannel(302), await log(302, 'live.item_opened'));
    await s.until(() => s.events().length === 4);
    await new Promise((r) => setTimeout(r, 30));
    expect(s.events().map((x) => x.id)).toEqual([e2, e3, e4, e5]);

    abort.abort();
    await s.pump;
    expect(s.isDone()).toBe(true);
    expect(pub.listeners()).toBe(0);
    expect(pub.listeners('presence')).toBe(0);
    // A publish after the abort reaches nobody and throws nothing.
    publisher.publish(meetingChannel(m), await log(m, 'live.ended'));
  });

  it('a reconnect after the reveal sends the choices of the revealed item', async () => {
    const m = 303;
    const vote = await log(m, 'live.vote_cast', { itemId: 4, userId: 9, choice: 'no', hidden: true });
    await log(m, 'live.votes_revealed', { itemId: 4 });
    const abort = controller();
    const s = sseReader(meetingEventStream({ meetingId: m, lastEventId: 0, signal: abort.signal }));
    await s.until(() => s.events().length === 2);
    expect(s.events()[0].data).toMatchObject({ id: vote, data: { itemId: 4, userId: 9, choice: 'no' } });
  });

  it('sends heartbeats at the given interval', async () => {
    const abort = controller();
    const s = sseReader(meetingEventStream({ meetingId: 304, lastEventId: 0, signal: abort.signal, heartbeatMs: 10 }));
    await s.until(() => s.messages.filter((x) => x.comment === 'heartbeat').length >= 3);
    abort.abort();
    await s.pump;
    const count = s.messages.length;
    await new Promise((r) => setTimeout(r, 40));
    expect(s.messages.length).toBe(count);
  });

  it('closes at the next heartbeat once the viewer is no longer allowed (signed out, deactivated)', async () => {
    const abort = controller();
    let allowed = true;
    const s = sseReader(
      meetingEventStream({
        meetingId: 306,
        lastEventId: 0,
        signal: abort.signal,
        heartbeatMs: 10,
        stillAllowed: async () => allowed,
      }),
    );
    await s.until(() => s.messages.filter((x) => x.comment === 'heartbeat').length >= 1);
    allowed = false;
    await s.pump;
    expect(s.isDone()).toBe(true);
  });

  it('an already aborted signal closes at once without subscribing', async () => {
    const pub = countingPublisher();
    const abort = controller();
    abort.abort();
    const s = sseReader(
      meetingEventStream({ meetingId: 305, lastEventId: 0, signal: abort.signal, publisher: pub.publisher }),
    );
    await s.pump;
    expect(s.isDone()).toBe(true);
    expect(pub.listeners()).toBe(0);
  });

  it('reader cancel also unsubscribes', async () => {
    const pub = countingPublisher();
    const abort = controller();
    const stream = meetingEventStream({
      meetingId: 306,
      lastEventId: 0,
      signal: abort.signal,
      publisher: pub.publisher,
    });
    expect(pub.listeners()).toBe(1);
    await stream.cancel();
    expect(pub.listeners()).toBe(0);
  });

  it('streams of one meeting share one subscription; a late joiner replays, then follows; the last to leave unsubscribes', async () => {
    const m = 307;
    const pub = countingPublisher();
    const first = controller();
    const a = sseReader(
      meetingEventStream({ meetingId: m, lastEventId: 0, signal: first.signal, publisher: pub.publisher }),
    );
    const e1 = await log(m, 'live.started');
    publisher.publish(meetingChannel(m), e1);
    await a.until(() => a.events().length === 1);

    const second = controller();
    const b = sseReader(
      meetingEventStream({ meetingId: m, lastEventId: 0, signal: second.signal, publisher: pub.publisher }),
    );
    expect(pub.listeners()).toBe(1);
    const e2 = await log(m, 'live.item_changed', { currentItemId: 3 });
    publisher.publish(meetingChannel(m), e2);
    await b.until(() => b.events().length === 2);
    await a.until(() => a.events().length === 2);
    expect(a.events().map((x) => x.id)).toEqual([e1, e2]);
    expect(b.events().map((x) => x.id)).toEqual([e1, e2]);

    first.abort();
    await a.pump;
    expect(pub.listeners()).toBe(1);
    const e3 = await log(m, 'live.paused');
    publisher.publish(meetingChannel(m), e3);
    await b.until(() => b.events().length === 3);
    second.abort();
    await b.pump;
    expect(pub.listeners()).toBe(0);
  });
});
