/**
 * Domain errors thrown by lib/. Each carries its HTTP status, and `errorStatus`/`errorBody` are the
 * one mapping from an error to an answer, shared by server actions (lib/actions.server.ts), JSON route
 * handlers (lib/api.server.ts) and the live event stream routes (lib/realtime/route.server.ts).
 */
import { isDatabaseUnavailable } from '@/db/unavailable';
export type FieldErrors = Record<string, string[]>;

export abstract class AppError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 503;
}

/** Input that fails its schema or a rule about its fields: 400, with every field's messages. */
export class ValidationError extends AppError {
  readonly status = 400;
  constructor(
    public fieldErrors: FieldErrors,
    message = 'Some fields need attention.',
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** Nobody is signed in: 401 for the API; pages and actions redirect to sign-in instead. */
export class UnauthenticatedError extends AppError {
  readonly status = 401;
  constructor(message = 'Sign in first.') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(message = 'You do not have permission to do this.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(what = 'This page') {
    super(`${what} does not exist.`);
    this.name = 'NotFoundError';
  }
}

/** A stale write (someone else changed the row first) or a refused state change. */
export class ConflictError extends AppError {
  readonly status = 409;
  constructor(
    message: string,
    public field?: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A request body over the size limit. */
export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  constructor(message = 'The request is too large.') {
    super(message);
    this.name = 'PayloadTooLargeError';
  }
}

/** The database is out of reach for now (db/unavailable.ts): the same request may work in a moment. */
export class UnavailableError extends AppError {
  readonly status = 503;
  constructor(message = 'Quorum cannot reach its database right now. Nothing was changed; try again in a moment.') {
    super(message);
  }
}

/** A domain error as such; a lost database as UnavailableError; anything else (a bug) as null. */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  return isDatabaseUnavailable(error) ? new UnavailableError() : null;
}

/** The HTTP status of a domain error, or null for anything else (a bug: let it reach the error page). */
export function errorStatus(error: unknown): AppError['status'] | null {
  return asAppError(error)?.status ?? null;
}

/** The JSON body that answers a domain error: its message, and the field errors of a validation error. */
export function errorBody(error: AppError): { error: string; fieldErrors?: FieldErrors } {
  return error instanceof ValidationError
    ? { error: error.message, fieldErrors: error.fieldErrors }
    : { error: error.message };
}

/** A domain error as a JSON response; anything else is rethrown. */
export function errorResponse(error: unknown): Response {
  const known = asAppError(error);
  if (!known) throw error;
  return Response.json(errorBody(known), { status: known.status });
}
