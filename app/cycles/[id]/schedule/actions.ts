'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { schedulePath } from '@/lib/schedule/access.server';
import { raiseFlag, resolveFlag } from '@/lib/schedule/flags.server';
import { generatePeriods, updatePeriod } from '@/lib/schedule/periods.server';
import { publishSchedule } from '@/lib/schedule/publish.server';
import { moveDelivery, setEntry } from '@/lib/schedule/entries.server';
import { assertInCycle } from '@/lib/schedule/scope.server';
import { formId, formText } from '@/lib/validation';

// `cycleId` says which page to refresh; lib/ finds the cycle from the record it changes, and
// assertInCycle refuses a record of another cycle.
const CycleRef = z.object({ cycleId: formId });
const schedulePage = (input: { cycleId: number }) => schedulePath(input.cycleId);

export const generatePeriodsAction = formAction(
  CycleRef.extend({ kind: formText }),
  (input, user) => generatePeriods(user, input.cycleId, input.kind),
  { message: (periods) => `${periods.length} periods created. Check each one's capacity.`, revalidate: schedulePage },
);

export const updatePeriodAction = formAction(
  CycleRef.extend({ periodId: formId, name: formText, capacityWeeks: formText }),
  async (input, user) => {
    await assertInCycle(input.cycleId, { periodId: input.periodId });
    return updatePeriod(user, input.periodId, { name: input.name, capacityWeeks: input.capacityWeeks });
  },
  { message: 'Period saved.', revalidate: schedulePage },
);

export const setEntryAction = formAction(
  CycleRef.extend({ itemId: formId, periodId: formText, ownerId: formText, kickoffOn: formText, version: formText }),
  async (input, user) => {
    await assertInCycle(input.cycleId, { itemId: input.itemId });
    return setEntry(user, input.itemId, input);
  },
  { message: 'Saved.', revalidate: schedulePage },
);

export const moveDeliveryAction = formAction(
  CycleRef.extend({ itemId: formId, to: formText }),
  async (input, user) => {
    await assertInCycle(input.cycleId, { itemId: input.itemId });
    return moveDelivery(user, input.itemId, input.to);
  },
  { revalidate: schedulePage },
);

export const publishScheduleAction = formAction(CycleRef, (input, user) => publishSchedule(user, input.cycleId), {
  message: ({ people }) =>
    `Schedule published: ${people} ${people === 1 ? 'person was' : 'people were'} told what changed.`,
  revalidate: schedulePage,
});

export const raiseFlagAction = formAction(
  CycleRef.extend({ itemId: formId, kind: formText, body: formText }),
  async (input, user) => {
    await assertInCycle(input.cycleId, { itemId: input.itemId });
    return raiseFlag(user, input.itemId, { kind: input.kind, body: input.body });
  },
  { message: 'Posted. The owner and the product managers have been told.', revalidate: schedulePage },
);

export const resolveFlagAction = formAction(
  CycleRef.extend({ flagId: formId, note: formText }),
  async (input, user) => {
    await assertInCycle(input.cycleId, { flagId: input.flagId });
    return resolveFlag(user, input.flagId, { note: input.note });
  },
  { message: 'Resolved.', revalidate: schedulePage },
);
