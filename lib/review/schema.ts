import { z } from 'zod';
import { longText } from '@/lib/backlog/item-schema';
import { formId, optionalId } from '@/lib/validation';
import { DISPOSALS } from './disposals';

// Plain decimals only, as the theme's baseline and target are typed: "2,1" or "1e3" are refused.
const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;
const MEASURED = 'Measured value must be a number, like 2.5 (or empty to clear it).';

/** The value measured for a theme's metric; '' clears it. */
export const MetricActualSchema = z.object({
  themeId: formId,
  metricActual: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? v.trim() : v),
    z
      .union([z.string().regex(DECIMAL, MEASURED).transform(Number), z.number().finite(MEASURED)], { error: MEASURED })
      .refine((n) => Math.abs(n) <= 1e12, 'Measured value is too large.')
      .nullable(),
  ),
});

export const DROP_REASON_MAX = 1000;

/** What to do with each undelivered item, and where carried-over items go. */
export const DisposeSchema = z.object({
  targetCycleId: optionalId,
  choices: z
    .array(
      z.object({
        itemId: formId,
        choice: z.enum(DISPOSALS, { error: 'Choose carry over, drop or re-request.' }),
        reason: longText('Reason', DROP_REASON_MAX),
      }),
      { error: 'Choose what happens to each undelivered item.' },
    )
    .min(1, 'Choose what happens to each undelivered item.')
    .max(500, 'At most 500 items at once.'),
});
export type DisposeInput = z.output<typeof DisposeSchema>;
