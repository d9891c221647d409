import { z } from 'zod';
import { FLAG_KINDS } from '@/db/schema/schedule';
import { optionalId, singleLine } from '@/lib/validation';
import { isDay } from './dates';
import { DELIVERY_MOVES, FLAG_BODY_MAX, PERIOD_NAME_MAX } from './types';

/** Input of the schedule's forms and actions; pure, so the forms can use the limits too. */

export const PERIOD_KINDS = ['months', 'sprints'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

export const GeneratePeriodsSchema = z.object({
  kind: z.enum(PERIOD_KINDS, { error: 'Choose months or 2-week sprints.' }),
});

export const PeriodSchema = z.object({
  name: singleLine('Name', PERIOD_NAME_MAX, {
    required: 'Enter a name for the period.',
    tooLong: `The name must be at most ${PERIOD_NAME_MAX} characters.`,
  }),
  capacityWeeks: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'Enter the capacity in person-weeks.' })
      .min(0, 'Capacity cannot be negative.')
      .max(10_000, 'Capacity must be at most 10000 person-weeks.'),
  ),
});

export const EntrySchema = z.object({
  periodId: optionalId,
  ownerId: optionalId,
  kickoffOn: z.preprocess(
    blankToNull,
    z.string().refine(isDay, 'Enter the kickoff as a date (YYYY-MM-DD).').nullable(),
  ),
  /** The entry version the editor saw (0: the item had no entry yet). */
  version: z.preprocess(blankToUndefined, z.coerce.number({ error: 'Reload the page and try again.' }).int().min(0)),
});

export const DeliveryMoveSchema = z.enum(DELIVERY_MOVES, { error: 'Choose scheduled, in delivery or delivered.' });

const text = (empty: string, label: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(FLAG_BODY_MAX, `${label} must be at most ${FLAG_BODY_MAX.toLocaleString('en')} characters.`);

export const FlagSchema = z.object({
  kind: z.enum(FLAG_KINDS, { error: 'Choose whether you ask a question or flag a problem.' }),
  body: text('Write your question or the problem.', 'The text'),
});

export const ResolveSchema = z.object({ note: text('Write a note saying how it was resolved.', 'The note') });
