import type { BadInputTarget } from './targets';

/** Bad input for the cycle's non-functional target (a whole percent 0–100, or empty for none). */
export const NFR_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action setNfrTargetAction',
    from: 'a planning cycle',
    as: 'pm',
    kinds: { cycleId: 'id', nfrTargetPercent: 'num?' },
  },
];
