import { z } from 'zod';
import { CADENCES, SIZES } from '@/db/schema/backlog';
import { singleLine } from '@/lib/validation';
import { checkMetricNamed, themeMetricFields } from './theme-metric';

const isoDate = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD).`)
    // Date.parse accepts 2027-02-30; a round trip does not.
    .refine(
      (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s,
      `${label} must be a real date.`,
    );

const weeks = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .refine(Number.isFinite, `${label} must be a number.`)
    .positive(`${label} must be more than 0.`)
    .max(100_000, `${label} is too large.`);

export const SizeWeeksSchema = z.object(
  Object.fromEntries(SIZES.map((s) => [s, weeks(`Person-weeks for ${s}`)])) as Record<
    (typeof SIZES)[number],
    Awaited<ReturnType<typeof weeks>>
  >,
);

export const CycleSchema = z
  .object({
    name: singleLine('Name', 60, { required: 'Name is required.' }),
    cadence: z.enum(CADENCES, { error: 'Choose quarter or month.' }),
    startsOn: isoDate('Start date'),
    endsOn: isoDate('End date'),
    capacityWeeks: weeks('Capacity'),
    sizeWeeks: SizeWeeksSchema,
  })
  .superRefine((c, ctx) => {
    if (c.endsOn <= c.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'End date must be after the start date.' });
  });
export type CycleInput = z.infer<typeof CycleSchema>;

export const ThemeSchema = z
  .object({
    name: singleLine('Name', 80, { required: 'Name is required.' }),
    keyOutcome: z
      .string()
      .trim()
      .min(1, 'Key outcome is required.')
      .max(500, 'Key outcome must be at most 500 characters.'),
    ...themeMetricFields,
  })
  .superRefine(checkMetricNamed);

/** Reads `size_XS`… form fields into the nested sizeWeeks object the schema expects. */
export function cycleFormToInput(form: Record<string, unknown>) {
  const { size_XS, size_S, size_M, size_L, size_XL, ...rest } = form;
  return { ...rest, sizeWeeks: { XS: size_XS, S: size_S, M: size_M, L: size_L, XL: size_XL } };
}
