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

type Entry = { key: string; words: Set<string>; ref: DuplicateOf['of']; title: string };

/** Finds, for each title, the first earlier row or existing item it duplicates (null when none). */
export function findDuplicates(
  titles: { row: number; title: string }[],
  existing: { id: number; title: string }[],
): (DuplicateOf | null)[] {
  const exact = new Map<string, Entry>();
  const byWord = new Map<string, Entry[]>();
  const add = (entry: Entry) => {
    if (!exact.has(entry.key)) exact.set(entry.key, entry);
    for (const w of entry.words) {
      const list = byWord.get(w);
      if (list) list.push(entry);
      else byWord.set(w, [entry]);
    }
  };
  const entryOf = (title: string, ref: DuplicateOf['of']): Entry => {
    const key = foldWords(title);
    return { key, words: new Set(key.split(' ').filter(Boolean)), ref, title };
  };
  for (const item of existing) add(entryOf(item.title, { itemId: item.id }));
  return titles.map(({ row, title }) => {
    const entry = entryOf(title, { row });
    if (entry.key === '') return null;
    const same = exact.get(entry.key);
    let found: DuplicateOf | null = same ? { kind: 'exact', of: same.ref, title: same.title } : null;
    if (!found && entry.words.size >= 2) found = mostSimilar(entry, byWord);
    add(entry);
    return found;
  });
}

function mostSimilar(entry: Entry, byWord: Map<string, Entry[]>): DuplicateOf | null {
  const shared = new Map<Entry, number>();
  for (const w of entry.words) for (const other of byWord.get(w) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
  let best: { other: Entry; score: number } | null = null;
  for (const [other, common] of shared) {
    if (other.words.size < 2) continue;
    const score = common / (entry.words.size + other.words.size - common);
    if (score >= SIMILARITY && (!best || score > best.score)) best = { other, score };
  }
  return best ? { kind: 'similar', of: best.other.ref, title: best.other.title } : null;
}
