import 'server-only';
import { meetingChannel, type Publisher } from './publisher';
import { lastMeetingEventId, meetingEventsSince, projectForViewer, revealedItemsUpTo, VOTES_REVEALED } from './replay';

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

/**
 * Fans a meeting's new events out to all of its open streams. Why a hub: the projected event is
 * the same for every viewer (projectForViewer depends only on the event and on which items were
 * revealed), so on each wake-up the hub reads the new events once and formats them once, however
 * many people follow — instead of every stream querying the database for every event.
 *
 * Everything here is synchronous (better-sqlite3) and events are published right after their
 * transaction commits, so by the time a stream joins, the hub's cursor covers every committed event.
 */
export class MeetingHub {
  private readonly subscribers = new Set<Subscriber>();
  private cursor: number;
  private readonly revealed: Set<number>;
  private readonly unsubscribe: () => void;

  constructor(private readonly meetingId: number, publisher: Publisher, private readonly onEmpty: () => void) {
    this.cursor = lastMeetingEventId(meetingId);
    this.revealed = revealedItemsUpTo(meetingId, this.cursor);
    this.unsubscribe = publisher.subscribe(meetingChannel(meetingId), () => this.flush());
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
        const batch = meetingEventsSince(this.meetingId, this.cursor, BATCH);
        if (batch.length === 0) return;
        // As for a replay: reveals count up to the end of the batch sent with them.
        for (const e of batch) if (e.type === VOTES_REVEALED) this.revealed.add(Number((e.data as { itemId?: unknown })?.itemId));
        const messages = batch.map((e) => ({ id: e.id, text: formatMessage(e.id, JSON.stringify(projectForViewer(e, this.revealed))) }));
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
      console.warn(`The live stream of meeting ${this.meetingId} failed: ${(error as Error).message}`);
      for (const subscriber of [...this.subscribers]) subscriber.fail(error);
    }
  }
}

const hubs = new WeakMap<Publisher, Map<number, MeetingHub>>();

/** The meeting's hub on this publisher, created on first use and dropped when its last stream leaves. */
export function hubFor(publisher: Publisher, meetingId: number): MeetingHub {
  let byMeeting = hubs.get(publisher);
  if (!byMeeting) hubs.set(publisher, (byMeeting = new Map()));
  let hub = byMeeting.get(meetingId);
  if (!hub) {
    const map = byMeeting;
    hub = new MeetingHub(meetingId, publisher, () => map.delete(meetingId));
    byMeeting.set(meetingId, hub);
  }
  return hub;
}
