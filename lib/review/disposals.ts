/** What the review offers an undelivered item, and the event each choice leaves on it. Pure: forms use it too. */
export const DISPOSALS = ['carry_over', 'drop', 're_request'] as const;
export type Disposal = (typeof DISPOSALS)[number];

export const DISPOSAL_EVENT: Record<Disposal, string> = {
  carry_over: 'item.carried_over',
  drop: 'item.dropped',
  re_request: 'item.re_requested',
};

export const DISPOSAL_LABEL: Record<Disposal, string> = {
  carry_over: 'Carry over',
  drop: 'Drop',
  re_request: 'Re-request',
};

/** How the review shows an item it already disposed of. */
export const DISPOSED_LABEL: Record<Disposal, string> = {
  carry_over: 'Carried over',
  drop: 'Dropped',
  re_request: 'Re-requested',
};

/** Field keys of one item's choice and reason, as the review form names them and refusals name them. */
export const choiceField = (itemId: number | string) => `choice_${itemId}`;
export const reasonField = (itemId: number | string) => `reason_${itemId}`;
