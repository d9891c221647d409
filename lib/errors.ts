/** Domain errors thrown by lib/; actions and route handlers turn them into pages or HTTP statuses. */
export type FieldErrors = Record<string, string[]>;

export class ValidationError extends Error {
  constructor(public fieldErrors: FieldErrors, message = 'Some fields need attention.') {
    super(message);
    this.name = 'ValidationError';
  }
}

export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends Error {
  constructor(what = 'This page') {
    super(`${what} does not exist.`);
    this.name = 'NotFoundError';
  }
}

/** A stale write (someone else changed the row first) or a refused state change. */
export class ConflictError extends Error {
  constructor(message: string, public field?: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
