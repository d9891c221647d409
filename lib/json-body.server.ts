import 'server-only';
import { bodyTooLargeMessage, declaresMoreThan, MAX_JSON_BODY_BYTES } from './body-limits';
import { PayloadTooLargeError, ValidationError } from './errors';

/**
 * The request's JSON body: 413 when it is over MAX_JSON_BODY_BYTES (checked on the declared length
 * and again while reading, so a body without one is cut off too), 400 when it is not JSON.
 */
export async function readJson(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  if (declaresMoreThan(request.headers, limit)) throw new PayloadTooLargeError(bodyTooLargeMessage(limit));
  const text = await readText(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError({ _body: ['The request body must be JSON.'] }, 'The request body must be JSON.');
  }
}

async function readText(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(bodyTooLargeMessage(limit));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf-8');
}
