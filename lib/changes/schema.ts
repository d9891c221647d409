import { z } from 'zod';
import { RESPONSES, SESSION_MODES, URGENCIES } from '@/db/schema/schedule';
import { optionalId } from '@/lib/validation';

/**
 * Zod schemas of the change request forms, shared by the pages, the server actions and lib/changes.
 * The incoming item's own fields (when it is new) are the backlog's `ItemFieldsSchema`, sent at the
 * top level beside these: its `title` is also the change request's title.
 */

export const MAX_LONG_TEXT = 5_000;
export const MAX_COMMENT = 2_000;

const wholeNumber = (message: string) => z.coerce.number({ error: message }).int({ error: message });
/** A form sends '', a JSON client may omit the field: both mean "not given" (and '' must not coerce to 0). */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const DisplacementSchema = z.object({
  itemId: z.coerce.number({ error: 'Choose an item of the schedule.' }).int().positive(),
  action: z.enum(['out', 'later'], { error: 'Choose whether the item moves out or later.' }),
  toPeriodId: optionalId.optional(),
});

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const ProposalSchema = z.object({
  whyNow: z
    .string({ error: 'Say why this cannot wait.' })
    .trim()
    .min(1, 'Say why this cannot wait.')
    .max(MAX_LONG_TEXT, `Keep "why now" to ${MAX_LONG_TEXT.toLocaleString('en')} characters or fewer.`),
  urgency: z.enum(URGENCIES, { error: 'Choose the urgency: high or critical.' }),
  /** A deferred item that comes in; null when a new item comes in (its fields sent beside). */
  incomingItemId: optionalId,
  /** 0-based index in the current order: the item goes before the item now there (= length: last). */
  incomingPosition: z.preprocess(
    blankToUndefined,
    wholeNumber('Choose where the item goes in the order.').min(0, 'Choose where the item goes in the order.'),
  ),
  incomingPeriodId: optionalId,
  displaced: z.array(DisplacementSchema).max(100, 'A change request can move at most 100 items.').default([]),
  /** Needed (true) when the proposal takes a period over its capacity; see capacity.ts. */
  confirmOverCapacity: checkbox,
});
export type ProposalInput = z.infer<typeof ProposalSchema>;

export const ConveneSchema = z.object({
  mode: z.enum(SESSION_MODES, { error: 'Choose a live or an asynchronous session.' }),
  /** Async only; default 48 hours from now. A UTC ISO string (the page converts the viewer's local time). */
  deadline: z.preprocess(blankToUndefined, z.coerce.date({ error: 'Enter a valid deadline.' }).optional()),
  /** Default: more than half of the invited leaders. */
  quorum: z.preprocess(
    blankToUndefined,
    wholeNumber('The quorum must be a whole number.').min(1, 'The quorum must be at least 1.').optional(),
  ),
  sponsorVeto: checkbox,
  inviteeIds: z
    .array(z.coerce.number().int().positive(), { error: 'Invite at least one leader.' })
    .min(1, 'Invite at least one leader.'),
});

export const RespondSchema = z
  .object({
    response: z.enum(RESPONSES, { error: 'Choose assent or dissent.' }),
    comment: z
      .string()
      .trim()
      .max(MAX_COMMENT, `Keep the comment to ${MAX_COMMENT.toLocaleString('en')} characters or fewer.`)
      .default(''),
  })
  .superRefine((r, ctx) => {
    if (r.response === 'dissent' && r.comment === '')
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say why you dissent.' });
  });

export const ApproveSchema = z.object({
  justification: z
    .string()
    .trim()
    .max(MAX_LONG_TEXT, `Keep the justification to ${MAX_LONG_TEXT.toLocaleString('en')} characters or fewer.`)
    .default(''),
});

export const ReasonSchema = z.object({
  reason: z
    .string({ error: 'Give a reason.' })
    .trim()
    .min(1, 'Give a reason.')
    .max(MAX_LONG_TEXT, `Keep the reason to ${MAX_LONG_TEXT.toLocaleString('en')} characters or fewer.`),
});

export const WithdrawSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(MAX_LONG_TEXT, `Keep the reason to ${MAX_LONG_TEXT.toLocaleString('en')} characters or fewer.`)
    .default(''),
});

/** A preview's body: half-filled is fine (the answer lists its errors); not being a form at all is a 400. */
export const RaiseFormBody = z.looseObject({}, { error: "The body must be a JSON object of the form's fields." });
