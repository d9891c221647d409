import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/testing/random';
import { DIGITS, initialKeys, isValidKey, keyBetween, keysBetween } from './fractional-index';

function expectStrictlyIncreasing(keys: string[]) {
  for (let i = 1; i < keys.length; i++) expect(keys[i - 1] < keys[i], `${keys[i - 1]} < ${keys[i]}`).toBe(true);
}

describe('keyBetween', () => {
  it('uses a base-62 alphabet in ASCII order, so plain < (and SQLite BINARY) sorts keys', () => {
    expect([...DIGITS].sort().join('')).toBe(DIGITS);
    expect(DIGITS).toHaveLength(62);
  });

  it('handles open ends', () => {
    const first = keyBetween(null, null);
    expect(isValidKey(first)).toBe(true);
    const before = keyBetween(null, first);
    const after = keyBetween(first, null);
    expectStrictlyIncreasing([before, first, after]);
  });

  it('finds a key between adjacent keys and between a key and its extension', () => {
    const k = keyBetween('a0', 'a1');
    expectStrictlyIncreasing(['a0', k, 'a1']);
    const deeper = keyBetween('a0', k);
    expectStrictlyIncreasing(['a0', deeper, k]);
    const m = keyBetween('a0V', 'a0V1');
    expectStrictlyIncreasing(['a0V', m, 'a0V1']);
  });

  it('throws unless a < b, and on malformed keys', () => {
    expect(() => keyBetween('a1', 'a1')).toThrow();
    expect(() => keyBetween('a2', 'a1')).toThrow();
    expect(() => keyBetween('a10', null)).toThrow(/Invalid/); // fraction ends with the smallest digit
    expect(() => keyBetween(null, 'a')).toThrow(/Invalid/);
    expect(() => keyBetween('a!', null)).toThrow(/Invalid/);
  });

  it('never produces a fraction ending with the smallest digit, so there is always room', () => {
    const random = seededRandom(7);
    let keys = initialKeys(3);
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
      expect(isValidKey(key), key).toBe(true);
      keys = [...keys.slice(0, at), key, ...keys.slice(at)];
    }
    expectStrictlyIncreasing(keys);
  });

  it('stays short under churn', () => {
    // Moving the same item between the same neighbours over and over: the key does not grow.
    const [a, b] = initialKeys(2);
    let key = '';
    for (let i = 0; i < 1000; i++) key = keyBetween(a, b);
    expect(key.length).toBeLessThan(10);

    // Worst case: always inserting right after the same neighbour (halving the gap every time).
    let hi = b;
    for (let i = 0; i < 1000; i++) hi = keyBetween(a, hi);
    expect(hi.length).toBeLessThan(200);
    expect(a < hi && hi < b).toBe(true);

    // Always moving something to the top or the bottom steps the integer part: keys stay tiny.
    let top = a;
    let bottom = b;
    for (let i = 0; i < 1000; i++) {
      top = keyBetween(null, top);
      bottom = keyBetween(bottom, null);
    }
    expect(top.length).toBeLessThanOrEqual(3);
    expect(bottom.length).toBeLessThanOrEqual(3);
  });
});

describe('isValidKey', () => {
  it('accepts produced keys and rejects malformed ones', () => {
    for (const key of ['a0', 'a0V', 'Zz', 'b00', 'b00V']) expect(isValidKey(key), key).toBe(true);
    for (const key of ['', 'a', 'a0V0', 'b0', '0a', 'a-', 'A' + '0'.repeat(26), 42, null]) {
      expect(isValidKey(key), String(key)).toBe(false);
    }
  });
});

describe('keysBetween / initialKeys', () => {
  it('gives n sorted, valid, distinct keys', () => {
    for (const [a, b] of [
      [null, null],
      ['a0', null],
      [null, 'a0'],
      ['a0', 'a1'],
      ['a0', 'a0V'],
    ] as const) {
      for (const n of [0, 1, 2, 5, 50]) {
        const keys = keysBetween(a, b, n);
        expect(keys).toHaveLength(n);
        expect(keys.every(isValidKey)).toBe(true);
        expectStrictlyIncreasing([...(a ? [a] : []), ...keys, ...(b ? [b] : [])]);
      }
    }
  });

  it('spreads keys evenly: a bounded gap of n keys adds about log62(n) characters', () => {
    const keys = keysBetween('a0', 'a1', 1000);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(5);
  });

  it('initialKeys are short', () => {
    expect(initialKeys(3)).toEqual(['a0', 'a1', 'a2']);
    expect(Math.max(...initialKeys(500).map((k) => k.length))).toBeLessThanOrEqual(3);
  });

  it('rejects a bad count', () => {
    expect(() => keysBetween(null, null, -1)).toThrow();
    expect(() => keysBetween(null, null, 1.5)).toThrow();
  });
});
