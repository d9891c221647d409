import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { affectedRows, first } from '@/db/rows';
import { cycles, items, scheduleEntries, type Cycle, type Item } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ValidationError, type FieldErrors } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { notify } from '@/lib/notifications/notify.server';
import { parseOrThrow } from '@/lib/validation';
import { choiceField, DISPOSAL_EVENT, reasonField } from './disposals';
import { hasFinalDelivery, UNDELIVERED_STATUSES } from './load.server';
import { DisposeSchema, type DisposeInput } from './schema';

export const CLOSE_FIRST =
  'Close the cycle first: its undelivered items are offered to the next cycle once it is closed.';

type Choice = DisposeInput['choices'][number];

/**
 * Offers a closed cycle's undelivered items to what comes next, each as the pm chose (pm/admin):
 * carry over into a cycle in planning (curated again, its history kept: same item, same id), drop
 * (withdrawn with a reason, the requestor told), or re-request (a new submitted request in the
 * requestor's name pointing at the old item, which is withdrawn). All in one transaction; any
 * refusal names the item and writes nothing.
 */
export async function disposeUndelivered(
  actor: ActingUser,
  cycleId: number,
  input: unknown,
): Promise<{ carriedOver: number; dropped: number; reRequested: number }> {
  assertCan(actor, 'cycle.manage');
  const data = parseOrThrow(DisposeSchema, input);
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    if (cycle.status !== 'closed') throw new ConflictError(CLOSE_FIRST);
    const target = await checkTarget(tx, cycle, data);
    const rows = await checkItems(tx, cycle, data.choices);
    const counts = { carriedOver: 0, dropped: 0, reRequested: 0 };
    const at = new Date().toISOString();
    for (const { item, choice } of rows) {
      if (choice.choice === 'carry_over') {
        await carryOver(tx, actor, cycle, target!, item, at);
        counts.carriedOver += 1;
      } else if (choice.choice === 'drop') {
        await drop(tx, actor, cycle, item, choice.reason, at);
        counts.dropped += 1;
      } else {
        await reRequest(tx, actor, cycle, item, at);
        counts.reRequested += 1;
      }
    }
    return counts;
  });
}

async function checkTarget(tx: Executor, cycle: Cycle, data: DisposeInput): Promise<Cycle | null> {
  if (!data.choices.some((c) => c.choice === 'carry_over')) return null;
  if (data.targetCycleId === null)
    throw new ValidationError({ targetCycleId: ['Choose the cycle that carried-over items go to.'] });
  const target = first(await tx.select().from(cycles).where(eq(cycles.id, data.targetCycleId)));
  if (!target || target.id === cycle.id)
    throw new ValidationError({ targetCycleId: ['Choose another cycle, one in planning.'] });
  if (target.status !== 'planning')
    throw new ValidationError({
      targetCycleId: [`Items can only be carried over into a cycle in planning; ${target.name} is ${target.status}.`],
    });
  return target;
}

async function checkItems(tx: Executor, cycle: Cycle, choices: Choice[]) {
  const errors: FieldErrors = {};
  const rows: { item: Item; choice: Choice }[] = [];
  const seen = new Set<number>();
  for (const choice of choices) {
    const key = choiceField(choice.itemId);
    const item = first(await tx.select().from(items).where(eq(items.id, choice.itemId)));
    if (!item || item.cycleId !== cycle.id) {
      errors[key] = [`Item #${choice.itemId} is not an item of ${cycle.name}.`];
      continue;
    }
    const undelivered =
      (UNDELIVERED_STATUSES as readonly string[]).includes(item.status) && !(await hasFinalDelivery(tx, item.id));
    if (!undelivered || seen.has(item.id)) {
      errors[key] = [`“${item.title}” is no longer an undelivered item of ${cycle.name}: reload the review.`];
      continue;
    }
    seen.add(item.id);
    if (choice.choice === 'drop' && choice.reason === '') {
      errors[reasonField(item.id)] = [`Give a reason for dropping “${item.title}”: its requestor is told.`];
      continue;
    }
    rows.push({ item, choice });
  }
  if (Object.keys(errors).length > 0) {
    const messages = Object.values(errors).flat();
    throw new ValidationError(errors, messages.length === 1 ? messages[0] : 'Some items need attention.');
  }
  return rows;
}

