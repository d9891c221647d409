import { z } from 'zod';

const MESSAGE = 'Non-functional target must be a whole number of percent from 0 to 100, or empty for no target.';

/** The target share as typed: empty means no target; otherwise a whole percentage 0–100. */
export const NfrTargetSchema = z.object({
  nfrTargetPercent: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' ? v.trim() : v),
    z.union(
      [
        z.null(),
        z
          .string({ error: MESSAGE })
          .regex(/^\d{1,3}$/, MESSAGE)
          .transform(Number)
          .refine((n) => n <= 100, MESSAGE),
        z.number({ error: MESSAGE }).int(MESSAGE).min(0, MESSAGE).max(100, MESSAGE),
      ],
      { error: MESSAGE },
    ),
  ),
});
