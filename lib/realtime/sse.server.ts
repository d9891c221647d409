import 'server-only';
import type { PresenceTracker } from '@/lib/realtime/presence.server';
import { formatMessage, hubFor, type Subscriber } from './hub.server';
import { publisher as defaultPublisher, type Publisher } from './publisher.server';
import { type ProjectedEvent, type Subject } from './replay.server';

export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 2_000;

/**
 * Open streams, closed when the server is asked to stop: `next start` waits for open connections
 * before it exits, and a stream never ends by itself (its heartbeat keeps it alive), so without
 * this a SIGTERM would hang while anyone has a meeting open. Pages reconnect to the next server.
 */
const open = new Set<() => void>();
const slot = globalThis as unknown as { quorumStreamsOnStop?: boolean };
if (!slot.quorumStreamsOnStop) {
  slot.quorumStreamsOnStop = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      for (const close of [...open]) close();
    });
  }
}

/** One SSE message for an event (see formatMessage). */
export function formatEvent(event: ProjectedEvent): string {
  return formatMessage(event.id, JSON.stringify(event));
}

export type StreamOptions = {
  subject: Subject;
  lastEventId: number;
  signal: AbortSignal;
  heartbeatMs?: number;
  publisher?: Publisher;
  /** Re-checked at each heartbeat: when the viewer's session has ended, the stream closes. */
  stillAllowed?: () => Promise<boolean>;
  /** A meeting stream's place in the room: joined on open, refreshed each heartbeat, left on close. */
  presence?: PresenceTracker;
};

/**
 * A live event stream (a meeting's or a change request's): `retry:`, then every event after
 * lastEventId (the replay, read for this stream alone), then each new one as the subject's hub
 * fans it out. The published id is
 * only a wake-up: events are always read from the database by id after the last one sent, so
 * nothing is duplicated or skipped, whatever order or however often wake-ups arrive. Closes
 * (leaves the hub, stops the heartbeat) when `signal` aborts or the reader cancels.
 */
export function subjectEventStream(opts: StreamOptions): ReadableStream<Uint8Array> {
  const { subject, signal, heartbeatMs = HEARTBEAT_MS, publisher = defaultPublisher } = opts;
  const encoder = new TextEncoder();
  let closed = false;
  let leave: (() => void) | null = null;
  let heartbeat: Awaited<ReturnType<typeof setInterval>> | null = null;
  let onAbort: (() => void) | null = null;

  let close: (() => void) | null = null;
  const presenceFailed = (error: unknown) =>
    console.warn(`Presence on ${subject.type}:${subject.id} could not be saved: ${(error as Error).message}`);
  const cleanup = () => {
    if (closed) return;
    closed = true;
    if (opts.presence) void opts.presence.leave().catch(presenceFailed);
    if (close) open.delete(close);
    leave?.();
    leave = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    if (onAbort) signal.removeEventListener('abort', onAbort);
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      close = () => {
        const wasOpen = !closed;
        cleanup();
        if (wasOpen) {
          try {
            controller.close();
          } catch {
            /* already closed or errored */
          }
        }
      };
      const subscriber: Subscriber = {
        lastSent: opts.lastEventId,
        send: (text) => {
          if (!closed) controller.enqueue(encoder.encode(text));
        },
        fail: (error) => {
          cleanup();
          try {
            controller.error(error);
          } catch {
            /* already closed */
          }
        },
      };

      if (signal.aborted) {
        close();
        return;
      }
      onAbort = close;
      signal.addEventListener('abort', onAbort, { once: true });
      open.add(close);
      subscriber.send(`retry: ${RETRY_MS}\n\n`);

      // The hub replays what this stream has not had, then fans out what comes next.
      const hub = hubFor(publisher, subject);
      hub.join(subscriber);
      leave = () => hub.leave(subscriber);
      // Joined after the hub has queued this stream's replay, so the room it announces reaches this stream too.
      if (opts.presence) void opts.presence.join().catch(presenceFailed);
      heartbeat = setInterval(() => {
        void (async () => {
          // A database that cannot answer now is not a reason to drop the viewer: check again next beat.
          const allowed = opts.stillAllowed ? await opts.stillAllowed().catch(() => true) : true;
          if (!allowed) return close?.();
          subscriber.send(': heartbeat\n\n');
          if (opts.presence) {
            await opts.presence.beat().catch(presenceFailed);
            hub.requestPresence(false, heartbeatMs / 2);
          }
        })();
      }, heartbeatMs);
    },
    cancel() {
      cleanup();
    },
  });
}

/** A meeting's live stream (see subjectEventStream). */
export function meetingEventStream(
  opts: Omit<StreamOptions, 'subject'> & { meetingId: number },
): ReadableStream<Uint8Array> {
  const { meetingId, ...rest } = opts;
  return subjectEventStream({ ...rest, subject: { type: 'meeting', id: meetingId } });
}
