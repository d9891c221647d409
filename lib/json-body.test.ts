import { describe, expect, it } from 'vitest';
import { ItemJsonIds } from '@/lib/backlog/item-schema';
import { bodyTooLargeMessage, MAX_JSON_BODY_BYTES } from './body-limits';
import { readJson } from './json-body.server';
import { PayloadTooLargeError, ValidationError } from './errors';
import { jsonId, parseOrThrow } from './validation';

const twoMegabytes = JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) });

/** A body sent in chunks with no Content-Length, as a streaming client may. */
function streamed(text: string): Request {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
      controller.close();
    },
  });
  return new Request('http://localhost/api/items', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readJson', () => {
  it('reads a JSON body under the limit', async () => {
    const request = new Request('http://localhost/api/items', { method: 'POST', body: '{"cycleId":3}' });
    expect(await readJson(request)).toEqual({ cycleId: 3 });
  });

  it('answers a 2 MB body with a 413 and a message, whether or not it declares its length', async () => {
    for (const request of [
      new Request('http://localhost/api/items', {
        method: 'POST',
        body: twoMegabytes,
        headers: { 'content-length': String(twoMegabytes.length) },
      }),
      streamed(twoMegabytes),
    ]) {
      const error = await readJson(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PayloadTooLargeError);
      expect(error).toMatchObject({ status: 413, message: bodyTooLargeMessage(MAX_JSON_BODY_BYTES) });
    }
  });

  it('answers a body that is not JSON with a 400', async () => {
    const error = await readJson(streamed('{"title": ')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400 });
  });
});

describe('ids in JSON bodies', () => {
  const Body = ItemJsonIds.extend({ cycleId: jsonId('cycleId') });

  it.each([
    ['cycleId', { cycleId: '3' }],
    ['departmentId', { cycleId: 3, departmentId: '4' }],
    ['sponsorId', { cycleId: 3, sponsorId: '' }],
    ['moduleIds', { cycleId: 3, moduleIds: [1, '2'] }],
  ])('refuses %s as a string, naming the field', (field, body) => {
    const error = (() => {
      try {
        parseOrThrow(Body, body);
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('expected a ValidationError');
    })();
    expect(Object.keys(error.fieldErrors)).toEqual([field]);
    expect(error.fieldErrors[field][0]).toContain(`${field} must be a number`);
  });

  it('takes numbers, and null where the id is optional', () => {
    expect(parseOrThrow(Body, { cycleId: 3, departmentId: 4, sponsorId: null, moduleIds: [1, 2] })).toMatchObject({
      cycleId: 3,
      departmentId: 4,
    });
  });
});
