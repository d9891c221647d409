import 'server-only';
import { notFound } from 'next/navigation';
import { idParam } from './validation';
import { pageError } from './actions';

/** A route's numeric id, or the 404 page for anything that is not a positive integer. */
export async function routeId(params: Promise<{ id: string }>): Promise<number> {
  const parsed = idParam.safeParse((await params).id);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** Runs a lib/ read for a page, turning ForbiddenError/NotFoundError into the 403/404 pages. */
export function readForPage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw pageError(error);
  }
}
