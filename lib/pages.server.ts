import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { errorStatus } from './errors';
import { idParam } from './validation';

/** A route's numeric id, or the 404 page for anything that is not a positive integer. */
export async function routeId(params: Promise<{ id: string }>): Promise<number> {
  const parsed = idParam.safeParse((await params).id);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** Runs a lib/ read for a page, turning ForbiddenError/NotFoundError into the 403/404 pages. */
export async function readForPage<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw pageError(error);
  }
}

/**
 * For pages and actions, by the error's HTTP status (lib/errors.ts): 403 and 404 become Next's
 * pages; anything else is returned to be rethrown to the error boundary.
 */
export function pageError(error: unknown): unknown {
  const status = errorStatus(error);
  if (status === 403) forbidden();
  if (status === 404) notFound();
  return error;
}
