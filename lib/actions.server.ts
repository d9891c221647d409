import 'server-only';
import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import type { z } from 'zod';
import type { ActingUser } from './auth/acting-user';
import { requireUser } from './auth/session.server';
import { asAppError, errorStatus, ValidationError, type FieldErrors } from './errors';
import { pageError } from './pages.server';
import { fieldErrorsOf } from './validation';

/** What every form action returns; `values` echoes the input so nothing typed is lost on an error. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string | string[]>;
  /** What a multi-step form needs for its next step (Done.data); plain data only. */
  data?: unknown;
};

/**
 * A server action as forms call it: through React's useActionState (`(prev, form)`), or as a plain
 * `<form action>` of a server-rendered page (`(form)`), which has no state to show a message in.
 */
export type FormActionFn = {
  (form: FormData): Promise<void>;
  // Last, so that useActionState infers its state from this signature.
  (prev: FormState | undefined, form: FormData): Promise<FormState>;
};

/** What happens after the handler succeeds; each may depend on the parsed input and the handler's result. */
export type Done<I, R> = {
  /** The confirmation shown beside the form. */
  message?: string | ((result: R, input: I) => string);
  /** Paths whose pages show what changed (a path ending in `/layout` revalidates the layout). */
  revalidate?: (input: I, result: R) => string | string[];
  /** Where to go next; the redirect happens after revalidating. */
  redirect?: (result: R, input: I) => string;
  /** Data the form shows next, e.g. a preview to confirm. */
  data?: (result: R, input: I) => unknown;
};

/** The form's values as an object: a key sent once is a string, a key sent several times an array. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/** The files a form uploads, by field name: the schema reads them, but they are never echoed back. */
function fileValues(form: FormData): Record<string, File> {
  const out: Record<string, File> = {};
  for (const [key, value] of form.entries()) if (typeof value !== 'string') out[key] = value;
  return out;
}

/**
 * The one way to write a server action. It authenticates (sign-in with a return path), parses every
 * field of the form, hidden ids included, with `schema`, calls `handler` (which calls lib/, where
 * authorization happens), and turns domain errors into answers: invalid input and conflicts become
 * messages beside the fields with the typed values echoed back, a refusal the 403 page, an unknown
 * or foreign record the 404 page. On success it revalidates, redirects or confirms as `done` says.
 */
export function formAction<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.output<S>, user: ActingUser) => R | Promise<R>,
  done: Done<z.output<S>, Awaited<R>> = {},
): FormActionFn {
  const action = async (prevOrForm: FormState | undefined | FormData, maybeForm?: FormData) => {
    const plain = prevOrForm instanceof FormData;
    const form = plain ? prevOrForm : maybeForm!;
    const user = await requireUser();
    const values = formValues(form);
    const parsed = schema.safeParse({ ...values, ...fileValues(form) });
    if (!parsed.success) {
      // A plain form has nowhere to show a message: its only inputs are hidden ids, so the record is unknown.
      if (plain) notFound();
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, message: formMessage(fieldErrors), fieldErrors, values };
    }
    let result: Awaited<R>;
    try {
      result = await handler(parsed.data, user);
    } catch (error) {
      if (plain) throw pageError(error);
      return failedState(error, values);
    }
    const paths = done.revalidate?.(parsed.data, result) ?? [];
    for (const path of Array.isArray(paths) ? paths : [paths]) {
      if (path.endsWith('/layout')) revalidatePath(path.slice(0, -'/layout'.length) || '/', 'layout');
      else revalidatePath(path);
    }
    if (done.redirect) redirect(done.redirect(result, parsed.data));
    if (plain) return undefined;
    const message = typeof done.message === 'function' ? done.message(result, parsed.data) : done.message;
    return { ok: true, message, data: done.data?.(result, parsed.data) };
  };
  return action as FormActionFn;
}

/** Hidden fields the user never typed: when one is malformed the page is out of date, not the user wrong. */
const HIDDEN_FIELD_MESSAGE = 'This form is out of date: reload the page and try again.';

function formMessage(fieldErrors: FieldErrors): string {
  const hidden = Object.keys(fieldErrors).some((key) => /Id$|^version$/.test(key));
  return hidden ? HIDDEN_FIELD_MESSAGE : 'Some fields need attention.';
}

/**
 * Maps a domain error to the form's answer by its HTTP status (lib/errors.ts): the statuses a person
 * can fix in the form (400 invalid, 409 stale or refused, 413 too large) or retry (503, the database
 * out of reach) become a message beside the fields, with what they typed kept; 403 and 404 become Next's pages; anything else goes to the error page.
 */
export function failedState(error: unknown, values: Record<string, string | string[]>): FormState {
  const status = errorStatus(error);
  if (error instanceof ValidationError) {
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  }
  const known = asAppError(error);
  if (known && (status === 409 || status === 413 || status === 503))
    return { ok: false, message: known.message, values };
  throw pageError(error);
}