const statusChange = (from: string, to: string) => ({ status: { from, to } });

/**
 * Updates the item only if it is still the version that was checked: a racing change (a delivery
 * recorded, another review tab) makes the whole disposal fail rather than overwrite it.
 */
async function updateChecked(tx: Executor, item: Item, set: Partial<Item>) {
  const done = await tx
    .update(items)
    .set({ ...set, version: item.version + 1 })
    .where(and(eq(items.id, item.id), eq(items.version, item.version)));
  if (affectedRows(done) === 0)
    throw new ConflictError(`“${item.title}” changed while you were choosing: reload the review and try again.`);
}

async function carryOver(tx: Executor, actor: ActingUser, cycle: Cycle, target: Cycle, item: Item, at: string) {
  // Periods and themes belong to the old cycle: the next one schedules and themes the item anew.
  const entry = first(await tx.select().from(scheduleEntries).where(eq(scheduleEntries.itemId, item.id)));
  if (entry) await tx.delete(scheduleEntries).where(eq(scheduleEntries.itemId, item.id));
  await updateChecked(tx, item, {
    cycleId: target.id,
    status: 'curated',
    themeId: null,
    rank: null,
    targetPeriod: null,
    updatedAt: at,
  });
  await logEvent(tx, {
    actorId: actor.id,
    type: DISPOSAL_EVENT.carry_over,
    subjectType: 'item',
    subjectId: item.id,
    data: {
      cycleId: cycle.id,
      themeId: item.themeId,
      toCycleId: target.id,
      changes: { ...statusChange(item.status, 'curated'), cycleId: { from: cycle.id, to: target.id } },
      ...(entry ? { scheduleEntryRemoved: { periodId: entry.periodId, ownerId: entry.ownerId } } : {}),
    },
  });
}

async function drop(tx: Executor, actor: ActingUser, cycle: Cycle, item: Item, reason: string, at: string) {
  await updateChecked(tx, item, { status: 'withdrawn', decisionReason: reason, updatedAt: at });
  await logEvent(tx, {
    actorId: actor.id,
    type: DISPOSAL_EVENT.drop,
    subjectType: 'item',
    subjectId: item.id,
    data: { cycleId: cycle.id, themeId: item.themeId, reason, changes: statusChange(item.status, 'withdrawn') },
  });
  await notify(tx, {
    userIds: [item.requestorId],
    kind: 'item.dropped',
    title: `“${item.title}” was not delivered in ${cycle.name} and has been dropped`,
    body: `Reason: ${reason}`,
    link: `/requests/${item.id}`,
  });
}

async function reRequest(tx: Executor, actor: ActingUser, cycle: Cycle, item: Item, at: string) {
  const description = `Re-requested from #${item.id} (“${item.title}”), not delivered in ${cycle.name}.${
    item.description ? `\n\n${item.description}` : ''
  }`;
  const fresh = (
    await tx
      .insert(items)
      .values({
        title: item.title,
        description,
        businessBenefit: item.businessBenefit,
        sponsorSuggestion: item.sponsorSuggestion,
        requestorId: item.requestorId,
        departmentId: item.departmentId,
        kind: item.kind,
        status: 'submitted',
        createdAt: at,
        updatedAt: at,
      })
      .returning()
  )[0];
  await logEvent(tx, {
    actorId: actor.id,
    type: 'request.submitted',
    subjectType: 'item',
    subjectId: fresh.id,
    data: { after: { title: fresh.title, status: 'submitted' }, reRequestOf: item.id, onBehalfOf: item.requestorId },
  });
  await updateChecked(tx, item, { status: 'withdrawn', decisionReason: `Re-requested as #${fresh.id}`, updatedAt: at });
  await logEvent(tx, {
    actorId: actor.id,
    type: DISPOSAL_EVENT.re_request,
    subjectType: 'item',
    subjectId: item.id,
    data: {
      cycleId: cycle.id,
      themeId: item.themeId,
      newItemId: fresh.id,
      changes: statusChange(item.status, 'withdrawn'),
    },
  });
}
