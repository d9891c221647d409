/**
 * Tells live pages that a channel (e.g. one meeting) has new events. Only the event id travels:
 * the events themselves live in the `events` table, so a subscriber reads them from there (and a
 * reconnecting one from its Last-Event-ID). One process fans out in memory; several processes on
 * PostgreSQL use LISTEN/NOTIFY behind this same interface (postgres-publisher.server.ts).
 */
export interface Publisher {
  publish(channel: string, eventId: number): void;
  subscribe(channel: string, listener: (eventId: number) => void): () => void;
}
