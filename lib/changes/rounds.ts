import type { SessionResponse } from '@/db/schema';

/**
 * The rounds of responses a change request went through. Amending a request after a dissent opens
 * a new round; the `cr.amended` event keeps the round it closed (every response as it stood), so
 * the page can show earlier rounds from the append-only log. Pure.
 */

export type EarlierRound = {
  round: number;
  /** When the amendment closed this round, and who made it. */
  amendedAt: string;
  amendedBy: string | null;
  responses: { userId: number; name: string; response: SessionResponse; comment: string; at: string }[];
};

type LogEvent = { type: string; at: string; actorName: string | null; data: Record<string, unknown> };
type AmendedData = { round?: number; earlierResponses?: Omit<EarlierRound['responses'][number], 'name'>[] };

const amendments = (log: readonly LogEvent[]) =>
  log.filter((e) => e.type === 'cr.amended').map((e) => ({ e, data: e.data as AmendedData }));

/** Everyone who responded in an earlier round, to look their names up. */
export const earlierResponderIds = (log: readonly LogEvent[]) =>
  amendments(log).flatMap(({ data }) => (data.earlierResponses ?? []).map((r) => r.userId));

/** Oldest first. */
export function earlierRoundsOf(log: readonly LogEvent[], name: (userId: number) => string): EarlierRound[] {
  return amendments(log).map(({ e, data }) => ({
    round: (data.round ?? 2) - 1,
    amendedAt: e.at,
    amendedBy: e.actorName,
    responses: (data.earlierResponses ?? []).map((r) => ({ ...r, name: name(r.userId) })),
  }));
}
