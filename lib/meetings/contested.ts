/**
 * Which agenda items the leaders disagree on, from their provisional stances on the pre-read.
 * Pure, for the agenda editor in the browser and for the server: a contested item deserves the
 * room's time early, while everyone is fresh; an uncontested one can go on the consent agenda.
 */

export type StanceCounts = { leanAccept: number; leanReject: number; unsure: number };

export type ItemContest = {
  itemId: number;
  /** 0 (everyone agrees, or nobody said) to 2 (evenly split and everyone else unsure). */
  score: number;
  contested: boolean;
  /** Everyone who took a stance leans towards accepting it, with few unsure: a consent agenda candidate. */
  consentCandidate: boolean;
  /** Why, in words, for the pm. */
  explanation: string;
};

/** The smaller side is at least a quarter of the leaning stances: 3 against 1 is split, 4 against 1 is not. */
const SPLIT_AT = 0.5;
/** A third or more of the stances unsure is "many unsure". */
const UNSURE_AT = 1 / 3;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The score of one item and the reason for it. */
export function contest(itemId: number, counts: StanceCounts): ItemContest {
  const { leanAccept: accept, leanReject: reject, unsure } = counts;
  const leaning = accept + reject;
  const marked = leaning + unsure;
  if (marked === 0)
    return { itemId, score: 0, contested: false, consentCandidate: false, explanation: 'No stances yet.' };
  // 1 when the leaning stances are evenly split, 0 when they all lean the same way.
  const split = leaning === 0 ? 0 : (2 * Math.min(accept, reject)) / leaning;
  const unsureShare = unsure / marked;
  const isSplit = split >= SPLIT_AT;
  const manyUnsure = unsureShare >= UNSURE_AT;
  const tally = `${accept} lean accept, ${reject} lean reject, ${unsure} unsure`;
  const why: string[] = [];
  if (isSplit) why.push(split === 1 ? 'evenly split' : 'split');
  if (manyUnsure) why.push(`${plural(unsure, 'leader')} of ${marked} unsure`);
  const consentCandidate = accept > 0 && reject === 0 && !manyUnsure;
  let verdict: string;
  if (why.length) verdict = `Contested: ${why.join(' and ')}.`;
  else if (consentCandidate) verdict = 'Uncontested: everyone who took a stance leans accept.';
  else if (accept === 0 && reject > 0 && !manyUnsure) verdict = 'Uncontested: leaning reject.';
  else verdict = 'Mostly agreed.';
  return {
    itemId,
    score: Math.round((split + unsureShare) * 100) / 100,
    contested: isSplit || manyUnsure,
    consentCandidate,
    explanation: `${tally}. ${verdict}`,
  };
}

/**
 * The agenda reordered with the contested items first, most contested first; the others keep
 * their order after them. Stable: items with the same score keep the pm's order.
 */
export function contestedFirst(order: number[], counts: ReadonlyMap<number, StanceCounts>): ItemContest[] {
  const none: StanceCounts = { leanAccept: 0, leanReject: 0, unsure: 0 };
  const scored = order.map((id, at) => ({ at, c: contest(id, counts.get(id) ?? none) }));
  scored.sort((a, b) => {
    if (a.c.contested !== b.c.contested) return a.c.contested ? -1 : 1;
    if (a.c.contested && a.c.score !== b.c.score) return b.c.score - a.c.score;
    return a.at - b.at;
  });
  return scored.map((s) => s.c);
}
