import 'server-only';
import { outbox } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { escapeHtml as escape } from '@/lib/html';
import { formatMeetingTime } from '@/lib/meetings/format';
import { appUrl } from '@/lib/notifications/links.server';
import { wakeOutboxWorker } from '@/lib/notifications/wake.server';

export const invitationPath = (token: string) => `/invitations/${token}`;

/**
 * Queues the invitation e-mail in the outbox, inside the caller's transaction: no link goes out for an
 * invitation that was not saved. The invitee has no account yet, so no time zone: the expiry is in UTC.
 */
export async function queueInvitationMail(
  tx: Executor,
  input: { to: string; name: string; inviterName: string; token: string; expiresAt: number },
): Promise<void> {
  const url = appUrl(invitationPath(input.token));
  const heading = `${input.inviterName} invited you to Quorum`;
  const lines = [
    `Hello ${input.name},`,
    `${input.inviterName} invited you to Quorum, where your company decides what engineering builds next.`,
    `Open the link to choose your password. It works once, until ${formatMeetingTime(new Date(input.expiresAt))}.`,
  ];
  const now = new Date();
  await tx.insert(outbox).values({
    toUserId: null,
    toAddress: input.to,
    subject: `[Quorum] ${heading}`,
    text: [heading, '', ...lines, '', `Accept the invitation: ${url}`, '', '— Quorum'].join('\n'),
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#18181b">
<h1 style="font-size:18px">${escape(heading)}</h1>
${lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
<p><a href="${escape(url)}">Accept the invitation</a></p>
</body></html>`,
    nextAttemptAt: now.getTime(),
    createdAt: now.toISOString(),
  });
  queueMicrotask(wakeOutboxWorker);
}
