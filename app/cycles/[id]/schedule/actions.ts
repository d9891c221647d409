'use server';
import { revalidatePath } from 'next/cache';
import { formAction, type FormState } from '@/lib/actions';
import { requireUser } from '@/lib/auth/session';
import { schedulePath } from '@/lib/schedule/access';
import { raiseFlag, resolveFlag } from '@/lib/schedule/flags';
import { generatePeriods, updatePeriod } from '@/lib/schedule/periods';
import { publishSchedule } from '@/lib/schedule/publish';
import { moveDelivery, setEntry } from '@/lib/schedule/schedule';
import { idParam } from '@/lib/validation';

// Each action checks the user itself (lib/ authorizes): the page's check does not cover actions.
// `cycleId` only says which page to refresh; lib/ finds the cycle from the record it changes.

type Run = (user: Awaited<ReturnType<typeof requireUser>>, ids: Record<string, number>) => unknown;

/** Reads the form's ids (`cycleId` and `keys`), runs the lib/ call, and refreshes the page when it succeeds. */
async function run(form: FormData, keys: string[], fn: Run, success?: string | ((result: unknown) => string)): Promise<FormState> {
  const user = await requireUser();
  const ids: Record<string, number> = {};
  for (const key of ['cycleId', ...keys]) {
    const parsed = idParam.safeParse(form.get(key));
    if (!parsed.success) return { ok: false, message: 'This record no longer exists. Reload the page.' };
    ids[key] = parsed.data;
  }
  let result: unknown;
  const state = await formAction(form, () => { result = fn(user, ids); });
  if (!state.ok) return state;
  revalidatePath(schedulePath(ids.cycleId));
  return { ok: true, message: typeof success === 'function' ? success(result) : success };
}

const field = (form: FormData, key: string) => form.get(key) ?? '';

export async function generatePeriodsAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, [], (user, id) => generatePeriods(user, id.cycleId, field(form, 'kind')),
    (periods) => `${(periods as unknown[]).length} periods created. Check each one's capacity.`);
}

export async function updatePeriodAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, ['periodId'], (user, id) => updatePeriod(user, id.periodId, { name: field(form, 'name'), capacityWeeks: field(form, 'capacityWeeks') }), 'Period saved.');
}

export async function setEntryAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, ['itemId'], (user, id) => setEntry(user, id.itemId, {
    periodId: field(form, 'periodId'), ownerId: field(form, 'ownerId'), kickoffOn: field(form, 'kickoffOn'), version: field(form, 'version'),
  }), 'Saved.');
}

export async function moveDeliveryAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, ['itemId'], (user, id) => moveDelivery(user, id.itemId, field(form, 'to')));
}

export async function publishScheduleAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, [], (user, id) => publishSchedule(user, id.cycleId), (result) => {
    const { people } = result as ReturnType<typeof publishSchedule>;
    return `Schedule published: ${people} ${people === 1 ? 'person was' : 'people were'} told what changed.`;
  });
}

export async function raiseFlagAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, ['itemId'], (user, id) => raiseFlag(user, id.itemId, { kind: field(form, 'kind'), body: field(form, 'body') }),
    'Posted. The owner and the product managers have been told.');
}

export async function resolveFlagAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, ['flagId'], (user, id) => resolveFlag(user, id.flagId, { note: field(form, 'note') }), 'Resolved.');
}
