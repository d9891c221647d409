import { z } from 'zod';
import { MAX_ROW_ID } from '@/db/rows';
import { CADENCES, CYCLE_STATUSES, ITEM_STATUSES, KINDS, SIZES } from '@/db/schema/backlog';
import { jsonId } from '@/lib/validation';

/**
 * The REST API's shapes. Handlers validate with these and the OpenAPI document (openapi.ts) is built
 * from these same schemas, so the document cannot drift from what the routes accept and answer.
 * Query and path values arrive as text: they are described as patterned strings and read as numbers.
 */

const ID_TEXT = /^[1-9][0-9]{0,9}$/;

/** An id in a query string or path: digits only (no sign, point or padding), at most MAX_ROW_ID. */
export const textId = (name: string) => {
  const message = `${name} must be a positive whole number.`;
  return z
    .string({ error: message })
    .regex(ID_TEXT, message)
    .transform(Number)
    .refine((n) => n <= MAX_ROW_ID, message)
    .meta({ description: `${name}: a positive whole number.`, example: '1' });
};

export const PathId = z.object({ id: z.string().regex(ID_TEXT).meta({ description: 'The id.', example: '1' }) });

export const Ref = z
  .object({ id: z.number().int(), name: z.string() })
  .meta({ id: 'Ref', description: 'An id with its name.' });
export const Coded = z
  .object({ code: z.string(), label: z.string() })
  .meta({ id: 'Coded', description: 'A code for programs and its label for people.' });

export const CycleSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    cadence: z.enum(CADENCES),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    capacityWeeks: z.number().meta({ description: 'Person-weeks the cycle can deliver.' }),
    status: z.enum(CYCLE_STATUSES),
  })
  .meta({ id: 'Cycle' });

export const ThemeSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    keyOutcome: z.string(),
    position: z.number().int(),
    itemCount: z.number().int(),
    cycle: Ref,
  })
  .meta({ id: 'Theme' });

export const VISIBLE_STATUSES = [...ITEM_STATUSES, 'under_review'] as const;

export const ItemSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int().meta({ description: 'Send it back with PATCH: a stale version is refused (409).' }),
    title: z.string(),
    description: z.string(),
    businessBenefit: z.string(),
    status: Coded.meta({ description: `One of: ${VISIBLE_STATUSES.join(', ')}.` }),
    kind: Coded.meta({ description: `One of: ${KINDS.join(', ')}.` }),
    cycle: Ref.nullable(),
    theme: Ref.nullable(),
    department: Ref,
    requestor: Ref,
    sponsor: Ref.nullable(),
    sponsorText: z.string().meta({ description: 'The sponsor suggested in words by the requestor.' }),
    modules: z.array(Ref),
    estimate: z.object({ size: z.enum(SIZES).nullable(), weeks: z.number().nullable() }),
    sme: z.string(),
    decisionReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Item' });
export type ApiItem = z.infer<typeof ItemSchema>;

const limitMessage = 'limit must be a whole number from 1 to 200.';

export const ItemsQuery = z.object({
  cycleId: textId('cycleId'),
  status: z.enum(ITEM_STATUSES, { error: `status must be one of ${ITEM_STATUSES.join(', ')}.` }).optional(),
  kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join(', ')}.` }).optional(),
  themeId: textId('themeId').optional(),
  departmentId: textId('departmentId').optional(),
  q: z
    .string()
    .max(200, 'q must be at most 200 characters.')
    .optional()
    .meta({ description: 'Words the title must contain (case-insensitive).' }),
  limit: z
    .string({ error: limitMessage })
    .regex(/^[0-9]{1,3}$/, limitMessage)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 200, limitMessage)
    .optional()
    .meta({ description: 'Items per page, 1 to 200 (default 50).', example: '50' }),
  cursor: z
    .string()
    .max(100, 'cursor is not one this API gave out.')
    .optional()
    .meta({ description: 'The nextCursor of the previous page, as given.' }),
});

export const ItemPage = z
  .object({
    data: z.array(ItemSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last.' }),
  })
  .meta({ id: 'ItemPage' });

const text = (max: number) => z.string().max(max);

export const ItemCreateBody = z
  .object({
    cycleId: jsonId('cycleId'),
    title: text(200),
    description: text(10_000).optional(),
    businessBenefit: text(5_000).optional(),
    estimate: text(20).optional().meta({ description: 'A size (XS, S, M, L, XL) or person-weeks ("2.5").' }),
    sme: text(200).optional(),
    kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join(', ')}.` }),
    departmentId: jsonId('departmentId'),
    requestorId: jsonId('requestorId').optional().meta({ description: 'Default: the token’s owner.' }),
    sponsorId: jsonId('sponsorId').nullable().optional(),
    themeId: jsonId('themeId').nullable().optional(),
    moduleIds: z.array(jsonId('moduleIds')).max(50).optional(),
  })
  .meta({ id: 'ItemCreate' });

export const ItemPatchBody = ItemCreateBody.omit({ cycleId: true })
  .partial()
  .extend({ version: z.number({ error: 'version must be a number.' }).int().positive() })
  .meta({ id: 'ItemPatch', description: 'The fields to change, and the version you read.' });
