import { describe, expect, it } from 'vitest';
import { safeNextPath, withFragment } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/items/52', '/items/52'],
    ['/cycles/3/schedule?view=table', '/cycles/3/schedule?view=table'],
    ['/meetings/4/preread#item-52', '/meetings/4/preread#item-52'],
    ['/cycles/3/schedule#schedule-flags', '/cycles/3/schedule#schedule-flags'],
  ])('follows a same-site path, its fragment included: %s', (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example/#item-1'],
    ['a protocol-relative URL', '//evil.example/items/1'],
    ['a backslash trick', '/\\evil.example'],
    ['the sign-in page itself', '/signin?next=/items/1#item-1'],
    ['the API', '/api/items/1'],
    ['a fragment alone', '#item-52'],
    ['no string', undefined],
  ])('goes home instead of following %s', (_name, value) => {
    expect(safeNextPath(value)).toBe('/');
  });

  it.each([
    ['script', '/items/52#"><script>alert(1)</script>'],
    ['a second path', '/items/52#/../admin'],
    ['spaces', '/items/52#item 52'],
    ['an empty fragment', '/items/52#'],
    ['a fragment starting with a digit', '/items/52#52'],
  ])('keeps the path but drops a fragment that is not an element id (%s)', (_name, value) => {
    expect(safeNextPath(value)).toBe('/items/52');
  });
});

describe('withFragment', () => {
  it('adds the page’s fragment to the return path, once', () => {
    expect(withFragment('/meetings/4/preread', '#item-52')).toBe('/meetings/4/preread#item-52');
    expect(withFragment('/meetings/4/preread#item-7', '#item-52')).toBe('/meetings/4/preread#item-7');
    expect(withFragment('/items/1', '')).toBe('/items/1');
    expect(withFragment('/items/1', '#')).toBe('/items/1');
  });
});
