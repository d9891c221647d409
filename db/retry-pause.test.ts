import { describe, expect, it } from 'vitest';
import { retryPauseMs } from './postgres-handle';

describe('retryPauseMs (PostgreSQL serialization retries)', () => {
  it('grows with each attempt, up to a second, and is random below that', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((a) => retryPauseMs(a, 1))).toEqual([
      10, 20, 40, 80, 160, 320, 640, 1000, 1000,
    ]);
    expect(retryPauseMs(4, 0)).toBe(0);
    expect(retryPauseMs(4, 0.5)).toBe(40);
  });

  it('waits about three seconds at most over all the retries', () => {
    const total = [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((sum, a) => sum + retryPauseMs(a, 1), 0);
    expect(total).toBeLessThanOrEqual(3300);
  });
});
