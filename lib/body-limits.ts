/**
 * How large a request body may be. A JSON API body is a handful of fields: anything near these sizes
 * is a mistake or an attack, and is answered 413 with a message before it is parsed.
 */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/**
 * A server action's form (next.config.ts sets Next's own limit to the same). Next answers a body over
 * its limit with a 500, so proxy.ts answers 413 first for every body that declares a larger length.
 */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

const MB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`);

export const bodyTooLargeMessage = (limit: number) => `The request body is larger than the limit of ${size(limit)}.`;

/** Whether a request declares (Content-Length) a body over `limit` bytes. */
export function declaresMoreThan(headers: Headers, limit: number): boolean {
  const length = Number(headers.get('content-length'));
  return Number.isFinite(length) && length > limit;
}
