export type HistoryEvent = { type: string; data: Record<string, unknown> };

/** One event as a person reads it: `summary` follows the actor's name; `details` are whole sentences. */
export type HistorySentence = { summary: string; details: string[] };
