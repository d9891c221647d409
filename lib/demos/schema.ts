import { z } from 'zod';
import { DEMO_STAGES, FEEDBACK_VERDICTS } from '@/db/schema';
import { formId, singleLine } from '@/lib/validation';

/**
 * What the demo forms send, shared by the server actions and lib/. The time arrives as an ISO
 * instant (the form converts the organiser's wall-clock time in the browser) together with the
 * organiser's zone, which is kept so the invitation and the page can say what was planned.
 */

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const DEFAULT_FEEDBACK_DAYS = 7;
export const MAX_FEEDBACK_DAYS = 60;
export const DEFAULT_DEMO_MINUTES = 45;
export const MAX_DEMO_ITEMS = 50;
export const MAX_INVITEES = 500;
export const MAX_LINKS = 10;
export const FEEDBACK_COMMENT_MAX = 2000;
export const NOTES_MAX = 5000;

/** A zone the runtime knows: anything else would make every time on the page a guess. */
const timeZone = z
  .string({ error: 'Time zone is required.' })
  .trim()
  .min(1, 'Time zone is required.')
  .max(64, 'Choose a known time zone.')
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Choose a known time zone.');

const wholeNumber = (label: string, min: number, max: number, fallback: number, unit: string) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `${label} must be a number of ${unit}.` })
      .int(`${label} must be a whole number of ${unit}.`)
      .min(min, `${label} must be between ${min} and ${max} ${unit}.`)
      .max(max, `${label} must be between ${min} and ${max} ${unit}.`)
      .default(fallback),
  );

const idList = (label: string, max: number, tooMany: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(formId, { error: `${label} must be a list.` }).max(max, tooMany),
  );

/** How long feedback stays open again on a demo that has taken place, counted from now. */
export const feedbackWindowSchema = z.object({
  feedbackDays: wholeNumber('Feedback window', 1, MAX_FEEDBACK_DAYS, DEFAULT_FEEDBACK_DAYS, 'days'),
});

export function demoInputSchema(now: Date = new Date()) {
  return z.object({
    title: singleLine('Title', 120, { required: 'Title is required.' }),
    startsAt: z
      .preprocess(
        emptyToUndefined,
        z.iso
          .datetime({ offset: true, error: 'Enter the demo date and time.' })
          .transform((s) => new Date(s).toISOString()),
      )
      .refine((s) => Date.parse(s) > now.getTime(), 'The demo date must be in the future.'),
    timeZone,
    durationMinutes: wholeNumber('Duration', 15, 480, DEFAULT_DEMO_MINUTES, 'minutes'),
    presenterId: z
      .preprocess(emptyToUndefined, formId.optional())
      .refine((v) => v !== undefined, 'Choose a presenter.'),
    itemIds: idList('Items', MAX_DEMO_ITEMS, `A demo can show at most ${MAX_DEMO_ITEMS} items.`).refine(
      (ids) => ids.length > 0,
      'Choose at least one item to show.',
    ),
    feedbackDays: wholeNumber('Feedback window', 0, MAX_FEEDBACK_DAYS, DEFAULT_FEEDBACK_DAYS, 'days'),
    inviteeIds: idList('Invitees', MAX_INVITEES, `A demo can have at most ${MAX_INVITEES} invitees.`).refine(
      (ids) => ids.length > 0,
      'Invite at least one person.',
    ),
  });
}
export type DemoInput = z.output<ReturnType<typeof demoInputSchema>>;

const link = z
  .string()
  .trim()
  .max(2000, 'A link must be at most 2,000 characters.')
  .refine((s) => {
    try {
      const url = new URL(s);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Each link must be a full http:// or https:// address.');

const notes = (label: string) =>
  z.preprocess(
    (v) => v ?? '',
    z
      .string({ error: `${label} must be text.` })
      .trim()
      .max(NOTES_MAX, `${label} must be at most ${NOTES_MAX.toLocaleString('en')} characters.`),
  );

/** Links arrive one per line from a text area, or as a list from the API. */
const links = z.preprocess(
  (v) => {
    const list = typeof v === 'string' ? v.split(/\r?\n/) : v === undefined ? [] : v;
    // A blank line is no link; anything else is checked.
    return Array.isArray(list) ? list.filter((s) => typeof s !== 'string' || s.trim() !== '') : list;
  },
  z.array(link, { error: 'Links must be a list.' }).max(MAX_LINKS, `At most ${MAX_LINKS} links.`),
);

export const ShownItemSchema = z.object({
  stage: z.enum(DEMO_STAGES, { error: 'Choose what stage was shown.' }),
  notes: notes('Notes'),
  links,
});

export const DemoNotesSchema = z.object({ notes: notes('Notes on the demo') });

export const FeedbackSchema = z
  .object({
    verdict: z.enum(FEEDBACK_VERDICTS, { error: 'Choose "Looks right" or "Concern".' }),
    comment: z.preprocess(
      (v) => v ?? '',
      z
        .string({ error: 'Comment must be text.' })
        .trim()
        .max(FEEDBACK_COMMENT_MAX, `Comment must be at most ${FEEDBACK_COMMENT_MAX.toLocaleString('en')} characters.`),
    ),
  })
  .superRefine((f, ctx) => {
    if (f.verdict === 'concern' && f.comment.length === 0)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what the concern is.' });
  });

export const STAGE_LABELS: Record<(typeof DEMO_STAGES)[number], string> = {
  mockup: 'Mock-up',
  prototype: 'Prototype',
  v0: 'V0',
  v1: 'V1',
  released: 'Released',
};

export const VERDICT_LABELS: Record<(typeof FEEDBACK_VERDICTS)[number], string> = {
  looks_right: 'Looks right',
  concern: 'Concern',
};
