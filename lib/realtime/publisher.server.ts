import 'server-only';
import { dialect } from '@/db/client';
import { PostgresPublisher } from './postgres-publisher.server';
import type { Publisher } from './publisher';
export type { Publisher };

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
// On PostgreSQL every process may serve a live page, so a change made on one must wake the others:
// LISTEN/NOTIFY carries the event id between them. On SQLite there is one process: memory is enough.
const slot = globalThis as unknown as { quorumPublisher?: Publisher };
export const publisher: Publisher = (slot.quorumPublisher ??=
  dialect === 'postgres' ? new PostgresPublisher(process.env.DATABASE_URL!) : new InMemoryPublisher());

export const meetingChannel = (meetingId: number) => `meeting:${meetingId}`;
export const changeRequestChannel = (changeRequestId: number) => `change_request:${changeRequestId}`;
export const cycleMapChannel = (cycleId: number) => `cycle_map:${cycleId}`;
