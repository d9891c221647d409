import type { DecisionOutcome } from '@/db/schema';

/**
 * What became of an item at a meeting, as its requestor and sponsor are told it. Pure, so the
 * outcome page, the e-mails and the request pages (client and server) share one set of words.
 *
 * "Accepted — below the cut line" is a state of its own: the item was accepted, but at publish time
 * it ranked below the line where the cycle's capacity runs out, so it is not planned unless items
 * above it drop out. Calling it just "accepted" would promise work that is not coming.
 */
export const FATES = ['accepted_above', 'accepted_below', 'rejected', 'deferred', 'not_decided'] as const;
export type Fate = (typeof FATES)[number];

export const FATE_LABEL: Record<Fate, string> = {
  accepted_above: 'Accepted — above the cut line',
  accepted_below: 'Accepted — below the cut line',
  rejected: 'Rejected',
  deferred: 'Deferred',
  not_decided: 'Not decided',
};

export const BELOW_CUT_LABEL = FATE_LABEL.accepted_below;

/**
 * An item's fate from its decision and its side of the cut line. An accepted item no longer in the
 * ranking (it went on into delivery) counts as above the line: it is being done.
 */
export function fateOf(d: { outcome: DecisionOutcome | null; aboveCut: boolean | null }): Fate {
  if (d.outcome === null) return 'not_decided';
  if (d.outcome === 'accepted') return d.aboveCut === false ? 'accepted_below' : 'accepted_above';
  return d.outcome;
}

/** The status word shown for an item: "Accepted — below the cut line" where that applies, else the plain label. */
export function statusLabel(plain: string, belowCut: boolean | undefined): string {
  return belowCut ? BELOW_CUT_LABEL : plain;
}
