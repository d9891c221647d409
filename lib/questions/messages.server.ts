import 'server-only';
import { eq } from 'drizzle-orm';
import { cycles, departments, users, type Meeting } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';
import { tasks } from '@/lib/notifications/tasks.server';
import { first } from '@/db/rows';

export const threadLink = (meetingId: number, itemId: number) => `/meetings/${meetingId}/preread#item-${itemId}`;

/** In-app titles stay short; the e-mail carries the whole text. */
const excerpt = (s: string, max = 200) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

async function author(tx: Executor, userId: number) {
  return (
    first(
      await tx
        .select({ name: users.name, department: departments.name })
        .from(users)
        .innerJoin(departments, eq(departments.id, users.departmentId))
        .where(eq(users.id, userId)),
    ) ?? { name: 'Someone', department: '' }
  );
}

const cycleName = async (tx: Executor, meeting: Meeting) =>
  first(await tx.select({ name: cycles.name }).from(cycles).where(eq(cycles.id, meeting.cycleId)))?.name ?? 'Quorum';

type Ctx = { meeting: Meeting; item: { id: number; title: string }; actorId: number };

/** Tells those who answer for the item that a question is waiting (never the asker). */
export async function notifyQuestionAsked(
  tx: Executor,
  ctx: Ctx & { recipients: (number | null)[]; questionId: number; question: string },
) {
  const who = await author(tx, ctx.actorId);
  const link = threadLink(ctx.meeting.id, ctx.item.id);
  const heading = `New question on “${ctx.item.title}”`;
  const asker = who.department ? `${who.name} (${who.department})` : who.name;
  const cycle = await cycleName(tx, ctx.meeting);
  await notify(tx, {
    userIds: ctx.recipients.filter((id): id is number => id !== null && id !== ctx.actorId),
    kind: 'question.asked',
    title: heading,
    body: `${asker}: ${excerpt(ctx.question)}`,
    link,
    task: tasks.answerQuestion(ctx.questionId),
    email: () =>
      composeEmail({
        cycleName: cycle,
        heading,
        lines: [
          `${asker} asked on the pre-read of “${ctx.meeting.title}”:`,
          ctx.question,
          'You are receiving this because you answer for this item or run the meeting.',
        ],
        action: { label: 'Answer in the pre-read', path: link },
      }),
  });
}

/** Tells the asker their question was answered or resolved (not when they did it themselves). */
export async function notifyAsker(
  tx: Executor,
  ctx: Ctx & { askerId: number; kind: 'question.answered' | 'question.resolved'; question: string; answer?: string },
) {
  if (ctx.askerId === ctx.actorId) return;
  const who = (await author(tx, ctx.actorId)).name;
  const link = threadLink(ctx.meeting.id, ctx.item.id);
  const answered = ctx.kind === 'question.answered';
  const heading = answered
    ? `Your question on “${ctx.item.title}” was answered`
    : `Your question on “${ctx.item.title}” was resolved`;
  const lines = answered
    ? [`${who} answered:`, ctx.answer ?? '', `Your question: ${excerpt(ctx.question, 500)}`]
    : [`${who} marked your question resolved.`, `Your question: ${excerpt(ctx.question, 500)}`];
  const cycle = await cycleName(tx, ctx.meeting);
  await notify(tx, {
    userIds: [ctx.askerId],
    kind: ctx.kind,
    title: heading,
    body: answered ? `${who}: ${excerpt(ctx.answer ?? '')}` : `${who} marked it resolved.`,
    link,
    email: () => composeEmail({ cycleName: cycle, heading, lines, action: { label: 'Open the thread', path: link } }),
  });
}
