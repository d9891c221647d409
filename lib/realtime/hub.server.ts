import 'server-only';
import { presenceChannel, presenceNotice } from '@/lib/realtime/presence.server';
import type { Publisher } from './publisher.server';
import {
  eventsSince,
  lastEventIdOf,
  projectForViewer,
  revealedUpTo,
  VOTES_REVEALED,
  type Subject,
} from './replay.server';

export const BATCH = 500;

/** One open stream, as the hub sees it: the last event id it was sent, and how to send more. */
export type Subscriber = { lastSent: number; send: (text: string) => void; fail: (error: unknown) => void };

/**
 * One SSE message: the event id as `id:` so a reconnect resumes from it (Last-Event-ID). No
 * `event:` line: the type travels in the data, so a page needs one `onmessage` for every kind.
 */
export function formatMessage(id: number, json: string): string {
  return `id: ${id}\ndata: ${json}\n\n`;
}

/** The publisher channel of a subject: `meeting:<id>` (meetingChannel) or `change_request:<id>`. */
export const channelOf = (subject: Subject) => `${subject.type}:${subject.id}`;

/**
 * Fans a subject's (a meeting's) new events out to all of its open streams. Why a hub: the projected event is
 * the same for every viewer (projectForViewer depends only on the event and on which items were
 * revealed), so on each wake-up the hub reads the new events once and formats them once, however
 * many people follow — instead of every stream querying the database for every event.
 *
 * Reads are asynchronous, so the hub runs its work one task at a time: reading its starting cursor,
 * each wake-up's flush, and each joining stream's replay. A stream's replay (everything after its
 * Last-Event-ID up to the hub's cursor) therefore never interleaves with a flush, and once it has
 * joined, every later flush covers what came after: nothing is skipped or sent twice.
 */
export class SubjectHub {
  private readonly subscribers = new Set<Subscriber>();
  private cursor = 0;
  private revealed = new Set<number>();
  private queue: Promise<void> = Promise.resolve();
  private flushQueued = false;
  private readonly joining = new Set<Subscriber>();
  private readonly unsubscribe: () => void;
  private presenceQueued = false;
  private lastPresence = '';
  private presenceCheckedAt = 0;

  constructor(
    private readonly subject: Subject,
    publisher: Publisher,
    private readonly onEmpty: () => void,
  ) {
    const offEvents = publisher.subscribe(channelOf(subject), () => this.requestFlush());
    // A meeting's room: who is connected changes without an event in the log (see presence.server.ts).
    const offPresence =
      subject.type === 'meeting'
        ? publisher.subscribe(presenceChannel(subject.id), () => this.requestPresence(true))
        : () => {};
    this.unsubscribe = () => {
      offEvents();
      offPresence();
    };
    this.enqueue(async () => {
      this.cursor = await lastEventIdOf(subject);
      this.revealed = await revealedUpTo(subject, this.cursor);
    });
  }

  /** Replays what the stream has not had up to the hub's cursor, then adds it to the fan-out. */
  join(subscriber: Subscriber): void {
    this.joining.add(subscriber);
    this.enqueue(async () => {
      if (!this.joining.has(subscriber)) return; // it left before its turn
      try {
        await replay(this.subject, subscriber, this.cursor);
        if (this.joining.delete(subscriber)) this.subscribers.add(subscriber);
      } catch (error) {
        this.joining.delete(subscriber);
        subscriber.fail(error);
      }
    });
  }

  leave(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    this.joining.delete(subscriber);
    if (this.subscribers.size === 0 && this.joining.size === 0) {
      this.unsubscribe();
      this.onEmpty();
    }
  }

  /** A wake-up: one flush is enough for any number of wake-ups that arrive before it starts. */
  private requestFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    this.enqueue(async () => {
      this.flushQueued = false;
      await this.flush();
    });
  }

  /**
   * Sends the meeting's room to every open stream: always after an announced change, and after a
   * heartbeat (at most once per `minGapMs`) only when the room differs from what was last sent —
   * which is how a connection whose process died without saying so drops out of the room.
   */
  requestPresence(announced: boolean, minGapMs = 0): void {
    if (this.subject.type !== 'meeting' || this.presenceQueued) return;
    if (!announced && Date.now() - this.presenceCheckedAt < minGapMs) return;
    this.presenceQueued = true;
    this.enqueue(async () => {
      this.presenceQueued = false;
      this.presenceCheckedAt = Date.now();
      const json = JSON.stringify(await presenceNotice(this.subject.id));
      if (!announced && json === this.lastPresence) return;
      this.lastPresence = json;
      // No `id:` line: the page's Last-Event-ID stays the last event of the log.
      for (const subscriber of this.subscribers) subscriber.send(`data: ${json}\n\n`);
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      console.warn(`The live stream of ${channelOf(this.subject)} failed: ${(error as Error).message}`);
    });
  }

  /** Reads what is new since the cursor and sends it to every subscriber that has not had it. */
  private async flush(): Promise<void> {
    try {
      for (;;) {
        const batch = await eventsSince(this.subject, this.cursor, BATCH);
        if (batch.length === 0) return;
        // As for a replay: reveals count up to the end of the batch sent with them.
        for (const e of batch)
          if (e.type === VOTES_REVEALED) this.revealed.add(Number((e.data as { itemId?: unknown })?.itemId));
        const messages = batch.map((e) => ({
          id: e.id,
          text: formatMessage(e.id, JSON.stringify(projectForViewer(e, this.revealed))),
        }));
        this.cursor = batch[batch.length - 1].id;
        for (const subscriber of this.subscribers) {
          for (const m of messages) {
            if (m.id <= subscriber.lastSent) continue;
            subscriber.send(m.text);
            subscriber.lastSent = m.id;
          }
        }
        if (batch.length < BATCH) return;
      }
    } catch (error) {
      console.warn(`The live stream of ${channelOf(this.subject)} failed: ${(error as Error).message}`);
      for (const subscriber of [...this.subscribers]) subscriber.fail(error);
    }
  }
}

/** Sends one stream the events after its lastSent up to `upTo`, each batch with the reveals up to its end. */
async function replay(subject: Subject, subscriber: Subscriber, upTo: number): Promise<void> {
  while (subscriber.lastSent < upTo) {
    const batch = (await eventsSince(subject, subscriber.lastSent, BATCH)).filter((e) => e.id <= upTo);
    if (batch.length === 0) return;
    const revealed = await revealedUpTo(subject, batch[batch.length - 1].id);
    for (const event of batch) {
      subscriber.send(formatMessage(event.id, JSON.stringify(projectForViewer(event, revealed))));
      subscriber.lastSent = event.id;
    }
  }
}

const hubs = new WeakMap<Publisher, Map<string, SubjectHub>>();

/** The subject's hub on this publisher, created on first use and dropped when its last stream leaves. */
export function hubFor(publisher: Publisher, subject: Subject): SubjectHub {
  let byChannel = hubs.get(publisher);
  if (!byChannel) hubs.set(publisher, (byChannel = new Map()));
  const key = channelOf(subject);
  let hub = byChannel.get(key);
  if (!hub) {
    const map = byChannel;
    hub = new SubjectHub(subject, publisher, () => map.delete(key));
    byChannel.set(key, hub);
  }
  return hub;
}
