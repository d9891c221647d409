import { z } from 'zod';
import { ATTENDEE_ROLES } from '@/db/schema/meetings';
import { requiredId, singleLine } from '@/lib/validation';

/**
 * What a pm types to schedule a meeting. Shared by the form action and the JSON API. Times arrive
 * as ISO strings with an offset or Z (the form converts the viewer's local time in the browser)
 * and are stored as UTC ISO strings.
 */

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const isoDateTime = (error: string) =>
  z.iso.datetime({ offset: true, error }).transform((s) => new Date(s).toISOString());

export const DEFAULT_DURATION_MINUTES = 90;
/** Questions close this long before the meeting unless the pm says otherwise. */
export const DEFAULT_QUESTIONS_CLOSE_MS = 24 * 3_600_000;

/** `now` is a parameter so "in the future" is testable and judged once per request. */
export function meetingInputSchema(now: Date = new Date()) {
  return z
    .object({
      title: singleLine('Title', 120, { required: 'Title is required.' }),
      scheduledAt: z
        .preprocess(emptyToUndefined, isoDateTime('Enter the meeting date and time.'))
        .refine((s) => Date.parse(s) > now.getTime(), 'The meeting date must be in the future.'),
      durationMinutes: z.preprocess(
        emptyToUndefined,
        z.coerce
          .number({ error: 'Duration must be a number of minutes.' })
          .int('Duration must be a whole number of minutes.')
          .min(15, 'Duration must be at least 15 minutes.')
          .max(480, 'Duration must be at most 480 minutes (8 hours).')
          .default(DEFAULT_DURATION_MINUTES),
      ),
      location: z.preprocess((v) => v ?? '', singleLine('Location', 200)),
      facilitatorId: requiredId('facilitator'),
      questionsCloseAt: z.preprocess(
        emptyToUndefined,
        isoDateTime('Enter a date and time for the questions deadline.').optional(),
      ),
    })
    .transform((m) => ({
      ...m,
      questionsCloseAt:
        m.questionsCloseAt ?? new Date(Date.parse(m.scheduledAt) - DEFAULT_QUESTIONS_CLOSE_MS).toISOString(),
    }))
    .superRefine((m, ctx) => {
      if (Date.parse(m.questionsCloseAt) >= Date.parse(m.scheduledAt)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questionsCloseAt'],
          message: 'Questions must close before the meeting starts.',
        });
      }
    });
}
export type MeetingInput = z.infer<Awaited<ReturnType<typeof meetingInputSchema>>>;

export const AttendeesSchema = z
  .array(
    z.object({
      userId: z.coerce.number().int().positive(),
      role: z.enum(ATTENDEE_ROLES, { error: 'Choose voter or observer.' }),
    }),
    { error: 'Attendees must be a list.' },
  )
  .max(500, 'A meeting can have at most 500 attendees.');

export const AgendaSchema = z
  .array(z.coerce.number().int().positive(), { error: 'The agenda must be a list of items.' })
  .max(1000, 'An agenda can hold at most 1000 items.');

export const PREREAD_NOTE_MAX = 2000;

export const DistributeSchema = z.object({
  confirmLate: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()).default(false),
  /** The pm's personal note at the top of the pre-read e-mail. */
  note: z
    .string({ error: 'Personal note must be text.' })
    .trim()
    .max(PREREAD_NOTE_MAX, `Personal note must be at most ${PREREAD_NOTE_MAX.toLocaleString('en')} characters.`)
    .default(''),
});

/**
 * Reads the attendee form: `attendee` holds the ticked user ids and `role_<id>` each one's role,
 * so an unticked person's role choice is simply ignored.
 */
export function attendeesFromForm(form: Record<string, unknown>): { userId: unknown; role: unknown }[] {
  const ids = Array.isArray(form.attendee) ? form.attendee : form.attendee ? [form.attendee] : [];
  return ids.map((id) => ({ userId: id, role: form[`role_${String(id)}`] ?? 'voter' }));
}
