/**
 * A real SMTP server on loopback for the end-to-end tests (the `smtp-server` package), plus a
 * small HTTP control API the tests use to read what arrived and to take the server down and up:
 *   GET /messages[?to=addr]   messages received, oldest first
 *   DELETE /messages          forget them
 *   POST /stop, POST /start   stop or start accepting SMTP connections
 */
import http from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
const controlPort = Number(process.env.E2E_SMTP_CONTROL_PORT ?? 2526);

type Received = {
  id: number;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  ics: string | null;
  receivedAt: string;
};
const messages: Received[] = [];
let smtp: SMTPServer | null = null;

function startSmtp(): Promise<void> {
  if (smtp) return Promise.resolve();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const ics =
            mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString('utf8') ??
            (mail as unknown as { icalEvent?: string }).icalEvent ??
            null;
          messages.push({
            id: messages.length + 1,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            ics,
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  smtp = server;
  return new Promise((resolve) => server.listen(smtpPort, '127.0.0.1', resolve));
}

function stopSmtp(): Promise<void> {
  const server = smtp;
  smtp = null;
  return server ? new Promise((resolve) => server.close(() => resolve())) : Promise.resolve();
}

async function answerControl(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://localhost:${controlPort}`);
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === '/messages' && req.method === 'GET') {
    const to = url.searchParams.get('to')?.toLowerCase();
    return json(200, to ? messages.filter((m) => m.to.includes(to)) : messages);
  }
  if (url.pathname === '/messages' && req.method === 'DELETE') {
    messages.length = 0;
    return json(200, { ok: true });
  }
  if (url.pathname === '/stop' && req.method === 'POST') {
    await stopSmtp();
    return json(200, { running: false });
  }
  if (url.pathname === '/start' && req.method === 'POST') {
    await startSmtp();
    return json(200, { running: true });
  }
  json(404, { error: 'unknown' });
}

const control = http.createServer((req, res) => void answerControl(req, res));

await startSmtp();
control.listen(controlPort, '127.0.0.1', () => {
  console.log(`Test SMTP server on 127.0.0.1:${smtpPort}, control on 127.0.0.1:${controlPort}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    control.close();
    void stopSmtp().then(() => process.exit(0));
  });
}
