import { z } from 'zod';
import { singleLine } from '@/lib/validation';
import { isDay } from '@/lib/schedule/dates';
import { RELEASE_NOTES_MAX, LINKS_MAX, LINK_LENGTH_MAX, MILESTONE_NAME_MAX, ACTUAL_WEEKS_MAX } from './limits';
export { RELEASE_NOTES_MAX, LINKS_MAX, LINK_LENGTH_MAX, MILESTONE_NAME_MAX, ACTUAL_WEEKS_MAX } from './limits';

/** Input of the delivery forms; pure, so the forms can show the same limits. */

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const day = z
  .string({ error: 'Enter the delivery date (YYYY-MM-DD).' })
  .trim()
  .refine(isDay, 'Enter the delivery date as a real date (YYYY-MM-DD).');

const releaseNotes = z
  .preprocess(
    (v) => v ?? '',
    z
      .string({ error: 'The release notes must be text.' })
      .max(
        RELEASE_NOTES_MAX,
        `The release notes must be at most ${RELEASE_NOTES_MAX.toLocaleString('en')} characters.`,
      ),
  )
  .transform((s) => s.trim());

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Links arrive as one text box (one link per line) or as repeated fields; blank lines are dropped.
 * Only web links: a `javascript:` or `file:` link would run or leak something when clicked.
 */
const links = z.preprocess(
  (v) => {
    const all = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    return all.flatMap((s) => (typeof s === 'string' ? s.split(/\r?\n/) : [s]));
  },
  z
    .array(
      z
        .string({ error: 'Each link must be text.' })
        .transform((s) => s.trim())
        .pipe(
          z
            .string()
            .max(LINK_LENGTH_MAX, `Each link must be at most ${LINK_LENGTH_MAX.toLocaleString('en')} characters.`)
            .refine(
              (s) => s === '' || isWebUrl(s),
              'Each link must be a web address starting with http:// or https://.',
            ),
        ),
    )
    .transform((all) => all.filter((s) => s !== ''))
    .refine((all) => all.length <= LINKS_MAX, `Give at most ${LINKS_MAX} links.`),
);

export const MilestoneSchema = z.object({
  name: singleLine('The milestone name', MILESTONE_NAME_MAX, { required: 'Name the milestone.' }),
  deliveredOn: day,
  releaseNotes,
  links,
});
export type MilestoneInput = z.output<typeof MilestoneSchema>;

export const FinalDeliverySchema = z.object({
  deliveredOn: day,
  releaseNotes,
  links,
  /** Person-weeks actually spent; optional, blank means not recorded. */
  actualWeeks: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'Enter the actual effort in person-weeks, as a number.' })
      .gt(0, 'The actual effort must be more than 0 person-weeks.')
      .max(ACTUAL_WEEKS_MAX, `The actual effort must be at most ${ACTUAL_WEEKS_MAX} person-weeks.`)
      .optional(),
  ),
});
export type FinalDeliveryInput = z.output<typeof FinalDeliverySchema>;
