import { describe, expect, it } from 'vitest';
import { clientAddress, delaySeconds, formatWait, throttled, waitMs, type ThrottleRule } from './throttle';

const PAIR: ThrottleRule = { free: 5, firstDelaySeconds: 1, maxDelaySeconds: 900 };
const CLIENT: ThrottleRule = { free: 20, firstDelaySeconds: 1, maxDelaySeconds: 900 };
const T = 1_800_000_000_000;

describe('delaySeconds', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [10, 32],
    [14, 512],
    [15, 900],
    [1_000_000, 900],
  ])('after %i failures the next attempt waits %i s', (count, seconds) => {
    expect(delaySeconds(count, PAIR)).toBe(seconds);
  });

  it('starts from the configured first delay', () => {
    expect(delaySeconds(3, { free: 3, firstDelaySeconds: 60, maxDelaySeconds: 900 })).toBe(60);
    expect(delaySeconds(4, { free: 3, firstDelaySeconds: 60, maxDelaySeconds: 900 })).toBe(120);
  });
});

describe('waitMs', () => {
  it.each([
    ['no failures', { count: 0, lastAt: null }, T, 0],
    ['below the free failures', { count: 4, lastAt: T }, T, 0],
    ['below the free failures, the last one a moment after now', { count: 4, lastAt: T + 5 }, T, 0],
    ['right after the fifth failure', { count: 5, lastAt: T }, T, 1000],
    ['the delay has passed', { count: 5, lastAt: T }, T + 1000, 0],
    ['half-way through a 32 s delay', { count: 10, lastAt: T }, T + 16_000, 16_000],
    ['at the cap', { count: 40, lastAt: T }, T + 60_000, 840_000],
  ])('%s', (_name, failures, now, expected) => {
    expect(waitMs(failures, PAIR, now)).toBe(expected);
  });
});

describe('throttled', () => {
  it('is the longest wait of the keys, naming the key', () => {
    const pair = { key: 'account-client' as const, failures: { count: 6, lastAt: T }, rule: PAIR };
    const client = { key: 'client' as const, failures: { count: 25, lastAt: T }, rule: CLIENT };
    expect(throttled([pair, client], T)).toEqual({ key: 'client', waitMs: 32_000 });
    expect(throttled([pair, { ...client, failures: { count: 3, lastAt: T } }], T)).toEqual({
      key: 'account-client',
      waitMs: 2000,
    });
    expect(throttled([pair, client], T + 32_000)).toBeNull();
  });

  // The cases that decide whether the rule can be turned against users, or is too weak.
  it.each([
    // [who, failures of this account from this client, failures of this client overall, throttled?]
    ['the user, while a stranger failed 50 times on their account elsewhere', 0, 0, false],
    ['the user after 4 typos of their own', 4, 4, false],
    ['a guesser after 5 failures on one account', 5, 5, true],
    ['a sprayer after one failure on each of 20 accounts', 1, 20, true],
    ['a sprayer after one failure on each of 19 accounts', 1, 19, false],
  ])('%s', (_who, pairCount, clientCount, expected) => {
    const result = throttled(
      [
        { key: 'account-client', failures: { count: pairCount, lastAt: pairCount ? T : null }, rule: PAIR },
        { key: 'client', failures: { count: clientCount, lastAt: clientCount ? T : null }, rule: CLIENT },
      ],
      T,
    );
    expect(result !== null).toBe(expected);
  });
});

describe('clientAddress', () => {
  it.each([
    ['no header', null, 0, 'unknown'],
    ['the socket address Next copied', '203.0.113.9', 0, '203.0.113.9'],
    ['an IPv4 client on a dual-stack socket', '::ffff:127.0.0.1', 0, '127.0.0.1'],
    ['an IPv6 client', '2001:DB8::1', 0, '2001:db8::1'],
    ['no trusted proxy: the last entry', '198.51.100.1, 203.0.113.9', 0, '203.0.113.9'],
    ['one trusted proxy that replaced the header', '203.0.113.9', 1, '203.0.113.9'],
    ['one trusted proxy that appended to a forged header', '198.51.100.66, 203.0.113.9', 1, '203.0.113.9'],
    ['two trusted proxies (CDN, then load balancer)', '198.51.100.66, 203.0.113.9, 10.0.0.5', 2, '203.0.113.9'],
    ['more trusted proxies than entries', '203.0.113.9', 3, '203.0.113.9'],
    ['blank entries', ' , 203.0.113.9 ,', 0, '203.0.113.9'],
  ])('%s', (_name, header, proxies, expected) => {
    expect(clientAddress(header, proxies)).toBe(expected);
  });
});

describe('formatWait', () => {
  it.each([
    [0.2, '1 second'],
    [1, '1 second'],
    [59, '59 seconds'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [900, '15 minutes'],
  ])('%f s reads "%s"', (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });
});
