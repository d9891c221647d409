'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { closeCycle, recordMetricActual } from '@/lib/review/close.server';
import { disposeUndelivered } from '@/lib/review/dispose.server';
import { choiceField, reasonField } from '@/lib/review/disposals';
import { formId, formList, formText } from '@/lib/validation';
import { plural } from '@/lib/plural';

const reviewPath = (cycleId: number) => `/cycles/${cycleId}/review`;

/** Closes a published cycle (pm/admin, checked in lib/); then its review is final. */
export const closeCycleAction = formAction(
  z.object({ cycleId: formId }),
  (input, user) => closeCycle(user, input.cycleId),
  {
    revalidate: (input) => [`/cycles/${input.cycleId}`, reviewPath(input.cycleId)],
    redirect: (_, input) => reviewPath(input.cycleId),
  },
);

/** The value measured for one theme's metric; the field is checked as a number in lib/. */
export const recordMetricActualAction = formAction(
  z.object({ cycleId: formId, themeId: formText, metricActual: formText }),
  (input, user) =>
    recordMetricActual(user, input.cycleId, { themeId: input.themeId, metricActual: input.metricActual }),
  {
    message: 'Measured value saved.',
    revalidate: (input) => reviewPath(input.cycleId),
  },
);

/**
 * The review's form for undelivered items: each item's choice and reason arrive as `choice_<id>`
 * and `reason_<id>` beside the list of ids; lib/ validates the lot.
 */
const DisposeForm = z.looseObject({ cycleId: formId, itemIds: formList(z.string()), targetCycleId: formText });

export const disposeUndeliveredAction = formAction(
  DisposeForm,
  (input, user) => {
    const field = (key: string) => {
      const v = (input as Record<string, unknown>)[key];
      return typeof v === 'string' ? v : undefined;
    };
    return disposeUndelivered(user, input.cycleId, {
      targetCycleId: input.targetCycleId,
      choices: input.itemIds.map((id) => ({
        itemId: id,
        choice: field(choiceField(id)),
        reason: field(reasonField(id)) ?? '',
      })),
    });
  },
  {
    message: ({ carriedOver, dropped, reRequested }) =>
      `Done: ${plural(carriedOver, 'item')} carried over, ${dropped} dropped, ${reRequested} re-requested.`,
    revalidate: (input) => [reviewPath(input.cycleId), `/cycles/${input.cycleId}`],
  },
);
