import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { eq } from 'drizzle-orm';
import { outbox, type OutboxRow } from '@/db/schema';
import { db, execute } from '@/lib/testing/db';
import { createMailer, processOutboxOnce, startOutboxWorker, stopOutboxWorker, STALE_CLAIM_MS } from './worker.server';
import { wakeOutboxWorker } from './wake.server';
import { first } from '@/db/rows';

/**
 * A real SMTP server on loopback (the `smtp-server` package), and nodemailer pointed at it exactly
 * as the running app does: no mock of either side.
 */
type Inbox = {
  port: number;
  received: { to: string[]; mail: ParsedMail }[];
  rcptTries: string[];
  openConnections: () => number;
  close: () => Promise<void>;
};

async function startSmtp(
  opts: { port?: number; refuse?: (address: string) => { code: number; message: string } | null } = {},
): Promise<Inbox> {
  const received: Inbox['received'] = [];
  const rcptTries: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      rcptTries.push(address.address);
      const refusal = opts.refuse?.(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    rcptTries,
    openConnections: () => (server as unknown as { connections: Set<unknown> }).connections.size,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const NOW = Date.UTC(2027, 0, 10, 9, 0, 0);

// The started worker reads SMTP_URL through env(), which caches on first use: set it before any test runs.
let appSmtp: Inbox;
beforeAll(async () => {
  appSmtp = await startSmtp();
  process.env.SMTP_URL = `smtp://localhost:${appSmtp.port}`;
});
afterAll(async () => {
  stopOutboxWorker();
  await appSmtp.close();
});
let mailers: { close: () => void }[] = [];
let servers: Inbox[] = [];

beforeEach(async () => {
  await execute('delete from outbox');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  // Mailers first: a server waits for its open (pooled) connections before it closes.
  for (const m of mailers) m.close();
  for (const s of servers) await s.close();
  mailers = [];
  servers = [];
  vi.restoreAllMocks();
});

async function server(opts: Parameters<typeof startSmtp>[0] = {}) {
  const inbox = await startSmtp(opts);
  servers.push(inbox);
  return inbox;
}
function mailerFor(port: number, host = '127.0.0.1') {
  const mailer = createMailer(`smtp://${host}:${port}`);
  mailers.push(mailer);
  return mailer;
}

async function queue(to: string, over: Partial<typeof outbox.$inferInsert> = {}): Promise<number> {
  return (
    await db
      .insert(outbox)
      .values({
        toAddress: to,
        subject: `[Quorum · 2027-Q1] Hello ${to}`,
        text: `Hi ${to}`,
        html: `<p>Hi ${to}</p>`,
        nextAttemptAt: NOW,
        createdAt: new Date(NOW).toISOString(),
        ...over,
      })
      .returning()
  )[0].id;
}
const row = async (id: number): Promise<OutboxRow> => first(await db.select().from(outbox).where(eq(outbox.id, id)))!;

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Quorum//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:m1@quorum',
  'DTSTAMP:20270110T090000Z',
  'DTSTART:20270117T090000Z',
  'SUMMARY:Prioritisation meeting',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('processOutboxOnce', () => {
  it('delivers due mail with text, HTML and the invitation, marks it sent, and never sends it again', async () => {
    const smtp = await server();
    const { send } = mailerFor(smtp.port, 'localhost'); // the configured URL names localhost, the server listens on 127.0.0.1
    const id = await queue('leader@example.test', { ics: ICS });
    const later = await queue('later@example.test', { nextAttemptAt: NOW + 60000 });

    expect(await processOutboxOnce(send, NOW)).toMatchObject({ seen: 1, sent: 1, retrying: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, claimedAt: null, lastError: null });
    expect(Date.parse((await row(id)).sentAt!)).toBeGreaterThanOrEqual(NOW);
    expect((await row(later)).status).toBe('pending');

    expect(smtp.received).toHaveLength(1);
    const { to, mail } = smtp.received[0];
    expect(to).toEqual(['leader@example.test']);
    expect(mail.from?.value).toEqual([{ name: 'Quorum', address: 'quorum@localhost' }]);
    expect(mail.subject).toBe('[Quorum · 2027-Q1] Hello leader@example.test');
    expect(mail.text?.trim()).toBe('Hi leader@example.test');
    expect(mail.html).toContain('<p>Hi leader@example.test</p>');
    const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendar?.content.toString()).toContain('SUMMARY:Prioritisation meeting');
    expect(calendar?.headers.get('content-type')).toMatchObject({ params: { method: 'REQUEST' } });

    await processOutboxOnce(send, NOW + 10_000);
    expect(smtp.received).toHaveLength(1);
  });

  it('marks a refused recipient (550) failed with the server’s reason, and does not retry it', async () => {
    const smtp = await server({
      refuse: (a) => (a.startsWith('gone@') ? { code: 550, message: 'No such user here' } : null),
    });
    const { send } = mailerFor(smtp.port);
    const gone = await queue('gone@example.test');
    const fine = await queue('fine@example.test');

    expect(await processOutboxOnce(send, NOW)).toMatchObject({ sent: 1, failed: 1 });
    expect(await row(gone)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(gone)).lastError).toMatch(/^550\b.*No such user here/);
    expect((await row(fine)).status).toBe('sent');

    await processOutboxOnce(send, NOW + 24 * 3600_000);
    expect(smtp.rcptTries.filter((a) => a === 'gone@example.test')).toHaveLength(1);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['fine@example.test']);
  });

  it('keeps a temporarily refused mail (451) pending, with one attempt and a later next try', async () => {
    const smtp = await server({ refuse: () => ({ code: 451, message: 'Greylisted, try again later' }) });
    const { send } = mailerFor(smtp.port);
    const id = await queue('grey@example.test');

    expect(await processOutboxOnce(send, NOW)).toMatchObject({ sent: 0, retrying: 1 });
    const after = await row(id);
    expect(after).toMatchObject({ status: 'pending', attempts: 1, claimedAt: null });
    expect(after.lastError).toMatch(/^451\b.*Greylisted/);
    expect(after.nextAttemptAt).toBeGreaterThanOrEqual(NOW + 1_600);
    expect(after.nextAttemptAt).toBeLessThan(NOW + 60_000);

    await processOutboxOnce(send, NOW + 500); // not due yet: no second try
    expect(smtp.rcptTries).toHaveLength(1);
  });

  it('waits while the server is down and delivers exactly once when it is back', async () => {
    const first = await startSmtp();
    const port = first.port;
    await first.close();
    const { send } = mailerFor(port);
    const id = await queue('patient@example.test');

    expect(await processOutboxOnce(send, NOW)).toMatchObject({ sent: 0, retrying: 1 });
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await row(id)).lastError).toMatch(/ECONNREFUSED/);
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[outbox\] 1 e-mail\(s\) not sent: .*ECONNREFUSED/),
    );

    const back = await server({ port });
    await processOutboxOnce(send, NOW + 600_000);
    await processOutboxOnce(send, NOW + 1_200_000);
    expect(back.received).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('recovers a mail left "sending" by a crashed server, and leaves a recent claim alone', async () => {
    const smtp = await server();
    const { send } = mailerFor(smtp.port);
    const stale = await queue('stale@example.test', { status: 'sending', claimedAt: NOW - STALE_CLAIM_MS - 1 });
    const fresh = await queue('fresh@example.test', { status: 'sending', claimedAt: NOW - 10000 });

    expect(await processOutboxOnce(send, NOW)).toMatchObject({ recovered: 1, sent: 1 });
    expect(await row(stale)).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await row(stale)).lastError).toMatch(/may arrive twice/);
    expect(await row(fresh)).toMatchObject({ status: 'sending', attempts: 0 });
    expect(smtp.received.map((m) => m.to[0])).toEqual(['stale@example.test']);
  });

  it('sends each mail once even when two passes run at the same time', async () => {
    const smtp = await server();
    const { send } = mailerFor(smtp.port);
    for (let i = 0; i < 12; i++) await queue(`p${i}@example.test`);
    const [a, b] = await Promise.all([processOutboxOnce(send, NOW), processOutboxOnce(send, NOW)]);
    expect(a.sent + b.sent).toBe(12);
    expect(smtp.received).toHaveLength(12);
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(12);
  });

  it('sends 60 mails in one pass, quickly', async () => {
    const smtp = await server();
    const { send } = mailerFor(smtp.port);
    for (let i = 0; i < 60; i++) await queue(`a${i}@example.test`);
    const started = performance.now();
    expect(await processOutboxOnce(send, NOW)).toMatchObject({ sent: 60 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(smtp.received).toHaveLength(60);
  });
});

describe('startOutboxWorker', () => {
  it('sends as soon as it is woken, leaving no connection open; starting twice is harmless', async () => {
    // A poll far longer than the test: only the wake can send the first mail.
    startOutboxWorker({ pollMs: 60_000 });
    startOutboxWorker();
    try {
      await queue('woken@example.test', { nextAttemptAt: Date.now() });
      wakeOutboxWorker();
      await vi.waitFor(() => expect(appSmtp.received.map((m) => m.to[0])).toEqual(['woken@example.test']), {
        timeout: 5_000,
        interval: 20,
      });
      const polled = await queue('polled@example.test', { nextAttemptAt: Date.now() });
      wakeOutboxWorker();
      await vi.waitFor(async () => expect((await row(polled)).status).toBe('sent'), { timeout: 5_000, interval: 50 });
      expect(appSmtp.received).toHaveLength(2);
      // An idle pooled connection would make a stopping mail server wait for it (smtp-server waits 30 s).
      await vi.waitFor(() => expect(appSmtp.openConnections()).toBe(0), { timeout: 2_000, interval: 20 });
    } finally {
      stopOutboxWorker();
    }
  });
});
