import { z } from 'zod';
import { SCORING_MODELS } from '@/db/schema/backlog';
import { formId } from '@/lib/validation';
import { ALL_INPUTS, INPUT_OWNER_ROLES, type InputKey } from './models';

/** Roles that may own an input: a requestor cannot see the backlog, so cannot fill a score. */

const ownerRole = (label: string) => z.enum(INPUT_OWNER_ROLES, { error: `Choose who fills ${label}.` }).optional();

/** The settings form: the model, and an optional owner per input (form field `owner_<input>`). */
export const ScoringSettingsSchema = z.object({
  model: z.enum(SCORING_MODELS, { error: 'Choose a scoring model: none, value/effort, RICE or WSJF.' }),
  ...(Object.fromEntries(ALL_INPUTS.map((key) => [`owner_${key}`, ownerRole(key.replace('_', ' '))])) as Record<
    `owner_${InputKey}`,
    ReturnType<typeof ownerRole>
  >),
});
export type ScoringSettingsInput = z.infer<typeof ScoringSettingsSchema>;

/**
 * One row of the scores page: the item, and a raw value per input it sends (`input_<key>`), "" to
 * clear. Values are checked against the model in lib/scoring/inputs.server.ts, which knows the ranges.
 */
export const ScoreRowSchema = z.object({
  /** The cycle the page showed: an item that has since left it is refused, not scored elsewhere. */
  cycleId: formId,
  itemId: formId,
  values: z.partialRecord(
    z.enum(ALL_INPUTS as [InputKey, ...InputKey[]], { error: 'Unknown scoring input.' }),
    z.string({ error: 'Each input must be a number or empty.' }).max(40, 'Each input must be a short number.'),
  ),
});
export type ScoreRowInput = z.infer<typeof ScoreRowSchema>;

/** Reads `input_<key>` form fields into ScoreRowSchema's shape. */
export function scoreRowFromForm(form: Record<string, unknown>) {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form))
    if (name.startsWith('input_')) values[name.slice('input_'.length)] = value;
  return { cycleId: form.cycleId, itemId: form.itemId, values };
}
