import { MAX_ROW_ID } from '@/db/rows';
import { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors';

/** Parses or throws a ValidationError carrying every field's messages (not only the first). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * What a one-line field (a title, a name, a place) may not hold: control characters (Cc: NUL, tab, CR,
 * LF…), format characters (Cf: zero-width, direction marks, soft hyphen, BOM) and the Unicode line and
 * paragraph separators. Such a value reaches e-mail subjects, calendar files and tables, where it splits
 * lines or hides text.
 */
const NOT_ONE_LINE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export const notOneLineMessage = (label: string) =>
  `${label} must be one line of plain text: no line breaks, control or invisible characters.`;

/**
 * Every title and name: trimmed, at most `max` characters, one line of visible text. `required` is the
 * message for an empty value (none: empty is allowed); `tooLong` replaces the default message.
 */
export function singleLine(label: string, max: number, messages: { required?: string; tooLong?: string } = {}) {
  const base = z.string({ error: messages.required ?? `${label} must be text.` }).trim();
  return (messages.required ? base.min(1, messages.required) : base)
    .max(max, messages.tooLong ?? `${label} must be at most ${max.toLocaleString('en')} characters.`)
    .refine((s) => !NOT_ONE_LINE.test(s), notOneLineMessage(label));
}

/**
 * An id as text: digits only, no sign, point, exponent, padding or leading zero, and small enough to
 * be exact. Number() and z.coerce would read " 5 ", "5.0", "7e2" and "0x10" as numbers: a form that
 * sends one of those was not made by Quorum, so it is refused, not guessed at.
 */
const ID_TEXT = /^[1-9][0-9]{0,14}$/;

/** A string id becomes its number, a malformed one NaN (refused below with the field's message); numbers pass. */
const idFromText = (v: unknown) => (typeof v === 'string' ? (ID_TEXT.test(v) ? Number(v) : Number.NaN) : v);

const positiveId = (message: string) =>
  z.number({ error: message }).int({ error: message }).positive({ error: message }).max(MAX_ROW_ID, message);

/** Form values arrive as strings: '' means "not given". */
export const optionalId = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? null : idFromText(v)),
  positiveId('Choose a valid option.').nullable(),
);

export const requiredId = (label: string) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : idFromText(v)), positiveId(`Choose a ${label}.`));

/** An id in a route's path. */
export const idParam = z.preprocess(idFromText, positiveId('Must be a positive whole number.'));

export const ID_MESSAGE = 'Must be a positive whole number.';

/** An id sent by a form (usually hidden) or a route: a positive whole number, anything else is refused. */
export const formId = z.preprocess(idFromText, positiveId(ID_MESSAGE));

/**
 * An id in a JSON body: JSON has numbers, so a string ("3") is refused rather than coerced, with a
 * message naming the field. Forms send strings and use formId/requiredId instead.
 */
export const jsonId = (field: string) => {
  const message = `${field} must be a number (a positive whole number, not a string).`;
  return z.number({ error: message }).int({ error: message }).positive({ error: message });
};

/** A field a form may send several times (checkboxes) or not at all: always an array. */
export const formList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** A text field passed on to lib/, which validates its content; absent counts as empty. */
export const formText = z.preprocess((v) => v ?? '', z.string());

/** Turns FormData into a plain object; keys listed in `multi` keep every value as an array. */
export function formToObject(form: FormData, multi: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    out[key] = multi.includes(key) ? form.getAll(key) : form.get(key);
  }
  for (const key of multi) out[key] ??= [];
  return out;
}
