/**
 * Duplicate titles. Two titles are the same when they are equal once folded (case, accents,
 * punctuation and spacing ignored), and similar when their sets of folded words overlap by a
 * Jaccard index of at least 0.8 (shared words ÷ all words), e.g. "Export the backlog to CSV" and
 * "Export backlog to CSV". Only titles of two or more words are compared for similarity: one word
 * in common says little.
 */
import { foldWords } from './fields';

export const SIMILARITY = 0.8;

export type DuplicateOf = { kind: 'exact' | 'similar'; of: { row: number } | { itemId: number }; title: string };

type Entry = { key: string; words: Set<string>; prefix: string[]; ref: DuplicateOf['of']; title: string };

/**
 * Finds, for each title, the first earlier row or existing item it duplicates (null when none).
 * Similar titles are found by prefix filtering: with each title's words ordered rarest first, two
 * titles whose Jaccard index reaches the threshold share one of their first |words| − ⌈0.8·|words|⌉ + 1
 * words, so only titles sharing such a rare word are compared, not every pair of titles that share "the".
 */
export function findDuplicates(
  titles: { row: number; title: string }[],
  existing: { id: number; title: string }[],
): (DuplicateOf | null)[] {
  const keyed = [
    ...existing.map((i) => ({ title: i.title, ref: { itemId: i.id } as DuplicateOf['of'] })),
    ...titles.map((t) => ({ title: t.title, ref: { row: t.row } as DuplicateOf['of'] })),
  ].map((t) => ({ ...t, key: foldWords(t.title) }));
  const frequency = new Map<string, number>();
  for (const t of keyed)
    for (const w of new Set(t.key.split(' ').filter(Boolean))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const entries: Entry[] = keyed.map((t) => {
    const words = new Set(t.key.split(' ').filter(Boolean));
    const ordered = [...words].sort(rarestFirst);
    const prefix = ordered.slice(0, ordered.length - Math.ceil(SIMILARITY * ordered.length) + 1);
    return { key: t.key, words, prefix, ref: t.ref, title: t.title };
  });

  const exact = new Map<string, Entry>();
  const byPrefixWord = new Map<string, Entry[]>();
  const add = (entry: Entry) => {
    if (!exact.has(entry.key)) exact.set(entry.key, entry);
    for (const w of entry.prefix) {
      const list = byPrefixWord.get(w);
      if (list) list.push(entry);
      else byPrefixWord.set(w, [entry]);
    }
  };
  entries.slice(0, existing.length).forEach(add);
  return entries.slice(existing.length).map((entry) => {
    if (entry.key === '') return null;
    const same = exact.get(entry.key);
    let found: DuplicateOf | null = same ? { kind: 'exact', of: same.ref, title: same.title } : null;
    if (!found && entry.words.size >= 2) found = mostSimilar(entry, byPrefixWord);
    add(entry);
    return found;
  });
}

function mostSimilar(entry: Entry, byPrefixWord: Map<string, Entry[]>): DuplicateOf | null {
  const seen = new Set<Entry>();
  let best: { other: Entry; score: number } | null = null;
  for (const w of entry.prefix) {
    for (const other of byPrefixWord.get(w) ?? []) {
      if (seen.has(other) || other.words.size < 2) continue;
      seen.add(other);
      let common = 0;
      for (const x of entry.words) if (other.words.has(x)) common++;
      const score = common / (entry.words.size + other.words.size - common);
      if (score >= SIMILARITY && (!best || score > best.score)) best = { other, score };
    }
  }
  return best ? { kind: 'similar', of: best.other.ref, title: best.other.title } : null;
}
