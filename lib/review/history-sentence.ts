/**
 * What a cycle's review did with an item when the cycle closed without delivering it, as its
 * history says it (lib/history/item-history.ts calls this). Pure.
 */
type Sentence = { summary: string; details: string[] };

export function reviewSentence(type: string, data: Record<string, unknown>, cycles: Record<number, string>): Sentence {
  const moved = (data.changes as { cycleId?: { from?: unknown; to?: unknown } } | undefined)?.cycleId;
  const name = (id: unknown) => (typeof id === 'number' ? cycles[id] : undefined);
  // Only a carry-over names the cycle among its changes; otherwise its name may not have been read.
  const closed = `not delivered when ${name(moved?.from ?? data.cycleId) ?? 'its cycle'} closed`;
  if (type === 'item.carried_over') {
    const to = name(moved?.to);
    return { summary: `carried it over${to ? ` into the ${to} backlog` : ''}, ${closed}.`, details: [] };
  }
  if (type === 'item.dropped') {
    const reason = typeof data.reason === 'string' && data.reason ? [`Reason: “${data.reason}”.`] : [];
    return { summary: `dropped it, ${closed}.`, details: reason };
  }
  const again = typeof data.newItemId === 'number' ? ` as #${data.newItemId}` : '';
  return { summary: `withdrew it and re-requested it${again}, ${closed}.`, details: [] };
}
