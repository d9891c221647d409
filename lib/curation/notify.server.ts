import 'server-only';
import { eq } from 'drizzle-orm';
import { cycles, users } from '@/db/schema';
import { first } from '@/db/rows';
import type { Executor } from '@/lib/events/log.server';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';

/**
 * What triage tells a request's requestors: it was declined (with the reason), it needs more
 * information (with the question), or it was merged into another item (with a link to it). In-app and
 * by e-mail through the outbox, unless they turned this kind off; never the person who did it.
 */

const requestLink = (itemId: number) => `/requests/${itemId}`;

async function context(tx: Executor, actorId: number, cycleId: number | null) {
  const actor = first(await tx.select({ name: users.name }).from(users).where(eq(users.id, actorId)))?.name;
  const cycle =
    cycleId === null
      ? undefined
      : first(await tx.select({ name: cycles.name }).from(cycles).where(eq(cycles.id, cycleId)));
  return { actorName: actor ?? 'A product manager', cycleName: cycle?.name ?? 'Requests' };
}

type Told = { actorId: number; userIds: number[] };
type ItemRef = { id: number; title: string; cycleId: number | null };

async function tell(
  tx: Executor,
  told: Told,
  item: ItemRef,
  message: { heading: string; lines: (actorName: string) => string[]; linkTo: number; action: string },
) {
  const { actorName, cycleName } = await context(tx, told.actorId, item.cycleId);
  const lines = message.lines(actorName);
  const link = requestLink(message.linkTo);
  await notify(tx, {
    userIds: told.userIds.filter((id) => id !== told.actorId),
    kind: 'request.triaged',
    title: message.heading,
    body: lines.join(' '),
    link,
    email: () =>
      composeEmail({ cycleName, heading: message.heading, lines, action: { label: message.action, path: link } }),
  });
}

export async function notifyMerged(tx: Executor, ctx: Told & { merged: ItemRef; survivor: ItemRef }) {
  await tell(tx, ctx, ctx.merged, {
    heading: `Your request “${ctx.merged.title}” was merged into “${ctx.survivor.title}”`,
    lines: (who) => [
      `${who} found that your request asks for the same thing as “${ctx.survivor.title}” and merged the two.`,
      'You now follow that item as one of its requestors: you can open it and you will hear of its outcome.',
    ],
    linkTo: ctx.survivor.id,
    action: 'Open the item it was merged into',
  });
}

export async function notifyDeclined(tx: Executor, ctx: Told & { item: ItemRef; reason: string }) {
  await tell(tx, ctx, ctx.item, {
    heading: `Your request “${ctx.item.title}” was declined`,
    lines: (who) => [`${who} declined your request. The reason:`, ctx.reason],
    linkTo: ctx.item.id,
    action: 'Open your request',
  });
}

export async function notifyInfoRequested(tx: Executor, ctx: Told & { item: ItemRef; question: string }) {
  await tell(tx, ctx, ctx.item, {
    heading: `Your request “${ctx.item.title}” needs more information`,
    lines: (who) => [
      `${who} asks:`,
      ctx.question,
      'Edit your request to answer, then resubmit it: it goes back to triage.',
    ],
    linkTo: ctx.item.id,
    action: 'Answer and resubmit',
  });
}
