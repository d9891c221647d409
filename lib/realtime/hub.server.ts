import 'server-only';
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
 * Everything here is synchronous (better-sqlite3) and events are published right after their
 * transaction commits, so by the time a stream joins, the hub's cursor covers every committed event.
 */
export class SubjectHub {
  private readonly subscribers = new Set<Subscriber>();
  private cursor: number;
  private readonly revealed: Set<number>;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly subject: Subject,
    publisher: Publisher,
    private readonly onEmpty: () => void,
  ) {
    this.cursor = lastEventIdOf(subject);
    this.revealed = revealedUpTo(subject, this.cursor);
    this.unsubscribe = publisher.subscribe(channelOf(subject), () => this.flush());
  }

  join(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
  }

  leave(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) {
      this.unsubscribe();
      this.onEmpty();
    }
  }

  /** Reads what is new since the cursor and sends it to every subscriber that has not had it. */
  private flush(): void {
    try {
      for (;;) {
        const batch = eventsSince(this.subject, this.cursor, BATCH);
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
