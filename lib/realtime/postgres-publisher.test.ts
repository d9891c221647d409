import net from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PostgresPublisher, type ListenState } from './postgres-publisher.server';

/**
 * Two PostgresPublisher instances on one database stand for two server processes. Needs a real
 * PostgreSQL: set QUORUM_TEST_PG_URL (e.g. postgres://quorum@127.0.0.1:5432/postgres); skipped otherwise.
 */
const url = process.env.QUORUM_TEST_PG_URL;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WAIT = { timeout: 10_000, interval: 20 };

/** Records what a channel's listener is given; `stop` unsubscribes it. */
function recorder(publisher: PostgresPublisher, channel: string) {
  const got: number[] = [];
  const stop = publisher.subscribe(channel, (eventId) => got.push(eventId));
  return { got, stop };
}

/**
 * A TCP relay in front of the database that can be "cut": while cut it drops its open connections
 * and resets every new one at once, as when the database (or the network to it) goes away.
 */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let cut = false;
  let attempts = 0;
  const server = net.createServer((socket) => {
    attempts++;
    if (cut) return socket.resetAndDestroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(target);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as net.AddressInfo).port);
  return {
    url: relayed.toString(),
    attempts: () => attempts,
    cut() {
      cut = true;
      for (const s of sockets) s.resetAndDestroy();
    },
    restore: () => void (cut = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!url)('PostgresPublisher (LISTEN/NOTIFY across processes)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    vi.restoreAllMocks();
  });

  /** A publisher ("process") that is already listening, closed after the test. */
  async function listening(connectionString = url!) {
    const publisher = new PostgresPublisher(connectionString);
    cleanups.push(() => publisher.close());
    await vi.waitFor(() => expect(publisher.isConnected()).toBe(true), WAIT);
    return publisher;
  }

  it('a publish in one process reaches the listeners of both processes, exactly once each', async () => {
    const [a, b] = await Promise.all([listening(), listening()]);
    const onA = recorder(a, 'meeting:1');
    const onB = recorder(b, 'meeting:1');
    a.publish('meeting:1', 11);
    b.publish('meeting:1', 12);
    await vi.waitFor(() => {
      expect([...onA.got].sort()).toEqual([11, 12]);
      expect([...onB.got].sort()).toEqual([11, 12]);
    }, WAIT);
    // Nothing more comes: the publisher's own process hears it only through its LISTEN.
    await sleep(200);
    expect(onA.got).toHaveLength(2);
    expect(onB.got).toHaveLength(2);
  });

  it('an unsubscribed listener hears nothing more; others on the channel still do', async () => {
    const [a, b] = await Promise.all([listening(), listening()]);
    const staying = recorder(b, 'meeting:2');
    const leaving = recorder(b, 'meeting:2');
    a.publish('meeting:2', 21);
    await vi.waitFor(() => expect(leaving.got).toEqual([21]), WAIT);
    leaving.stop();
    a.publish('meeting:2', 22);
    // Both hear the same notification at once, so when one has it the other would have too.
    await vi.waitFor(() => expect(staying.got).toEqual([21, 22]), WAIT);
    expect(leaving.got).toEqual([21]);
  });

  it('keeps channels apart, including a channel holding the separator', async () => {
    const [a, b] = await Promise.all([listening(), listening()]);
    const meeting = recorder(b, 'meeting:3');
    const changeRequest = recorder(b, 'change_request:3');
    const longer = recorder(b, 'meeting:33');
    const odd = recorder(b, 'odd|3');
    a.publish('meeting:3', 31);
    a.publish('odd|3', 32);
    await vi.waitFor(() => expect([meeting.got, odd.got]).toEqual([[31], [32]]), WAIT);
    await sleep(100);
    expect(changeRequest.got).toEqual([]);
    expect(longer.got).toEqual([]);
  });

  it('wakes listeners that subscribed before its first LISTEN was in place', async () => {
    const publisher = new PostgresPublisher(url!);
    cleanups.push(() => publisher.close());
    const early = recorder(publisher, 'meeting:4');
    expect(publisher.isConnected()).toBe(false);
    await vi.waitFor(() => expect(early.got).toEqual([0]), WAIT);
    expect(publisher.isConnected()).toBe(true);
  });

  it('when its LISTEN connection is killed it reconnects, wakes every listener once, and hears publishes again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [a, b] = await Promise.all([listening(), listening()]);
    const states: ListenState[] = [];
    b.onStateChange((state) => states.push(state));
    const meeting = recorder(b, 'meeting:5');
    const changeRequest = recorder(b, 'change_request:5');
    const unaffected = recorder(a, 'meeting:5');

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanups.push(() => admin.end());
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [b.applicationName],
    );
    expect(killed.rowCount).toBe(1);

    await vi.waitFor(() => expect(states).toEqual(['reconnecting', 'connected']), WAIT);
    expect(b.isConnected()).toBe(true);
    expect(meeting.got).toEqual([0]);
    expect(changeRequest.got).toEqual([0]);
    expect(unaffected.got).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/lost their database connection/));

    a.publish('meeting:5', 51);
    await vi.waitFor(() => expect(meeting.got).toEqual([0, 51]), WAIT);
    await vi.waitFor(() => expect(unaffected.got).toEqual([51]), WAIT);
  });

  it('while the database is away it retries with a growing pause, then wakes its listeners to catch up', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const relay = await startRelay(new URL(url!));
    cleanups.push(relay.close);
    const a = await listening();
    const b = await listening(relay.url);
    const onA = recorder(a, 'meeting:6');
    const onB = recorder(b, 'meeting:6');

    relay.cut();
    await vi.waitFor(() => expect(b.isConnected()).toBe(false), WAIT);
    const before = relay.attempts();
    // Published while b cannot hear it: b gets no notification for it, only the wake-up below.
    a.publish('meeting:6', 61);
    await vi.waitFor(() => expect(onA.got).toEqual([61]), WAIT);
    await sleep(1_200);
    // Pauses of 100, 200, 400, 800 ms: three or four tries in 1.2 s, not one per event-loop turn.
    const tries = relay.attempts() - before;
    expect(tries).toBeGreaterThanOrEqual(2);
    expect(tries).toBeLessThanOrEqual(5);
    expect(onB.got).toEqual([]);

    relay.restore();
    await vi.waitFor(() => expect(b.isConnected()).toBe(true), WAIT);
    expect(onB.got).toEqual([0]);
    a.publish('meeting:6', 62);
    await vi.waitFor(() => expect(onB.got).toEqual([0, 62]), WAIT);
  });

  it('a publish never throws into its caller, even with no database: it logs a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const relay = await startRelay(new URL(url!));
    cleanups.push(relay.close);
    relay.cut();
    const publisher = new PostgresPublisher(relay.url);
    cleanups.push(() => publisher.close());
    expect(() => publisher.publish('meeting:7', 71)).not.toThrow();
    await vi.waitFor(
      () => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Could not announce event 71 on meeting:7/)),
      WAIT,
    );
    expect(publisher.isConnected()).toBe(false);

    // Once closed it stops retrying.
    await publisher.close();
    const after = relay.attempts();
    await sleep(500);
    expect(relay.attempts()).toBe(after);
  });
});
