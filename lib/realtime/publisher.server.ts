import 'server-only';
/**
 * Tells live pages that a channel (e.g. one meeting) has new events. Only the event id travels:
 * the events themselves live in the `events` table, so a subscriber reads them from there (and a
 * reconnecting one from its Last-Event-ID). One process fans out in memory; several processes
 * would put PostgreSQL LISTEN/NOTIFY or Redis pub/sub behind this same interface.
 */
export interface Publisher {
  publish(channel: string, eventId: number): void;
  subscribe(channel: string, listener: (eventId: number) => void): () => void;
}

class InMemoryPublisher implements Publisher {
  private listeners = new Map<string, Set<(eventId: number) => void>>();

  publish(channel: string, eventId: number): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      try {
        listener(eventId);
      } catch (error) {
        console.warn(`A live listener on ${channel} failed: ${(error as Error).message}`);
      }
    }
  }

  subscribe(channel: string, listener: (eventId: number) => void): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(channel);
    };
  }
}

// On globalThis: Next bundles routes and actions separately, and they must share one publisher.
const slot = globalThis as unknown as { quorumPublisher?: Publisher };
export const publisher: Publisher = (slot.quorumPublisher ??= new InMemoryPublisher());

export const meetingChannel = (meetingId: number) => `meeting:${meetingId}`;
export const changeRequestChannel = (changeRequestId: number) => `change_request:${changeRequestId}`;
