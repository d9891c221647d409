import 'server-only';
import { env } from './env.server';

/**
 * Node-only start-up: stop with a clear message on a bad environment, then open (and migrate) the
 * database, then start the webhook worker, and the e-mail worker when an SMTP server is configured (SMTP_URL).
 */
export async function startup() {
  let smtpUrl: string | undefined;
  try {
    smtpUrl = env().SMTP_URL;
  } catch (error) {
    console.error(`\nQuorum cannot start.\n${(error as Error).message}\n`);
    process.exit(1);
  }
  const { databaseReady, describeOpenFailure } = await import('@/db/client');
  try {
    await databaseReady;
  } catch (error) {
    console.error(`\nQuorum cannot start.\n${describeOpenFailure(error)}\n`);
    process.exit(1);
  }
  // Webhooks need no configuration: with none registered the worker only polls an empty outbox.
  const { startWebhookWorker } = await import('@/lib/webhooks/worker.server');
  startWebhookWorker(); // idempotent, like the mail worker
  // Tells the pms once when an emergency session's response deadline passes (in-app even without SMTP).
  const { startDeadlineSweep } = await import('@/lib/changes/pm-alerts.server');
  startDeadlineSweep();
  if (smtpUrl) {
    // Imported only when needed, so a server without SMTP never loads nodemailer.
    const { startOutboxWorker } = await import('@/lib/notifications/worker.server');
    startOutboxWorker(); // idempotent: a globalThis flag guards a second call
  } else {
    console.log('SMTP_URL is not set: notifications are in-app only; the outbox keeps what would have been e-mailed.');
  }
}
