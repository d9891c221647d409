import { z } from 'zod';
import { ITEM_STATUSES, KINDS } from '@/db/schema/backlog';
import { jsonId, optionalId, requiredId, singleLine } from '@/lib/validation';
import { parseEstimate } from '@/lib/estimates/estimates';

export const TITLE_MAX = 200;

export const title = singleLine('Title', TITLE_MAX, { required: 'Title is required.' });
export const longText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max.toLocaleString('en')} characters.`)
    .default('');

export const estimate = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const parsed = parseEstimate(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return { estimateSize: parsed.estimateSize, estimateWeeks: parsed.estimateWeeks };
  });

/** Every field of a backlog item, as a form or the JSON API sends it. */
export const ItemFieldsSchema = z.object({
  title,
  description: longText('Description', 10_000),
  businessBenefit: longText('Business benefit', 5_000),
  estimate,
  sme: singleLine('SME', 200).default(''),
  /** The SME picked from people; null (or absent) when `sme` is free text for someone outside Quorum. */
  smeUserId: optionalId,
  sponsorId: optionalId,
  requestorId: requiredId('requestor'),
  departmentId: requiredId('department'),
  kind: z.enum(KINDS, { error: 'Choose a kind.' }),
  themeId: optionalId,
  moduleIds: z.array(z.coerce.number().int().positive()).max(50).default([]),
});
export type ItemFields = z.infer<typeof ItemFieldsSchema>;

export const StatusSchema = z.enum(ITEM_STATUSES, { error: 'Choose a valid status.' });

export const VersionSchema = z.coerce.number().int().positive();

/**
 * The ids of an item as the JSON API takes them: numbers (or null where optional), never strings.
 * Checked before ItemFieldsSchema, which also reads forms and so accepts strings.
 */
export const ItemJsonIds = z.looseObject({
  departmentId: jsonId('departmentId').optional(),
  requestorId: jsonId('requestorId').optional(),
  sponsorId: jsonId('sponsorId').nullable().optional(),
  smeUserId: jsonId('smeUserId').nullable().optional(),
  themeId: jsonId('themeId').nullable().optional(),
  moduleIds: z.array(jsonId('moduleIds')).optional(),
});
