/**
 * SCIM answers errors in its own schema (RFC 7644 §3.12): a status as a string and, for a 400 or
 * 409, a scimType saying what kind of mistake it was. lib/scim throws these; scimHandler answers them.
 */
export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'invalidValue'
  | 'noTarget'
  | 'uniqueness'
  | 'mutability'
  | 'tooMany';

export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413,
    detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = 'ScimError';
  }
}

export const badRequest = (scimType: ScimType, detail: string) => new ScimError(400, detail, scimType);

export const notFound = (what: 'User' | 'Group', id: string) =>
  new ScimError(404, `${what} ${JSON.stringify(id.slice(0, 80))} does not exist.`);

export function scimErrorBody(error: ScimError) {
  return {
    schemas: [SCIM_ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.message,
  };
}
