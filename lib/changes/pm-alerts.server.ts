import 'server-only';
import { and, eq, inArray, lte } from 'drizzle-orm';
import { transaction } from '@/db/client';
import {
  changeRequests,
  emergencySessions,
  cycles,
  notifications,
  type ChangeRequest,
  type EmergencySession,
  type NotificationKind,
} from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { formatMeetingTime } from '@/lib/meetings/format';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';
import { activePmIds } from '@/lib/questions/roles.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';
import { changePath } from './common.server';
import type { RuleEvaluation } from './rule';

/**
 * What the product managers hear about change requests, so nobody has to watch the list: one is
 * raised, a leader responds, the decision rule is met (now they can decide), a response deadline
 * passes (now they must). In-app and by e-mail per each pm's preferences. The last two fire once:
 * the notification's `task` key says which session round or deadline it was about, and a key already
 * used is not notified again.
 */

export const alertKeys = {
  /** One session round: a re-convened session or an amended request starts a new one. */
  ruleMet: (cr: Pick<ChangeRequest, 'id' | 'round'>, session: Pick<EmergencySession, 'convenedAt'>) =>
    `change_request:${cr.id}:rule_met:${cr.round}:${session.convenedAt}`,
  /** One deadline: an amendment that moves it makes a new one. */
  deadlinePassed: (session: Pick<EmergencySession, 'id' | 'deadline'>) =>
    `emergency_session:${session.id}:deadline_passed:${session.deadline}`,
};

async function alertPms(
  tx: Executor,
  input: {
    cr: ChangeRequest;
    kind: NotificationKind;
    heading: string;
    lines: (timeZone: string) => string[];
    task?: string;
    except?: number;
  },
): Promise<number[]> {
  const pmIds = (await activePmIds(tx)).filter((id) => id !== input.except);
  if (pmIds.length === 0) return [];
  const cycleName =
    first(await tx.select({ name: cycles.name }).from(cycles).where(eq(cycles.id, input.cr.cycleId)))?.name ?? '';
  const path = changePath(input.cr.id);
  await notify(tx, {
    userIds: pmIds,
    kind: input.kind,
    title: input.heading,
    body: (r) => input.lines(r.timeZone ?? 'UTC').join(' '),
    link: path,
    task: input.task,
    email: (r) =>
      composeEmail({
        cycleName,
        heading: input.heading,
        lines: input.lines(r.timeZone ?? 'UTC'),
        action: { label: 'Open the change request', path },
      }),
  });
  return pmIds;
}

async function alreadyAlerted(tx: Executor, task: string): Promise<boolean> {
  return Boolean(
    first(await tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.task, task)).limit(1)),
  );
}

/** A change request was raised: the pms (but the one who raised it) are told. */
export async function alertRaised(tx: Executor, actor: ActingUser, cr: ChangeRequest): Promise<void> {
  await alertPms(tx, {
    cr,
    kind: 'change.raised',
    heading: `Change request raised: "${cr.title}"`,
    lines: () => [`${actor.name} raised it (${cr.urgency}).`, `Why now: ${cr.whyNow}`],
    except: actor.id,
  });
}

/** A leader responded in the session; and when that meets the rule for the first time this round, say so. */
export async function alertResponse(
  tx: Executor,
  actor: ActingUser,
  cr: ChangeRequest,
  session: EmergencySession,
  response: { response: string; comment: string },
  evaluation: RuleEvaluation,
): Promise<void> {
  await alertPms(tx, {
    cr,
    kind: 'change.responded',
    heading: `${actor.name} ${response.response === 'assent' ? 'assented to' : 'dissented from'} "${cr.title}"`,
    lines: () => [
      ...(response.comment ? [`Comment: ${response.comment}`] : []),
      evaluation.verdict.headline,
      evaluation.verdict.counts,
    ],
    except: actor.id,
  });
  if (!evaluation.met) return;
  const task = alertKeys.ruleMet(cr, session);
  if (await alreadyAlerted(tx, task)) return;
  await alertPms(tx, {
    cr,
    kind: 'change.rule_met',
    heading: `The rule is met: approve or decline "${cr.title}"`,
    lines: () => [evaluation.verdict.counts, 'Open the change request to approve or decline it.'],
    task,
  });
}

/**
 * Tells the pms of every open asynchronous session whose deadline has passed, once per deadline.
 * Run by the sweep (startDeadlineSweep) and callable from tests with any `now`. Returns the sessions alerted.
 */
export async function alertPassedDeadlines(now = new Date()): Promise<number[]> {
  return transaction(async (tx) => {
    const due = await tx
      .select({ session: emergencySessions, cr: changeRequests })
      .from(emergencySessions)
      .innerJoin(changeRequests, eq(changeRequests.id, emergencySessions.changeRequestId))
      .where(
        and(
          eq(emergencySessions.status, 'open'),
          eq(emergencySessions.mode, 'async'),
          lte(emergencySessions.deadline, now.toISOString()),
          inArray(changeRequests.status, ['in_session']),
        ),
      );
    const alerted: number[] = [];
    for (const { session, cr } of due) {
      const task = alertKeys.deadlinePassed(session);
      if (await alreadyAlerted(tx, task)) continue;
      await alertPms(tx, {
        cr,
        kind: 'change.deadline_passed',
        heading: `Responses are closed: decide "${cr.title}"`,
        lines: (zone) => [
          `The response deadline (${formatMeetingTime(session.deadline!, zone)}) has passed.`,
          'Open the change request to approve or decline it.',
        ],
        task,
      });
      alerted.push(session.id);
    }
    return alerted;
  });
}

const SWEEP_MS = 60_000;
const g = globalThis as unknown as { quorumDeadlineSweep?: NodeJS.Timeout };

/** Checks for passed deadlines every minute; idempotent, and never lets an error escape. */
export function startDeadlineSweep(): void {
  if (g.quorumDeadlineSweep) return;
  const tick = () =>
    alertPassedDeadlines().catch((error: Error) => console.warn(`[deadlines] sweep failed: ${error.message}`));
  g.quorumDeadlineSweep = setInterval(() => void tick(), SWEEP_MS);
  g.quorumDeadlineSweep.unref();
  void tick();
}
