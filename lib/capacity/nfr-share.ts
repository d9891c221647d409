/**
 * The share of capacity that non-functional and tech-debt work takes. Pure, so the backlog, the
 * agenda editor, the live ranking (in the browser, as the ranking moves) and the outcome page all
 * compute the same figure and the same words from the items each already has.
 */
import type { Kind } from '@/db/schema/backlog';
import { cutLine } from '@/lib/ranking/order';
import { formatWeeks, personWeeks, plural } from '@/lib/plural';

/** The kinds that count as non-functional work: both keep the product running rather than add to it. */
export const NFR_KINDS: readonly Kind[] = ['non_functional', 'tech_debt'];

export const isNonFunctional = (kind: Kind): boolean => NFR_KINDS.includes(kind);

export type NfrShareItem = { kind: Kind; weeks: number | null };

export type NfrShare = {
  /** The cycle's target in percent, null when none is set (then nothing is ever short). */
  targetPercent: number | null;
  capacityWeeks: number;
  /** Person-weeks of non-functional items with an estimate. */
  nfrWeeks: number;
  /** nfrWeeks as a whole percentage of capacity (above 100 when the work exceeds capacity). */
  percent: number;
  /** Non-functional items without an estimate: not counted in nfrWeeks. */
  unestimated: number;
  /** How many person-weeks more would meet the target; 0 when met or when there is no target. */
  shortByWeeks: number;
  short: boolean;
};

// 0.1 + 0.2 weeks must meet a 0.3-week target.
const EPSILON = 1e-9;

/** The share of `items` (already chosen: above the cut line, on the agenda…) against capacity. */
export function nfrShare(
  items: readonly NfrShareItem[],
  capacityWeeks: number,
  targetPercent: number | null,
): NfrShare {
  let nfrWeeks = 0;
  let unestimated = 0;
  for (const item of items) {
    if (!isNonFunctional(item.kind)) continue;
    if (item.weeks === null) unestimated += 1;
    else nfrWeeks += item.weeks;
  }
  const capacity = Number.isFinite(capacityWeeks) && capacityWeeks > 0 ? capacityWeeks : 0;
  const percent = capacity > 0 ? Math.round((nfrWeeks / capacity) * 100) : 0;
  const targetWeeks = targetPercent === null ? 0 : (capacity * targetPercent) / 100;
  const gap = targetWeeks - nfrWeeks;
  const short = targetPercent !== null && gap > EPSILON;
  return {
    targetPercent,
    capacityWeeks: capacity,
    nfrWeeks,
    percent,
    unestimated,
    shortByWeeks: short ? gap : 0,
    short,
  };
}

/** The share above the cut line of a ranking in rank order: what would be done within capacity. */
export function nfrShareAboveCut(
  ordered: readonly NfrShareItem[],
  capacityWeeks: number,
  targetPercent: number | null,
): NfrShare {
  const { fitCount } = cutLine(ordered, Math.max(0, capacityWeeks));
  return nfrShare(ordered.slice(0, fitCount), capacityWeeks, targetPercent);
}

/**
 * "Non-functional work above the cut line: 2 of 10 person-weeks (20 %) — short of the 30 % target
 * by 1 person-week." `where` names what was counted ("above the cut line", "on the agenda").
 */
export function nfrShareText(share: NfrShare, where: string): string {
  const head = `Non-functional work ${where}: ${formatWeeks(share.nfrWeeks)} of ${personWeeks(share.capacityWeeks)} (${share.percent} %)`;
  if (share.targetPercent === null) return `${head}.`;
  if (share.short)
    return `${head} — short of the ${share.targetPercent} % target by ${personWeeks(share.shortByWeeks)}.`;
  return `${head} — meets the ${share.targetPercent} % target.`;
}

/** "1 non-functional item has no estimate and is not counted." or null when every one has one. */
export function nfrUnestimatedText(share: NfrShare): string | null {
  if (share.unestimated === 0) return null;
  const one = share.unestimated === 1;
  return `${plural(share.unestimated, 'non-functional item')} ${one ? 'has' : 'have'} no estimate and ${one ? 'is' : 'are'} not counted.`;
}

/** Whether the share says anything: a target is set, or some non-functional work is counted or left out. */
export function nfrShareMatters(share: NfrShare): boolean {
  return share.targetPercent !== null || share.nfrWeeks > 0 || share.unestimated > 0;
}
