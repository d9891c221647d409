import 'server-only';
import { meetingChannel, publisher as defaultPublisher, type Publisher } from './publisher';
import { meetingEventsSince, projectForViewer, revealedItemsUpTo, type ProjectedEvent } from './replay';

export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 2_000;
const BATCH = 500;

/**
 * One SSE message: the event id as `id:` so a reconnect resumes from it (Last-Event-ID). No
 * `event:` line: the type travels in the data, so a page needs one `onmessage` for every kind.
 */
export function formatEvent(event: ProjectedEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
}

export type MeetingStreamOptions = {
  meetingId: number;
  lastEventId: number;
  signal: AbortSignal;
  heartbeatMs?: number;
  publisher?: Publisher;
};

/**
 * A meeting's live event stream: `retry:`, then every event after lastEventId, then each new one
 * as the publisher announces it. The published id is only a wake-up: events are always read from
 * the database by id after the last one sent, so nothing is duplicated or skipped, whatever order
 * or however often wake-ups arrive. Closes (unsubscribes, stops the heartbeat) when `signal` aborts.
 */
export function meetingEventStream(opts: MeetingStreamOptions): ReadableStream<Uint8Array> {
  const { meetingId, signal, heartbeatMs = HEARTBEAT_MS, publisher = defaultPublisher } = opts;
  const encoder = new TextEncoder();
  let lastSent = opts.lastEventId;
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let onAbort: (() => void) | null = null;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    unsubscribe = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    if (onAbort) signal.removeEventListener('abort', onAbort);
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        const wasOpen = !closed;
        cleanup();
        if (wasOpen) {
          try { controller.close(); } catch { /* already closed or errored */ }
        }
      };

      // Synchronous (better-sqlite3), so two wake-ups never interleave: each sends what is new.
      const flush = () => {
        try {
          while (!closed) {
            const batch = meetingEventsSince(meetingId, lastSent, BATCH);
            if (batch.length === 0) return;
            // Reveals are counted up to the last event of this batch, which is sent with it.
            const revealed = revealedItemsUpTo(meetingId, batch[batch.length - 1].id);
            for (const event of batch) {
              send(formatEvent(projectForViewer(event, revealed)));
              lastSent = event.id;
            }
            if (batch.length < BATCH) return;
          }
        } catch (error) {
          console.warn(`The live stream of meeting ${meetingId} failed: ${(error as Error).message}`);
          cleanup();
          try { controller.error(error); } catch { /* already closed */ }
        }
      };

      if (signal.aborted) {
        close();
        return;
      }
      onAbort = close;
      signal.addEventListener('abort', onAbort, { once: true });

      send(`retry: ${RETRY_MS}\n\n`);
      // Subscribe before the replay: an event committed during it wakes a flush that finds it.
      unsubscribe = publisher.subscribe(meetingChannel(meetingId), () => flush());
      flush();
      heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
    },
    cancel() {
      cleanup();
    },
  });
}
