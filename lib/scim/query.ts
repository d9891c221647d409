import { badRequest } from './errors';

/** The filters Quorum answers: one attribute compared with `eq` to a quoted string (RFC 7644 §3.4.2.2). */
export type EqFilter = { attribute: string; value: string };

const EQ = /^\s*([A-Za-z][\w.:$-]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

/**
 * `userName eq "bjensen@example.com"` → { attribute: 'username', value: … }, with the attribute in
 * lower case (attribute names are case-insensitive). `allowed` lists what the resource can be found
 * by; any other attribute, operator or shape is refused with invalidFilter.
 */
export function parseEqFilter(filter: string | null, allowed: readonly string[]): EqFilter | null {
  if (filter === null || filter.trim() === '') return null;
  const match = filter.length <= 500 ? EQ.exec(filter) : null;
  const attribute = match?.[1].toLowerCase();
  if (!match || !attribute || !allowed.map((a) => a.toLowerCase()).includes(attribute)) {
    throw badRequest(
      'invalidFilter',
      `The filter "${filter.slice(0, 100)}" is not supported: use ${allowed.map((a) => `${a} eq "…"`).join(' or ')}.`,
    );
  }
  let value: string;
  try {
    value = JSON.parse(`"${match[2]}"`) as string;
  } catch {
    throw badRequest('invalidFilter', `The filter "${filter.slice(0, 100)}" has a malformed quoted value.`);
  }
  return { attribute, value };
}

export const MAX_PAGE = 200;

export type Page = { startIndex: number; count: number };

const WHOLE = /^-?[0-9]{1,9}$/;

/**
 * `startIndex` (1-based) and `count` from the query. Per RFC 7644 §3.4.2.4 a startIndex under 1 is
 * read as 1 and a negative count as 0; text that is not a whole number is refused.
 */
export function parsePage(params: URLSearchParams): Page {
  const read = (name: string, fallback: number) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === '') return fallback;
    if (!WHOLE.test(raw.trim())) throw badRequest('invalidValue', `"${name}" must be a whole number.`);
    return Number(raw.trim());
  };
  return {
    startIndex: Math.max(1, read('startIndex', 1)),
    count: Math.min(MAX_PAGE, Math.max(0, read('count', 100))),
  };
}

export function listResponse(resources: unknown[], totalResults: number, page: Page) {
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults,
    itemsPerPage: resources.length,
    startIndex: page.startIndex,
    Resources: resources,
  };
}
