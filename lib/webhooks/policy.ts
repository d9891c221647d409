/**
 * When a failed delivery is tried again: 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h after the
 * first, second… failure (scaled from the first wait, which tests shorten), then it is failed.
 * About 21 hours in all: a receiver down for a night still gets everything.
 */
const STEPS = [1, 6, 30, 180, 720, 2160, 4320];
export const MAX_ATTEMPTS = STEPS.length + 1;

/** The wait after the `attempts`-th failed try (1-based). */
export function retryDelayMs(attempts: number, firstRetryMs: number): number {
  return STEPS[Math.min(attempts, STEPS.length) - 1] * firstRetryMs;
}
