'use client';
import { useEffect, useRef, useState } from 'react';

export type Connection = 'connecting' | 'live' | 'reconnecting';

const RECREATE_MS = 3000;

type Handlers = {
  /** The last event id the page shows: a (re)opened stream resumes after it. */
  resumeFrom: () => number;
  onEvent: (id: number, data: string) => void;
  /** After a drop, catch up at once rather than wait for the next event. */
  onReconnected: () => void;
};

/**
 * One EventSource on a live stream route (lib/realtime/route.server.ts), for the page's lifetime. The
 * browser retries by itself unless the server answered with an error (e.g. while it restarts):
 * then the source is closed for good and a new one is opened, from what the page shows. The
 * handlers may change on every render; the stream is opened once per `path`.
 */
export function useEventStream(path: string, handlers: Handlers): Connection {
  const [connection, setConnection] = useState<Connection>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: Awaited<ReturnType<typeof setTimeout>> | undefined;
    let dropped = false;
    const open = () => {
      source = new EventSource(`${path}?lastEventId=${latest.current.resumeFrom()}`);
      source.onopen = () => {
        setConnection('live');
        if (dropped) latest.current.onReconnected();
        dropped = false;
      };
      source.onmessage = (message) => latest.current.onEvent(Number(message.lastEventId), message.data);
      source.onerror = () => {
        dropped = true;
        setConnection('reconnecting');
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(open, RECREATE_MS);
        }
      };
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [path]);

  return connection;
}
