import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from './errors';

/** What every form action returns; `values` echoes the input so nothing typed is lost on an error. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string | string[]>;
};

export function echoValues(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/**
 * Runs a lib/ call for a server action: validation and conflicts become messages for the form,
 * a permission failure the 403 page, a missing record the 404 page. Redirects pass through.
 */
export async function formAction(form: FormData, fn: () => unknown, success?: string): Promise<FormState> {
  try {
    await fn();
    return { ok: true, message: success };
  } catch (error) {
    if (error instanceof ValidationError) {
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values: echoValues(form) };
    }
    if (error instanceof ConflictError) {
      return { ok: false, message: error.message, values: echoValues(form) };
    }
    throw mapFatal(error);
  }
}

/** 403/404 become Next's pages; anything else is rethrown to the error boundary. */
export function mapFatal(error: unknown): unknown {
  if (error instanceof ForbiddenError) forbidden();
  if (error instanceof NotFoundError) notFound();
  return error;
}
