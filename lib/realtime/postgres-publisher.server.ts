import 'server-only';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Publisher } from './publisher';

/**
 * The publisher for several server processes on one PostgreSQL database: a publish in any process
 * becomes a NOTIFY, and every process (the publishing one included) LISTENs and hands it to its own
 * local listeners. Only `<channel>|<eventId>` travels; the events themselves are read from the
 * `events` table, so a lost notification costs nothing but a wake-up — see `wakeEveryone`.
 */

/** The one PostgreSQL channel every process listens on; the app's channel travels in the payload. */
export const NOTIFY_CHANNEL = 'quorum_events';

export type ListenState = 'connected' | 'reconnecting';
type Listener = (eventId: number) => void;

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Not connected until the first LISTEN is in place (isConnected() is false, no state change yet);
 * after that `reconnecting` while the LISTEN connection is lost and being retried, `connected` when
 * it is back. eventId 0 wakes a listener without naming an event: "read what is new after your cursor".
 */
export class PostgresPublisher implements Publisher {
  /** Shown in pg_stat_activity, so an operator (or a test) can tell which backend listens for whom. */
  readonly applicationName: string;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly stateListeners = new Set<(state: ListenState) => void>();
  private readonly pool: pg.Pool;
  private listenClient: pg.Client | null = null;
  private connected = false;
  private closed = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    options: { applicationName?: string } = {},
  ) {
    this.applicationName = options.applicationName ?? `quorum-listen-${process.pid}-${randomBytes(4).toString('hex')}`;
    // Two connections are plenty: a NOTIFY is one tiny statement, and publishing must never take
    // connections away from the queries the data layer runs on its own pool.
    this.pool = new pg.Pool({
      connectionString,
      max: 2,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'quorum-notify',
    });
    // An idle pooled connection that the server drops emits 'error'; unhandled, that would end the process.
    this.pool.on('error', (error) => console.warn(`A live-update publishing connection failed: ${error.message}`));
    this.startListening();
  }

  /**
   * Called right after a transaction commits, so the change is already saved: a failure here must
   * not reach the caller. Listeners in this process hear it through their own LISTEN like everyone
   * else's, never directly, so each notification is delivered exactly once.
   */
  publish(channel: string, eventId: number): void {
    if (!this.closed) void this.notify(channel, eventId);
  }

  subscribe(channel: string, listener: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) this.listeners.delete(channel);
    };
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** Tells `callback` each time the LISTEN connection is lost or back; returns the way to stop. */
  onStateChange(callback: (state: ListenState) => void): () => void {
    this.stateListeners.add(callback);
    return () => this.stateListeners.delete(callback);
  }

  /** Stops listening and retrying and closes every connection (tests, shutdown). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.listenClient;
    this.listenClient = null;
    this.connected = false;
    this.listeners.clear();
    this.stateListeners.clear();
    await Promise.allSettled([client?.end(), this.pool.end()]);
  }

  private async notify(channel: string, eventId: number): Promise<void> {
    try {
      // Awaited inside the try: pg throws some errors at once (a malformed URL) and rejects others.
      await this.pool.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', $1)`, [`${channel}|${eventId}`]);
    } catch (error) {
      console.warn(`Could not announce event ${eventId} on ${channel}: ${(error as Error).message}`);
    }
  }

  private startListening(): void {
    // Connection failures are handled inside; this is for what cannot be retried (a malformed URL).
    this.listen().catch((error: Error) => console.warn(`Live updates cannot listen: ${error.message}`));
  }

  /** Opens a fresh LISTEN connection; any failure, now or later, goes through `lost`. */
  private async listen(): Promise<void> {
    this.retryTimer = null;
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: this.applicationName,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // A dropped network without a reset would otherwise leave us "listening" to nothing for hours.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    this.listenClient = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNEL && client === this.listenClient) this.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (client !== this.listenClient) return; // lost (or closed) while connecting
    this.retryMs = FIRST_RETRY_MS;
    this.setConnected(true);
    // Whatever was notified while we were not listening (also before the very first LISTEN, when
    // early subscribers already exist) never reaches us: have everyone re-read after their cursor.
    this.wakeEveryone();
  }

  /** The LISTEN connection failed or ended: drop it and try again after a growing pause. */
  private lost(client: pg.Client, error?: Error): void {
    if (client !== this.listenClient) return; // an old connection's late event
    this.listenClient = null;
    client.removeAllListeners();
    client.on('error', () => {}); // it may still report its end; it is no longer ours
    client.end().catch(() => {});
    if (this.closed) return;
    // Once per outage (its first failure says why), not at every retry while the database is away.
    if (this.connected || this.retryMs === FIRST_RETRY_MS)
      console.warn(`Live updates lost their database connection${error ? ` (${error.message})` : ''}; retrying.`);
    this.setConnected(false);
    this.retryTimer = setTimeout(() => this.startListening(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private receive(payload: string | undefined): void {
    // The app's channel may itself hold a `|`; the event id is what follows the last one.
    const cut = payload?.lastIndexOf('|') ?? -1;
    const eventId = cut < 0 ? NaN : Number(payload!.slice(cut + 1));
    if (!payload || !Number.isSafeInteger(eventId)) {
      console.warn(`Ignored a malformed live-update notification: ${JSON.stringify(payload)}`);
      return;
    }
    this.deliver(payload.slice(0, cut), eventId);
  }

  private wakeEveryone(): void {
    for (const channel of [...this.listeners.keys()]) this.deliver(channel, 0);
  }

  private deliver(channel: string, eventId: number): void {
    // A copy: a listener may unsubscribe itself (or another) while we go through them.
    for (const listener of [...(this.listeners.get(channel) ?? [])]) {
      try {
        listener(eventId);
      } catch (error) {
        console.warn(`A live listener on ${channel} failed: ${(error as Error).message}`);
      }
    }
  }

  private setConnected(connected: boolean): void {
    if (connected === this.connected) return;
    this.connected = connected;
    const state: ListenState = connected ? 'connected' : 'reconnecting';
    for (const callback of [...this.stateListeners]) {
      try {
        callback(state);
      } catch (error) {
        console.warn(`A live-update state listener failed: ${(error as Error).message}`);
      }
    }
  }
}
