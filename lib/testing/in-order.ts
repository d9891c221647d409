/**
 * `Promise.all(list.map(fn))`, one at a time: test set-up that writes rows keeps their order (and
 * their ids) the same on every run and on both databases, where parallel writes would race.
 */
export async function inOrder<T, R>(list: readonly T[], fn: (value: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, value] of list.entries()) results.push(await fn(value, index));
  return results;
}
